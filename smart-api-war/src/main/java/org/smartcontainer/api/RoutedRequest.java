package org.smartcontainer.api;

import jakarta.enterprise.context.RequestScoped;
import org.smartcontainer.api.routing.RouteMatch;

/**
 * The route the current request was matched to at the edge ({@code front.RouteAtTheEdge}), once, and whether it
 * reached the API core: the authorization point marks a request for one of the core's routes due
 * ({@code security.ApiAuthorization}), the {@code dispatch.ApiDispatcher} marks it handed over. JAX-RS may answer a
 * due request itself in between (it cannot parse its {@code Accept} header while choosing the resource method);
 * such a request is still the core's to admit and audit ({@code dispatch.RefusedBeforeTheCore}).
 */
@RequestScoped
public class RoutedRequest {

    private RouteMatch match;
    private boolean due;
    private boolean handedOver;

    /** Records the edge's match. */
    public void routed(RouteMatch match) {
        this.match = match;
    }

    /** The edge's match; null only for a request the edge never saw. */
    public RouteMatch match() {
        return match;
    }

    /** The request is for a route of the core (not one of the front's own resources). */
    public void due() {
        due = true;
    }

    /** The front handed the request to the core, which answers and audits it. */
    public void handedOver() {
        handedOver = true;
    }

    /** Whether the request was for the core but never reached it. */
    public boolean missed() {
        return due && !handedOver;
    }
}
