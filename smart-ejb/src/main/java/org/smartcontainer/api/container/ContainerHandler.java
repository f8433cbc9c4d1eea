package org.smartcontainer.api.container;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import jakarta.json.JsonStructure;
import org.smartcontainer.api.core.SmartApi;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiFailure;
import org.smartcontainer.api.core.ApiRequest;
import org.smartcontainer.api.core.RouteHandler;
import org.smartcontainer.api.records.ProxyHandler;
import org.smartcontainer.api.routing.Capabilities;
import org.smartcontainer.api.routing.Handler;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.container.ContainerManifestService;

/** The container-category calls (api.md 6.1 to 6.3): manifest, ontology, app manifests. */
@ApplicationScoped
public class ContainerHandler implements RouteHandler {

    @EJB
    ContainerManifestService manifests;

    @EJB
    AppRegistry apps;

    @Inject
    SmartApi api;

    @Inject
    ProxyHandler proxy;

    @Override
    public Set<Handler> serves() {
        return EnumSet.of(Handler.CONTAINER_MANIFEST, Handler.ONTOLOGY, Handler.APP_MANIFESTS, Handler.APP_MANIFEST);
    }

    @Override
    public ApiAnswer answer(ApiRequest request) {
        return switch (request.match().route().handler()) {
            case CONTAINER_MANIFEST -> manifest(request.apiBase(), request.uiBase());
            case ONTOLOGY -> ontology();
            case APP_MANIFESTS -> appManifests();
            default -> appManifest(request.variable("descriptor"));
        };
    }

    /** The container manifest with the capabilities of what the router serves. */
    public ApiAnswer manifest(String apiBase, String uiBase) {
        // in proxy mode the EHR owns the records: writes to them are not served, so not advertised
        Capabilities capabilities = proxy.enabled() ? api.router().capabilitiesWithout(Set.of(Handler.RECORD_POST))
                : api.router().capabilities();
        JsonObject manifest = manifests.manifest(apiBase, uiBase, capabilities.toJson());
        return json(manifest).with("Cache-Control", "max-age=300");
    }

    /** The ontology that drives routing, as RDF/XML. */
    public ApiAnswer ontology() {
        return ApiAnswer.ok(api.ontologyRdfXml(), "application/rdf+xml").with("Cache-Control", "max-age=300");
    }

    /** The stored manifests of all apps (machine apps have none). */
    public ApiAnswer appManifests() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (App app : apps.list()) {
            JsonObject manifest = app.getManifestJson();
            if (manifest != null) {
                all.add(manifest);
            }
        }
        return json(all.build());
    }

    /** The stored manifest of one app; {@code 404} if there is no such app (or it has no manifest). */
    public ApiAnswer appManifest(String appId) {
        JsonObject manifest = apps.find(appId).map(App::getManifestJson)
                .orElseThrow(() -> ApiFailure.notFound("No app " + appId));
        return json(manifest);
    }

    private static ApiAnswer json(JsonStructure value) {
        return ApiAnswer.ok(value.toString().getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
