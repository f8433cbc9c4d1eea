package org.smartcontainer.api.routing;

import java.util.Locale;
import java.util.Map;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.CallTarget;

/**
 * A call the API's JAX-RS front serves with a resource of its own instead of a {@link Handler} of the core: the
 * OAuth token endpoints, the background apps' helper tokens and the admin API. The resources name their call
 * (their paths are written once, in their {@code @Path}s); these constants carry what a route's facts are
 * everywhere else: the row of the access matrix, whether it is patient data (audited), and the path variables the
 * decision depends on.
 */
public enum FrontCall {
    /** {@code /oauth/request_token} and {@code /oauth/access_token}: they verify their OAuth requests themselves. */
    OAUTH_TOKEN(null, false),
    /** A background app's per-record token loop: only that app may ask (api.md 8.5). */
    HELPER_TOKEN(CallCategory.HELPER_TOKENS, false),
    /** The admin API on apps, accounts and the audit trail. */
    ADMIN(CallCategory.ADMIN, false),
    /** The admin API on the records as a whole (list, count, generate): patient data. */
    ADMIN_RECORDS(CallCategory.ADMIN, true),
    /** The admin API on one record (import, read, delete): patient data. */
    ADMIN_RECORD(CallCategory.ADMIN, true);

    private final CallCategory category;
    private final boolean patientData;

    FrontCall(CallCategory category, boolean patientData) {
        this.category = category;
        this.patientData = patientData;
    }

    /** Whether the endpoint verifies its caller itself, so that no access decision comes before it. */
    public boolean verifiesItself() {
        return category == null;
    }

    /** The row of the access matrix its calls fall in (not for {@link #verifiesItself()} calls). */
    public CallCategory category() {
        if (category == null) {
            throw new IllegalStateException(this + " verifies its callers itself");
        }
        return category;
    }

    /** Whether its calls read or write patient data, and so are audited. */
    public boolean patientData() {
        return patientData;
    }

    /** The name of the call in the audit trail and the log, e.g. {@code admin_record}. */
    public String callName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The path variables the access decision depends on, from the matched (decoded) variables. */
    public CallTarget target(Map<String, String> variables) {
        return switch (this) {
            case HELPER_TOKEN -> CallTarget.app(variables.get("app_id"));
            case ADMIN_RECORD -> CallTarget.record(variables.get("record_id"));
            case OAUTH_TOKEN, ADMIN, ADMIN_RECORDS -> CallTarget.none();
        };
    }
}
