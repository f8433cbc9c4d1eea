package org.smartcontainer.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.config.TransportSecurity;

/**
 * With {@code smart.tls.required=true}: plain-HTTP requests are refused with 403 before anything else
 * (no redirect: an API client that sent a token in clear must learn it, not be silently upgraded), and
 * HTTPS responses carry {@code Strict-Transport-Security}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class HttpsRequirement implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    private TransportSecurity transport;

    @Override
    public void filter(ContainerRequestContext request) {
        if (transport.required() && !request.getSecurityContext().isSecure()) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("HTTPS required: this container accepts API requests over TLS only").build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (transport.required() && request.getSecurityContext().isSecure()) {
            response.getHeaders().putSingle("Strict-Transport-Security", TransportSecurity.HSTS);
        }
    }
}
