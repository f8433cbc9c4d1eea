package org.smartcontainer.oauth;

/** The rows of the access-control matrix (oauth-and-access.md §7): every API call belongs to one. */
public enum CallCategory {
    /** {@code GET /}, {@code /manifest}, {@code /ontology}, {@code GET /apps/}, {@code OPTIONS} preflights. */
    PUBLIC,
    /** {@code /oauth/debug}: disabled in this container. */
    OAUTH_DEBUG,
    /** {@code /oauth/request_token}. */
    REQUEST_TOKEN,
    /** {@code /oauth/access_token}. */
    ACCESS_TOKEN,
    /** Record-data reads: every ontology {@code record} call, documents, photograph. */
    RECORD_READ,
    /** {@code POST /records/{record_id}/clinical_notes/}. */
    CLINICAL_NOTE_POST,
    /** {@code /records/{record_id}/apps/{app_id}/scratchpad}: GET, PUT, DELETE. */
    SCRATCHPAD,
    /** {@code /users/{user_id}/apps/{app_id}/preferences}: GET, PUT, DELETE. */
    USER_PREFERENCES,
    /** {@code GET /users/{user_id}} and {@code GET /users/search} (no user id). */
    USER_DIRECTORY,
    /** {@code GET /apps/manifests/}, {@code GET /apps/{app_id}/manifest}. */
    APP_MANIFESTS_READ,
    /** {@code PUT/DELETE /apps/{app_id}/manifest}, {@code GET /apps/{app_id}/credentials}. */
    APP_ADMIN,
    /** {@code GET /records/search} ({@code record_id} = the query's, for limited accounts). */
    RECORD_SEARCH,
    /** {@code GET /records/search/xml}, {@code GET /records/{record_id}} (the portal's record lists). */
    RECORD_LIST,
    /** {@code GET /record_by_token/}. */
    RECORD_BY_TOKEN,
    /** {@code GET /accounts/{account_id}}, {@code .../recent_records/}. */
    ACCOUNT_SELF,
    /** {@code PUT/DELETE /accounts/{account_id}/apps/{app_id}}, {@code GET /apps/accounts/{account_id}/}. */
    ACCOUNT_APPS,
    /** {@code GET /accounts/{account_id}/apps/{app_id}/launch[?record_id]}. */
    ACCOUNT_LAUNCH,
    /** {@code GET /records/{record_id}/alerts/all}, {@code POST /accounts/{account_id}/alerts/{a}/acknowledge}. */
    ALERTS,
    /** {@code POST .../request_tokens/{t}/claim}, {@code GET .../request_tokens/{t}/info}. */
    REQUEST_TOKEN_CLAIM_INFO,
    /** {@code POST /oauth/internal/request_tokens/{t}/approve}. */
    REQUEST_TOKEN_APPROVE,
    /** {@code POST /oauth/internal/session_create}. */
    SESSION_CREATE,
    /** {@code POST /oauth/internal/long-lived-token}: never granted. */
    LONG_LIVED_TOKEN,
    /** {@code POST /users/}, password-reset calls. */
    USER_LIFECYCLE,
    /** {@code POST /records/create/proxied}, direct URLs. */
    PROXY_SUPPORT,
    /** {@code /apps/{app_id}/tokens/records/first|{record_id}/next|{record_id}}. */
    HELPER_TOKENS,
    /** This container's admin API ({@code /admin/...}). */
    ADMIN,
    /** Legacy Indivo account routes: never granted. */
    LEGACY
}
