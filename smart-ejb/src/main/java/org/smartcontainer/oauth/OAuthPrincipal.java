package org.smartcontainer.oauth;

import java.util.Set;
import org.smartcontainer.apps.AppKind;

/**
 * Who a request acts as, resolved before routing (oauth-and-access.md §1). Exactly one per request;
 * {@link Anonymous} when nothing verified.
 */
public sealed interface OAuthPrincipal {

    /** The app on whose behalf this principal acts (for auditing), or null. */
    String appId();

    /** Nothing verified: browsers, {@code /manifest}. */
    record Anonymous() implements OAuthPrincipal {
        /** The one anonymous principal. */
        public static final Anonymous INSTANCE = new Anonymous();

        @Override
        public String appId() {
            return null;
        }
    }

    /**
     * A signed-in user acting through the portal (the reference's chrome + session token).
     *
     * @param userId the account's user name (the API's user id)
     * @param limitedTo the only records this account may act on, or null when not limited
     */
    record AccountPrincipal(String userId, Set<String> limitedTo) implements OAuthPrincipal {
        public AccountPrincipal {
            limitedTo = limitedTo == null ? null : Set.copyOf(limitedTo);
        }

        /** An account not limited to particular records. */
        public static AccountPrincipal of(String userId) {
            return new AccountPrincipal(userId, null);
        }

        /** Whether this account may act on the record. */
        public boolean mayUse(String recordId) {
            return limitedTo == null || (recordId != null && limitedTo.contains(recordId));
        }

        @Override
        public String appId() {
            return null;
        }
    }

    /** A container administrator (an account with the admin role) using the admin API. */
    record AdministratorPrincipal(String userId) implements OAuthPrincipal {
        @Override
        public String appId() {
            return null;
        }
    }

    /**
     * A request signed with an access token (REST, SMART Connect or helper-loop token).
     *
     * @param token the access token
     * @param appId the app the token was issued to
     * @param appKind that app's kind
     * @param userId the account that authorized it, or null (helper tokens)
     * @param recordId the record it is bound to, or null (container-scoped launch)
     * @param connect whether it is a SMART Connect token (usable only through the portal's consumer)
     */
    record AccessTokenPrincipal(String token, String appId, AppKind appKind, String userId, String recordId,
            boolean connect) implements OAuthPrincipal {
        @Override
        public String toString() {
            return "AccessTokenPrincipal[app=" + appId + ", user=" + userId + ", record=" + recordId + "]";
        }
    }

    /** A request signed with a request token: only good for exchanging it. */
    record RequestTokenPrincipal(String token, String appId) implements OAuthPrincipal {
        @Override
        public String toString() {
            return "RequestTokenPrincipal[app=" + appId + "]";
        }
    }

    /** A UI app signing with its consumer key alone (two-legged): only good for a request token. */
    record UiAppPrincipal(String appId, AppKind appKind) implements OAuthPrincipal {
    }

    /** A background app signing with its consumer key alone: gets per-record tokens for itself. */
    record BackgroundAppPrincipal(String appId, boolean adminP) implements OAuthPrincipal {
    }

    /** Trusted server software: the portal ({@code chrome}) or admin tooling ({@code admin}). */
    record MachineAppPrincipal(String appId, AppKind type) implements OAuthPrincipal {
        public MachineAppPrincipal {
            if (!type.isMachineApp()) {
                throw new IllegalArgumentException(type + " is not a machine app kind");
            }
        }
    }
}
