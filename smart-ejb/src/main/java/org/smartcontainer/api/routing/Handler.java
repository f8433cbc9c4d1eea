package org.smartcontainer.api.routing;

import java.util.Map;
import java.util.Optional;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.CallTarget;
import org.smartcontainer.ontology.ApiCall;

/**
 * What serves a route. Most record calls are served generically from the ontology (collection, item,
 * post); the calls of {@link #SPECIAL} have hand-written handlers (api.md sections 4.6 to 6). A call that is
 * neither is not served and so not advertised in the manifest capabilities.
 */
public enum Handler {
    /** Generic collection read of record statements (api.md 4.1). */
    RECORD_ITEMS(CallCategory.RECORD_READ, true, InProxyMode.FORWARD),
    /** Generic single statement read (api.md 4.8). */
    RECORD_ITEM(CallCategory.RECORD_READ, true, InProxyMode.FORWARD),
    /** Generic statement write, {@code POST .../clinical_notes/} (api.md 10). */
    RECORD_POST(CallCategory.CLINICAL_NOTE_POST, true, InProxyMode.REFUSE),
    /** Allergies plus allergy exclusions (api.md 4.6). */
    ALLERGIES(CallCategory.RECORD_READ, true, InProxyMode.FORWARD),
    /** Document metadata, optionally with content ({@code format}, api.md 4.7). */
    DOCUMENTS(CallCategory.RECORD_READ, true, InProxyMode.FORWARD),
    /** One document: raw bytes by default ({@code format}, api.md 4.7). */
    DOCUMENT(CallCategory.RECORD_READ, true, InProxyMode.FORWARD),
    /** The record's photograph as raw bytes (api.md 4.7). */
    PHOTOGRAPH(CallCategory.RECORD_READ, true, InProxyMode.FORWARD),
    /** Opaque per-record, per-app storage (api.md 5). */
    SCRATCHPAD(CallCategory.SCRATCHPAD, true, InProxyMode.LOCAL),
    /** Opaque per-user, per-app storage (api.md 5). */
    USER_PREFERENCES(CallCategory.USER_PREFERENCES, false, InProxyMode.LOCAL),
    /** {@code GET /manifest} (api.md 6.1). */
    CONTAINER_MANIFEST(CallCategory.PUBLIC, false, InProxyMode.LOCAL),
    /** {@code GET /ontology} (api.md 6.2). */
    ONTOLOGY(CallCategory.PUBLIC, false, InProxyMode.LOCAL),
    /** All app manifests (api.md 6.3). */
    APP_MANIFESTS(CallCategory.APP_MANIFESTS_READ, false, InProxyMode.LOCAL),
    /** One app manifest (api.md 6.3). */
    APP_MANIFEST(CallCategory.APP_MANIFESTS_READ, false, InProxyMode.LOCAL),
    /** Patient search (api.md 6.4). */
    RECORD_SEARCH(CallCategory.RECORD_SEARCH, true, InProxyMode.LOCAL),
    /** User search (api.md 6.5). */
    USER_SEARCH(CallCategory.USER_DIRECTORY, false, InProxyMode.LOCAL),
    /** One user (api.md 6.5). */
    USER(CallCategory.USER_DIRECTORY, false, InProxyMode.LOCAL),
    /** An anonymous CORS preflight ({@code OPTIONS}) on a path that allows it (api.md 1.5). */
    CORS_PREFLIGHT(CallCategory.PUBLIC, false, InProxyMode.LOCAL);

    /** What proxy mode (records owned by an EHR) does with a route. */
    public enum InProxyMode {
        /** Served by the container as always (container, user and app data). */
        LOCAL,
        /** A record read: forwarded to the EHR. */
        FORWARD,
        /** A record write: the EHR owns the data, so it is neither stored here nor advertised ({@code 405}). */
        REFUSE
    }

    private final CallCategory category;
    private final boolean patientData;
    private final InProxyMode inProxyMode;

    Handler(CallCategory category, boolean patientData, InProxyMode inProxyMode) {
        this.category = category;
        this.patientData = patientData;
        this.inProxyMode = inProxyMode;
    }

    /** The row of the access matrix its calls fall in. */
    public CallCategory category() {
        return category;
    }

    /** Whether its calls read or write patient data, and so are audited. */
    public boolean patientData() {
        return patientData;
    }

    /** What proxy mode does with its routes. */
    public InProxyMode inProxyMode() {
        return inProxyMode;
    }

    /**
     * The path variables the access decision depends on.
     *
     * @param found the matched route
     * @param queryRecordId the {@code record_id} query parameter (record search), or null
     */
    public CallTarget target(RouteMatch.Found found, String queryRecordId) {
        var v = found.variables();
        return switch (this) {
            case CONTAINER_MANIFEST, ONTOLOGY, CORS_PREFLIGHT, APP_MANIFESTS, USER_SEARCH -> CallTarget.none();
            case APP_MANIFEST -> CallTarget.app(v.get("descriptor"));
            case RECORD_SEARCH -> CallTarget.record(queryRecordId);
            case USER -> CallTarget.userApp(v.get("user_id"), null);
            case USER_PREFERENCES -> CallTarget.userApp(v.get("user_id"), v.get("smart_app_id"));
            case SCRATCHPAD -> CallTarget.recordApp(v.get("record_id"), v.get("smart_app_id"));
            case RECORD_POST, RECORD_ITEMS, RECORD_ITEM, ALLERGIES, DOCUMENTS, DOCUMENT, PHOTOGRAPH ->
                    CallTarget.record(v.get("record_id"));
        };
    }

    /** The explicit table: calls served by a special handler, by {@code api:clientMethodName}. */
    static final Map<String, Handler> SPECIAL = Map.ofEntries(
            Map.entry("get_allergies", ALLERGIES),
            Map.entry("get_documents", DOCUMENTS),
            Map.entry("get_document", DOCUMENT),
            Map.entry("get_photograph", PHOTOGRAPH),
            Map.entry("get_scratchpad_data", SCRATCHPAD),
            Map.entry("put_scratchpad_data", SCRATCHPAD),
            Map.entry("delete_scratchpad_data", SCRATCHPAD),
            Map.entry("get_user_preferences", USER_PREFERENCES),
            Map.entry("put_user_preferences", USER_PREFERENCES),
            Map.entry("delete_user_preferences", USER_PREFERENCES),
            Map.entry("get_container_manifest", CONTAINER_MANIFEST),
            Map.entry("get_ontology", ONTOLOGY),
            Map.entry("get_app_manifests", APP_MANIFESTS),
            Map.entry("get_app_manifest", APP_MANIFEST),
            Map.entry("search_records", RECORD_SEARCH),
            Map.entry("search_users", USER_SEARCH),
            Map.entry("get_user", USER));

    /** The handler of an ontology call: the explicit table first, then the generic record handlers. */
    public static Optional<Handler> forCall(ApiCall call) {
        Handler special = SPECIAL.get(call.clientMethodName());
        if (special != null) {
            return Optional.of(special);
        }
        if (!"record".equals(call.category())) {
            return Optional.empty();
        }
        return switch (call.httpMethod()) {
            case "GET" -> Optional.of(call.multiple() ? RECORD_ITEMS : RECORD_ITEM);
            case "POST" -> Optional.of(RECORD_POST);
            default -> Optional.empty();
        };
    }

    /** Whether paths served by this handler answer anonymous CORS preflights (api.md 1.5). */
    public boolean answersPreflight() {
        return this == SCRATCHPAD || this == USER_PREFERENCES || this == APP_MANIFEST;
    }
}
