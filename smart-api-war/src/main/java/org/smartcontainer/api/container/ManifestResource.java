package org.smartcontainer.api.container;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.security.Anonymous;
import org.smartcontainer.container.ContainerManifestService;

/** {@code GET /manifest}: the container manifest, readable by anyone. */
@Path("manifest")
@Anonymous
public class ManifestResource {

    @EJB
    private ContainerManifestService manifests;

    @Inject
    private PublicUrls urls;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject manifest(@Context UriInfo request) {
        return manifests.manifest(urls.apiBase(request), urls.uiBase(request));
    }
}
