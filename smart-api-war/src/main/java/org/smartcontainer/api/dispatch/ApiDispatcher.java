package org.smartcontainer.api.dispatch;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.smartcontainer.api.JaxRsAnswers;
import org.smartcontainer.api.JaxRsInvocations;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.RequestBody;
import org.smartcontainer.api.RoutedRequest;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiCore;
import org.smartcontainer.api.core.ApiInvocation;

/**
 * The JAX-RS front of every ontology route: turns the HTTP request into an {@link ApiInvocation}, lets the
 * {@link ApiCore} admit, dispatch and audit it on the route the edge found ({@link RoutedRequest}), and sends its
 * {@link ApiAnswer}. Resources with literal
 * paths (OAuth, admin) take precedence by the JAX-RS matching rules.
 */
@Path("/")
public class ApiDispatcher {

    @Inject
    ApiCore core;

    @Inject
    PublicUrls urls;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Inject
    RequestBody body;

    @Inject
    RoutedRequest routed;

    @GET
    @Path("{path: .*}")
    public Response get() {
        return call("GET");
    }

    @POST
    @Path("{path: .*}")
    public Response post() {
        return call("POST");
    }

    @PUT
    @Path("{path: .*}")
    public Response put() {
        return call("PUT");
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete() {
        return call("DELETE");
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch() {
        return call("PATCH");
    }

    /** Preflights are answered before (CorsFilter); any other OPTIONS is routed like a call. */
    @OPTIONS
    @Path("{path: .*}")
    public Response options() {
        return call("OPTIONS");
    }

    private Response call(String method) {
        ApiInvocation invocation = JaxRsInvocations.of(method, uri, headers::getHeaderString, body, urls);
        routed.handedOver();
        return JaxRsAnswers.response(core.handle(invocation, routed.match()));
    }
}
