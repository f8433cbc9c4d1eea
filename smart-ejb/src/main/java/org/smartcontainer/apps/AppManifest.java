package org.smartcontainer.apps;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A validated SMART app manifest (data-model.md §3): the schema of the reference's
 * {@code manifest_tests.py} with {@code additionalProperties: false}, plus the mode rules.
 * {@link #json()} is the manifest re-serialized with sorted keys, as stored.
 */
public final class AppManifest {

    /** Longest manifest accepted, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;

    private static final Set<String> FIELDS = Set.of("id", "name", "description", "author", "version", "mode",
            "scope", "index", "icon", "oauth_callback", "standalone", "optimalBrowserEnvironments",
            "supportedBrowserEnvironments", "requires", "smart_version");
    private static final Set<String> ENVIRONMENTS = Set.of("desktop", "tablet", "mobile");
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE");
    /** Id and consumer key: e-mail-like, no slash, no space (it appears in URL paths and OAuth headers). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}(@[A-Za-z0-9][A-Za-z0-9.-]{0,126})?");
    /** The reference's permissive URL pattern: a scheme, an optional host[:port], a path (smart-app:/// allowed). */
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"<>]*");
    private static final Pattern SMART_VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");

    private final JsonObject manifest;
    private final AppKind kind;

    private AppManifest(JsonObject manifest, AppKind kind) {
        this.manifest = manifest;
        this.kind = kind;
    }

    /**
     * Parses and validates a manifest; {@code overrideIndex} and {@code overrideIcon} (may be null)
     * replace the manifest's URLs before validation, as the reference loader's options do.
     *
     * @throws InvalidManifestException listing every problem; nothing is returned then
     */
    public static AppManifest parse(String json, String overrideIndex, String overrideIcon) throws InvalidManifestException {
        if (json == null || json.isBlank()) {
            throw new InvalidManifestException(List.of("manifest: empty"));
        }
        if (json.length() > MAX_LENGTH) {
            throw new InvalidManifestException(List.of("manifest: longer than " + MAX_LENGTH + " characters"));
        }
        JsonValue parsed;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            parsed = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidManifestException(List.of("manifest: not valid JSON"));
        }
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidManifestException(List.of("manifest: must be a JSON object"));
        }
        JsonObjectBuilder overridden = Json.createObjectBuilder(parsed.asJsonObject());
        if (overrideIndex != null) {
            overridden.add("index", overrideIndex);
        }
        if (overrideIcon != null) {
            overridden.add("icon", overrideIcon);
        }
        JsonObject m = overridden.build();

        List<String> problems = new ArrayList<>();
        for (String key : new TreeMap<>(m).keySet()) {
            if (!FIELDS.contains(key)) {
                problems.add(key + ": unknown field");
            }
        }
        String id = requiredString(m, "id", problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add("id: must be an e-mail-like identifier of letters, digits and . _ + - @ (at most 256 characters)");
        }
        requiredString(m, "name", problems);
        requiredString(m, "description", problems);
        optionalString(m, "author", problems);
        optionalString(m, "version", problems);
        String mode = requiredString(m, "mode", problems);
        AppKind kind = null;
        if (mode != null) {
            switch (mode) {
                case "ui" -> kind = AppKind.ui;
                case "frame_ui" -> kind = AppKind.frame_ui;
                case "background", "helper" -> kind = AppKind.background;
                default -> problems.add("mode: must be one of ui, frame_ui, background");
            }
        }
        String scope = optionalString(m, "scope", problems);
        if (scope != null && !scope.equals("record") && !scope.equals("container")) {
            problems.add("scope: must be record or container");
        }
        for (String field : List.of("index", "icon", "oauth_callback")) {
            String url = optionalString(m, field, problems);
            if (url != null && !URL.matcher(url).matches()) {
                problems.add(field + ": must be a URL (scheme://[host[:port]]/path)");
            }
        }
        if (m.containsKey("standalone") && m.get("standalone").getValueType() != JsonValue.ValueType.TRUE
                && m.get("standalone").getValueType() != JsonValue.ValueType.FALSE) {
            problems.add("standalone: must be true or false");
        }
        for (String field : List.of("optimalBrowserEnvironments", "supportedBrowserEnvironments")) {
            if (m.containsKey(field)) {
                uniqueStrings(m.get(field), field, ENVIRONMENTS, problems);
            }
        }
        if (m.containsKey("requires")) {
            checkRequires(m.get("requires"), problems);
        }
        String smartVersion = optionalString(m, "smart_version", problems);
        if (smartVersion != null && !SMART_VERSION.matcher(smartVersion).matches()) {
            problems.add("smart_version: must look like 0.6 or 0.6.1");
        }
        if (kind != null && kind.isUiApp()) {
            for (String field : List.of("index", "icon")) {
                if (!m.containsKey(field)) {
                    problems.add(field + ": required for mode " + mode);
                }
            }
        }
        if (kind == AppKind.background) {
            for (String field : List.of("index", "oauth_callback", "optimalBrowserEnvironments", "supportedBrowserEnvironments")) {
                if (m.containsKey(field)) {
                    problems.add(field + ": not allowed for mode background");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        return new AppManifest(sorted(m).asJsonObject(), kind);
    }

    private static String requiredString(JsonObject m, String field, List<String> problems) {
        if (!m.containsKey(field)) {
            problems.add(field + ": required");
            return null;
        }
        String value = optionalString(m, field, problems);
        if (value != null && value.isBlank()) {
            problems.add(field + ": must not be empty");
            return null;
        }
        return value;
    }

    private static String optionalString(JsonObject m, String field, List<String> problems) {
        if (!m.containsKey(field)) {
            return null;
        }
        if (m.get(field).getValueType() != JsonValue.ValueType.STRING) {
            problems.add(field + ": must be a string");
            return null;
        }
        return m.getString(field);
    }

    private static void uniqueStrings(JsonValue value, String field, Set<String> allowed, List<String> problems) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.add(field + ": must be an array");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                problems.add(field + ": items must be strings");
                return;
            }
            String s = ((JsonString) item).getString();
            if (allowed != null && !allowed.contains(s)) {
                problems.add(field + ": '" + s + "' is not one of " + String.join(", ", new TreeSet<>(allowed)));
                return;
            }
            if (!seen.add(s)) {
                problems.add(field + ": '" + s + "' appears twice");
                return;
            }
        }
    }

    private static void checkRequires(JsonValue requires, List<String> problems) {
        if (requires.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.add("requires: must be an object");
            return;
        }
        for (Map.Entry<String, JsonValue> entry : new TreeMap<>(requires.asJsonObject()).entrySet()) {
            String where = "requires." + entry.getKey();
            if (!URL.matcher(entry.getKey()).matches()) {
                problems.add(where + ": the key must be a data type URI");
            }
            if (entry.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                problems.add(where + ": must be an object");
                continue;
            }
            JsonObject need = entry.getValue().asJsonObject();
            for (String key : new TreeMap<>(need).keySet()) {
                if (!key.equals("methods") && !key.equals("codes")) {
                    problems.add(where + "." + key + ": unknown field");
                }
            }
            if (need.containsKey("methods")) {
                uniqueStrings(need.get("methods"), where + ".methods", METHODS, problems);
            }
            if (need.containsKey("codes")) {
                uniqueStrings(need.get("codes"), where + ".codes", null, problems);
            }
        }
    }

    /** The same JSON value with the keys of every object in sorted order. */
    private static JsonValue sorted(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder b = Json.createObjectBuilder();
                new TreeMap<>(value.asJsonObject()).forEach((k, v) -> b.add(k, sorted(v)));
                return b.build();
            }
            case ARRAY -> {
                JsonArrayBuilder b = Json.createArrayBuilder();
                for (JsonValue v : (JsonArray) value) {
                    b.add(sorted(v));
                }
                return b.build();
            }
            default -> {
                return value;
            }
        }
    }

    /** The app id, also the OAuth consumer key. */
    public String id() {
        return manifest.getString("id");
    }

    /** The display name. */
    public String name() {
        return manifest.getString("name");
    }

    /** The one-line description. */
    public String description() {
        return manifest.getString("description");
    }

    /** {@code ui}, {@code frame_ui} or {@code background}. */
    public AppKind kind() {
        return kind;
    }

    /** The launch URL, or null (background apps). */
    public String index() {
        return manifest.getString("index", null);
    }

    /** The icon URL, or null. */
    public String icon() {
        return manifest.getString("icon", null);
    }

    /** The only callback the three-legged flow ever redirects to, or null. */
    public String oauthCallback() {
        return manifest.getString("oauth_callback", null);
    }

    /** {@code record} (default) or {@code container}. */
    public String scope() {
        return manifest.getString("scope", "record");
    }

    /** Whether the app runs in its own window or natively. */
    public boolean standalone() {
        return manifest.getBoolean("standalone", false);
    }

    /** The manifest as stored: the input with sorted keys. */
    public String json() {
        return manifest.toString();
    }

    /** The manifest as a JSON object. */
    public JsonObject asJson() {
        return manifest;
    }
}
