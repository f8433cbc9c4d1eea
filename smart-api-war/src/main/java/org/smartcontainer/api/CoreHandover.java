package org.smartcontainer.api;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the current request, one for a route of the API core, reached the core: the authorization point marks
 * it due ({@code security.ApiAuthorization}), the {@code dispatch.ApiDispatcher} marks it handed over. JAX-RS may
 * answer a due request itself in between (it cannot parse its {@code Accept} header while choosing the resource
 * method); such a request is still the core's to admit and audit ({@code dispatch.RefusedBeforeTheCore}).
 */
@RequestScoped
public class CoreHandover {

    private boolean due;
    private boolean handedOver;

    /** The request is for a route of the core (not one of the container's own JAX-RS resources). */
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
