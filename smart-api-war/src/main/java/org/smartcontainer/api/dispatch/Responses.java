package org.smartcontainer.api.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.rdf4j.model.Model;
import org.smartcontainer.api.representation.RdfRepresentation;

/** The one place that turns a response graph into a JAX-RS response in the negotiated representation. */
@ApplicationScoped
public class Responses {

    @Inject
    SmartApi api;

    /** {@code 200} with the graph in the request's representation, written while the response is sent. */
    public Response rdf(ApiRequest request, Model graph) {
        RdfRepresentation body = api.writer().represent(graph, request.representation());
        return Response.ok(body, body.contentType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
