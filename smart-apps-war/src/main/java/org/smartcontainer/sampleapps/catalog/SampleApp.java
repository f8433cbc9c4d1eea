package org.smartcontainer.sampleapps.catalog;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * One sample app as registered in the container: what its manifest says (sample-apps.md section 2) and
 * whether accounts have it enabled until they choose otherwise.
 *
 * @param id the app id, also its OAuth consumer key
 * @param name display name
 * @param description one line for the launcher and the authorization page
 * @param mode {@code ui} or {@code background}
 * @param folder the app's path under the sample apps' base URL, e.g. {@code med-list/}; null for background apps
 * @param oauthCallback path of the OAuth callback under the base URL (REST apps only), else null
 * @param requires data types (SMART term local names) the app reads, with the methods it uses
 * @param enabledByDefault whether accounts that made no choice have the app enabled
 */
public record SampleApp(String id, String name, String description, String mode, String folder, String oauthCallback,
        List<Requirement> requires, boolean enabledByDefault) {

    /** One entry of the manifest's {@code requires}: a SMART data type and the methods the app uses on it. */
    public record Requirement(String type, List<String> methods) {
    }

    /** Whether this app runs without a UI (helper-token loop). */
    public boolean background() {
        return "background".equals(mode);
    }

    /** The manifest with URLs under {@code baseUrl} (the sample apps' public base, no trailing slash). */
    public JsonObject manifest(String baseUrl) {
        JsonObjectBuilder m = Json.createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("description", description)
                .add("author", "SMART Container EE")
                .add("version", "1.0")
                .add("smart_version", "0.6")
                .add("mode", mode);
        if (!background()) {
            m.add("scope", "record")
                    .add("index", baseUrl + "/" + folder)
                    .add("icon", baseUrl + "/" + folder + "icon.svg");
        }
        if (oauthCallback != null) {
            m.add("oauth_callback", baseUrl + "/" + oauthCallback);
        }
        JsonObjectBuilder req = Json.createObjectBuilder();
        for (Requirement r : requires) {
            JsonArrayBuilder methods = Json.createArrayBuilder();
            r.methods().forEach(methods::add);
            req.add("http://smartplatforms.org/terms#" + r.type(), Json.createObjectBuilder().add("methods", methods));
        }
        m.add("requires", req);
        return m.build();
    }
}
