package org.smartcontainer.oauth;

/**
 * The path variables (and, for searches, the {@code record_id} query parameter) a decision depends on.
 * Any of them may be null when the call has no such variable.
 */
public record CallTarget(String recordId, String userId, String appId, String accountId) {

    /** A call without variables. */
    public static CallTarget none() {
        return new CallTarget(null, null, null, null);
    }

    /** {@code /records/{record_id}/...}. */
    public static CallTarget record(String recordId) {
        return new CallTarget(recordId, null, null, null);
    }

    /** {@code /records/{record_id}/apps/{app_id}/scratchpad}. */
    public static CallTarget recordApp(String recordId, String appId) {
        return new CallTarget(recordId, null, appId, null);
    }

    /** {@code /users/{user_id}/apps/{app_id}/preferences} and {@code /users/{user_id}} (app null). */
    public static CallTarget userApp(String userId, String appId) {
        return new CallTarget(null, userId, appId, null);
    }

    /** {@code /apps/{app_id}/...}. */
    public static CallTarget app(String appId) {
        return new CallTarget(null, null, appId, null);
    }

    /** {@code /accounts/{account_id}/...}, optionally with an app and a record. */
    public static CallTarget account(String accountId, String appId, String recordId) {
        return new CallTarget(recordId, null, appId, accountId);
    }
}
