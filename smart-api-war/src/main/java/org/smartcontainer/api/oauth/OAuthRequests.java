package org.smartcontainer.api.oauth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.smartcontainer.oauth.OAuthRequest;

/**
 * Builds the {@link OAuthRequest} of a JAX-RS request against the <em>public</em> API base, so that
 * signatures computed by clients behind a TLS terminator or proxy verify.
 */
public final class OAuthRequests {

    private OAuthRequests() {
    }

    /** For a resource method: the body has already been read into {@code body}. */
    public static OAuthRequest of(String method, UriInfo uri, HttpHeaders headers, String apiBase, byte[] body) {
        return new OAuthRequest(method, publicUrl(uri, apiBase), headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
    }

    /** {@code apiBase} + the request's raw path relative to the application + its raw query. */
    static URI publicUrl(UriInfo uri, String apiBase) {
        String path = uri.getPath(false);
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        String query = uri.getRequestUri().getRawQuery();
        return URI.create(base + (path.startsWith("/") ? path : "/" + path) + (query == null ? "" : "?" + query));
    }
}
