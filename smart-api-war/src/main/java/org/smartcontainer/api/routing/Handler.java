package org.smartcontainer.api.routing;

import java.util.Map;
import java.util.Optional;
import org.smartcontainer.ontology.ApiCall;

/**
 * What serves a route. Most record calls are served generically from the ontology (collection, item,
 * post); the calls of {@link #SPECIAL} have hand-written handlers (api.md sections 4.6 to 6). A call that is
 * neither is not served and so not advertised in the manifest capabilities.
 */
public enum Handler {
    /** Generic collection read of record statements (api.md 4.1). */
    RECORD_ITEMS,
    /** Generic single statement read (api.md 4.8). */
    RECORD_ITEM,
    /** Generic statement write, {@code POST .../clinical_notes/} (api.md 10). */
    RECORD_POST,
    /** Allergies plus allergy exclusions (api.md 4.6). */
    ALLERGIES,
    /** Document metadata, optionally with content ({@code format}, api.md 4.7). */
    DOCUMENTS,
    /** One document: raw bytes by default ({@code format}, api.md 4.7). */
    DOCUMENT,
    /** The record's photograph as raw bytes (api.md 4.7). */
    PHOTOGRAPH,
    /** Opaque per-record, per-app storage (api.md 5). */
    SCRATCHPAD,
    /** Opaque per-user, per-app storage (api.md 5). */
    USER_PREFERENCES,
    /** {@code GET /manifest} (api.md 6.1). */
    CONTAINER_MANIFEST,
    /** {@code GET /ontology} (api.md 6.2). */
    ONTOLOGY,
    /** All app manifests (api.md 6.3). */
    APP_MANIFESTS,
    /** One app manifest (api.md 6.3). */
    APP_MANIFEST,
    /** Patient search (api.md 6.4). */
    RECORD_SEARCH,
    /** User search (api.md 6.5). */
    USER_SEARCH,
    /** One user (api.md 6.5). */
    USER,
    /** An anonymous CORS preflight ({@code OPTIONS}) on a path that allows it (api.md 1.5). */
    CORS_PREFLIGHT;

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
    boolean answersPreflight() {
        return this == SCRATCHPAD || this == USER_PREFERENCES || this == APP_MANIFEST;
    }
}
