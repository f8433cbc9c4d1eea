package org.smartcontainer.api.container;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.security.Anonymous;

/** {@code GET /manifest}: the container manifest, readable by anyone. */
@Path("manifest")
@Anonymous
public class ManifestResource {

    @Inject
    private ContainerHandler container;

    @Inject
    private PublicUrls urls;

    @GET
    public Response manifest(@Context UriInfo request) {
        return container.manifest(urls.apiBase(request), urls.uiBase(request));
    }
}
