package org.smartcontainer.api.security;

import jakarta.enterprise.context.RequestScoped;
import org.smartcontainer.api.routing.RouteMatch;
import org.smartcontainer.oauth.OAuthPrincipal;

/**
 * Who the current API request acts as and which call of the front it makes, as {@link ApiAuthorization}
 * admitted it. Resources inject it to read the principal (e.g. the token's record and user); it is never
 * a reason to check access again.
 */
@RequestScoped
public class ApiCaller {

    private OAuthPrincipal principal = OAuthPrincipal.Anonymous.INSTANCE;
    private RouteMatch.Front call;
    private Claim claim = Claim.NONE;

    /**
     * Who a request said it was (the HTTP Basic user name, the OAuth consumer key) when checking that failed (e.g. the
     * database could not be reached): not verified, kept only for the audit event of the failed request.
     *
     * @param account the account named, or null
     * @param appId the app named, or null
     */
    public record Claim(String account, String appId) {
        static final Claim NONE = new Claim(null, null);
    }

    /** The resolved principal; {@link OAuthPrincipal.Anonymous} on public calls. */
    public OAuthPrincipal principal() {
        return principal;
    }

    /** The front's call the request makes, or null before the decision (or for the token endpoints and the core's calls). */
    public RouteMatch.Front call() {
        return call;
    }

    /** Who the request claimed to be if its credentials could not be checked; {@link Claim#NONE}'s nulls otherwise. */
    public Claim claim() {
        return claim;
    }

    void claim(Claim claim) {
        this.claim = claim;
    }

    void set(RouteMatch.Front call, OAuthPrincipal principal) {
        this.call = call;
        this.principal = principal;
    }
}
