package org.smartcontainer.api;

import jakarta.ws.rs.core.UriInfo;
import org.smartcontainer.api.core.ApiInvocation;

/** Turns JAX-RS requests into the API core's invocations, the caller's credentials in the request. */
public final class JaxRsInvocations {

    private JaxRsInvocations() {
    }

    /** The invocation of a request to the API, its path as received (percent-encoded). */
    public static ApiInvocation of(String method, UriInfo uri, ApiInvocation.HeaderLookup headers, RequestBody body,
            PublicUrls urls) {
        return new ApiInvocation(method, path(uri), uri.getRequestUri().getRawQuery(), headers, body::bytes,
                urls.apiBase(uri), urls.uiBase(uri), ApiInvocation.Credentials.IN_REQUEST);
    }

    /** The path of a request relative to the API base, as received (percent-encoded), starting with {@code /}. */
    public static String path(UriInfo uri) {
        String path = uri.getPath(false);
        return path.startsWith("/") ? path : "/" + path;
    }
}
