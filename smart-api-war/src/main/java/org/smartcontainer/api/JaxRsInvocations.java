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
        String path = uri.getPath(false);
        return new ApiInvocation(method, path.startsWith("/") ? path : "/" + path, uri.getRequestUri().getRawQuery(),
                headers, body::bytes, urls.apiBase(uri), urls.uiBase(uri), ApiInvocation.Credentials.IN_REQUEST);
    }
}
