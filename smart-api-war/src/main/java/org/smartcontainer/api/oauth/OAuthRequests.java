package org.smartcontainer.api.oauth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.smartcontainer.oauth.OAuthRequest;

/**
 * Builds the {@link OAuthRequest} of a JAX-RS request against the <em>public</em> API base, so that
 * signatures computed by clients behind a TLS terminator or proxy verify.
 */
public final class OAuthRequests {

    /** Largest body read for signature checks (form bodies, body hashes). */
    public static final int MAX_BODY = 1024 * 1024;

    private OAuthRequests() {
    }

    /** For a resource method: the body has already been read into {@code body}. */
    public static OAuthRequest of(String method, UriInfo uri, HttpHeaders headers, String apiBase, byte[] body) {
        return new OAuthRequest(method, publicUrl(uri, apiBase), headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
    }

    /** For a request filter: reads the body and puts it back, so the resource still gets it. */
    public static OAuthRequest of(ContainerRequestContext request, String apiBase) {
        byte[] body = new byte[0];
        if (request.hasEntity()) {
            try (InputStream in = request.getEntityStream()) {
                body = in.readNBytes(MAX_BODY + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (body.length > MAX_BODY) {
                throw new IllegalArgumentException("Request body too large");
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        return new OAuthRequest(request.getMethod(), publicUrl(request.getUriInfo(), apiBase),
                request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
    }

    /** {@code apiBase} + the request's raw path relative to the application + its raw query. */
    static URI publicUrl(UriInfo uri, String apiBase) {
        String path = uri.getPath(false);
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        String query = uri.getRequestUri().getRawQuery();
        return URI.create(base + (path.startsWith("/") ? path : "/" + path) + (query == null ? "" : "?" + query));
    }
}
