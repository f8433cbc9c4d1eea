package org.smartcontainer.container;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container manifest ({@code GET /manifest}): who this container is, where its OAuth and launch
 * endpoints are, and what it serves. The key names are fixed by the SMART clients.
 */
@Stateless
public class ContainerManifestService {

    @Inject
    @ConfigProperty(name = "smart.name")
    private String name;

    @Inject
    @ConfigProperty(name = "smart.description")
    private String description;

    @Inject
    @ConfigProperty(name = "smart.admin.contact")
    private String adminContact;

    @Inject
    @ConfigProperty(name = "smart.version")
    private String smartVersion;

    /**
     * The manifest for a container whose API is at {@code apiBase} and whose portal is at {@code uiBase}
     * (both absolute, without a trailing slash) that serves {@code capabilities} (manifest spec section 1.2,
     * computed from the routes it serves).
     */
    public JsonObject manifest(String apiBase, String uiBase, JsonObject capabilities) {
        return Json.createObjectBuilder()
                .add("smart_version", smartVersion)
                .add("api_base", apiBase)
                .add("name", name)
                .add("description", description)
                .add("admin", adminContact)
                .add("launch_urls", Json.createObjectBuilder()
                        .add("app_launch", uiBase + "/apps/{{app_id}}/launch")
                        .add("request_token", apiBase + "/oauth/request_token")
                        .add("authorize_token", uiBase + "/oauth/authorize")
                        .add("exchange_token", apiBase + "/oauth/access_token"))
                .add("capabilities", capabilities)
                .build();
    }
}
