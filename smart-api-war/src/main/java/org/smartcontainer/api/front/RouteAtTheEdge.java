package org.smartcontainer.api.front;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.api.JaxRsInvocations;
import org.smartcontainer.api.RoutedRequest;

/**
 * Routes every API request once, first of all the front's filters: the match ({@link FrontRouter}) travels with
 * the request in {@link RoutedRequest}, and CORS, the authorization point, the audit of the front's own resources
 * and the dispatcher read it there instead of matching again. {@code HEAD} is routed as {@code GET}: JAX-RS serves
 * it with the {@code GET} method.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class RouteAtTheEdge implements ContainerRequestFilter {

    @Inject
    FrontRouter router;

    @Inject
    RoutedRequest routed;

    @Override
    public void filter(ContainerRequestContext request) {
        String method = HttpMethod.HEAD.equals(request.getMethod()) ? HttpMethod.GET : request.getMethod();
        routed.routed(router.match(method, JaxRsInvocations.path(request.getUriInfo())));
    }
}
