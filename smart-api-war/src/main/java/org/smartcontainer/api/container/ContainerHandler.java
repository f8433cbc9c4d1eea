package org.smartcontainer.api.container;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.smartcontainer.api.dispatch.SmartApi;
import org.smartcontainer.api.errors.ApiProblem;
import org.smartcontainer.api.records.ProxyHandler;
import org.smartcontainer.api.routing.Capabilities;
import org.smartcontainer.api.routing.Handler;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.container.ContainerManifestService;

/** The container-category calls (api.md 6.1 to 6.3): manifest, ontology, app manifests. */
@ApplicationScoped
public class ContainerHandler {

    @EJB
    ContainerManifestService manifests;

    @EJB
    AppRegistry apps;

    @Inject
    SmartApi api;

    @Inject
    ProxyHandler proxy;

    /** The container manifest with the capabilities of what the router serves. */
    public Response manifest(String apiBase, String uiBase) {
        // in proxy mode the EHR owns the records: writes to them are not served, so not advertised
        Capabilities capabilities = proxy.enabled() ? api.router().capabilitiesWithout(Set.of(Handler.RECORD_POST))
                : api.router().capabilities();
        JsonObject manifest = manifests.manifest(apiBase, uiBase, capabilities.toJson());
        return Response.ok(manifest, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "max-age=300").build();
    }

    /** The ontology that drives routing, as RDF/XML. */
    public Response ontology() {
        return Response.ok(api.ontologyRdfXml(), "application/rdf+xml").header("Cache-Control", "max-age=300").build();
    }

    /** The stored manifests of all apps (machine apps have none). */
    public Response appManifests() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (App app : apps.list()) {
            JsonObject manifest = app.getManifestJson();
            if (manifest != null) {
                all.add(manifest);
            }
        }
        return Response.ok(all.build(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The stored manifest of one app; {@code 404} if there is no such app (or it has no manifest). */
    public Response appManifest(String appId) {
        JsonObject manifest = apps.find(appId).map(App::getManifestJson)
                .orElseThrow(() -> ApiProblem.notFound("No app " + appId));
        return Response.ok(manifest, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
