package org.smartcontainer.oauth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.smartcontainer.apps.AppKind;
import org.smartcontainer.oauth.OAuthPrincipal.AccessTokenPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.AdministratorPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.Anonymous;
import org.smartcontainer.oauth.OAuthPrincipal.BackgroundAppPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.MachineAppPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.RequestTokenPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.UiAppPrincipal;

/**
 * The access-control matrix of oauth-and-access.md §7 as one pure function, with the hardened choices
 * where the spec says MUST or SHOULD: tokens act only on their own record and user, accounts only on
 * themselves, background apps get tokens only for themselves, the portal ({@code chrome}) and admin
 * tooling ({@code admin}) have split rights, {@code /oauth/debug} is off.
 */
public final class AccessPolicy {

    private static final AccessDecision ALLOW = new AccessDecision.Allow();

    private AccessPolicy() {
    }

    /** The data calls an administrator may make directly (HTTP Basic), besides the admin API. */
    private static final Set<CallCategory> OPERATOR_DATA = EnumSet.of(CallCategory.RECORD_READ,
            CallCategory.CLINICAL_NOTE_POST, CallCategory.SCRATCHPAD, CallCategory.USER_PREFERENCES,
            CallCategory.USER_DIRECTORY, CallCategory.RECORD_SEARCH);

    /**
     * Whether {@code principal} may make a call of this category with this method on this target.
     *
     * @param method the HTTP method (GET, PUT, POST, DELETE, ...)
     */
    public static AccessDecision decide(OAuthPrincipal principal, CallCategory category, String method, CallTarget target) {
        Objects.requireNonNull(principal);
        Objects.requireNonNull(category);
        String m = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        CallTarget t = target == null ? CallTarget.none() : target;
        if (category == CallCategory.PUBLIC) {
            return ALLOW;
        }
        if (principal instanceof Anonymous) {
            return new AccessDecision.Deny(401, "Unauthorized");
        }
        if (principal instanceof AdministratorPrincipal && OPERATOR_DATA.contains(category)) {
            // An administrator signed in with HTTP Basic operates the container (imports, checks,
            // scripted reads): record and app data are open to it, and every such call is audited.
            return ALLOW;
        }
        boolean allowed = switch (category) {
            case PUBLIC -> true;
            case OAUTH_DEBUG, LONG_LIVED_TOKEN, LEGACY -> false;
            case REQUEST_TOKEN -> principal instanceof UiAppPrincipal;
            case ACCESS_TOKEN -> principal instanceof RequestTokenPrincipal;
            case RECORD_READ -> m.equals("GET") && tokenOnRecord(principal, t);
            case CLINICAL_NOTE_POST -> m.equals("POST") && tokenOnRecord(principal, t);
            case SCRATCHPAD -> switch (m) {
                case "GET" -> tokenOnRecord(principal, t); // any app's scratchpad: cross-app read by design
                case "PUT", "DELETE" -> tokenOnRecord(principal, t) && principal instanceof AccessTokenPrincipal at
                        && at.appId().equals(t.appId()) && at.appKind().isUiApp();
                default -> false;
            };
            case USER_PREFERENCES -> (m.equals("GET") || m.equals("PUT") || m.equals("DELETE"))
                    && principal instanceof AccessTokenPrincipal at && at.userId() != null
                    && at.userId().equals(t.userId()) && at.appId().equals(t.appId()) && at.appKind().isUiApp();
            case USER_DIRECTORY -> m.equals("GET") && principal instanceof AccessTokenPrincipal at
                    && (at.appKind() == AppKind.frame_ui || (t.userId() != null && t.userId().equals(at.userId())));
            case APP_MANIFESTS_READ -> m.equals("GET") && (principal instanceof AccountPrincipal
                    || principal instanceof AccessTokenPrincipal || principal instanceof MachineAppPrincipal
                    || principal instanceof AdministratorPrincipal);
            case APP_ADMIN, ADMIN -> principal instanceof AdministratorPrincipal || isMachine(principal, AppKind.admin);
            case RECORD_SEARCH -> m.equals("GET") && maySearch(principal, t);
            case RECORD_LIST -> m.equals("GET") && principal instanceof AccountPrincipal ac
                    && (ac.limitedTo() == null || ac.mayUse(t.recordId()));
            case RECORD_BY_TOKEN -> m.equals("GET") && principal instanceof AccessTokenPrincipal at && at.recordId() != null;
            case ACCOUNT_SELF, ACCOUNT_APPS -> principal instanceof AccountPrincipal ac && ac.userId().equals(t.accountId());
            case ACCOUNT_LAUNCH -> principal instanceof AccountPrincipal ac && ac.userId().equals(t.accountId())
                    && (t.recordId() == null ? ac.limitedTo() == null : ac.mayUse(t.recordId()));
            case ALERTS -> principal instanceof AccountPrincipal ac && (t.recordId() == null || ac.mayUse(t.recordId()))
                    && (t.accountId() == null || ac.userId().equals(t.accountId()));
            case REQUEST_TOKEN_CLAIM_INFO -> principal instanceof AccountPrincipal || isMachine(principal, AppKind.chrome);
            case REQUEST_TOKEN_APPROVE -> principal instanceof AccountPrincipal; // the record is checked on approval
            case SESSION_CREATE, USER_LIFECYCLE, PROXY_SUPPORT -> isMachine(principal, AppKind.chrome);
            case HELPER_TOKENS -> principal instanceof BackgroundAppPrincipal he && he.appId().equals(t.appId());
        };
        return allowed ? ALLOW : new AccessDecision.Deny(403, "Forbidden");
    }

    private static boolean maySearch(OAuthPrincipal principal, CallTarget t) {
        if (principal instanceof AccountPrincipal ac) {
            return ac.limitedTo() == null || ac.mayUse(t.recordId());
        }
        if (principal instanceof AccessTokenPrincipal at) {
            return at.appKind() == AppKind.frame_ui || at.appKind() == AppKind.background;
        }
        return principal instanceof BackgroundAppPrincipal he && he.adminP();
    }

    /** Record scoping: an access token acts only on the record its consent names; a record-less token on none. */
    private static boolean tokenOnRecord(OAuthPrincipal principal, CallTarget t) {
        return principal instanceof AccessTokenPrincipal at && at.recordId() != null && at.recordId().equals(t.recordId());
    }

    private static boolean isMachine(OAuthPrincipal principal, AppKind type) {
        return principal instanceof MachineAppPrincipal ma && ma.type() == type;
    }
}
