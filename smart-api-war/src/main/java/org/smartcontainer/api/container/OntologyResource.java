package org.smartcontainer.api.container;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.smartcontainer.api.security.Anonymous;

/** {@code GET /ontology}: the ontology the API routes by, readable by anyone (api.md 6.2). */
@Path("ontology")
@Anonymous
public class OntologyResource {

    @Inject
    private ContainerHandler container;

    @GET
    public Response ontology() {
        return container.ontology();
    }
}
