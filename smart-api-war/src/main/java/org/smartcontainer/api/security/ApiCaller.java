package org.smartcontainer.api.security;

import jakarta.enterprise.context.RequestScoped;
import org.smartcontainer.oauth.OAuthPrincipal;

/**
 * Who the current API request acts as and which call it makes, as {@link ApiAuthorization} resolved and
 * admitted it. Resources inject it to read the principal (e.g. the token's record and user); it is never
 * a reason to check access again.
 */
@RequestScoped
public class ApiCaller {

    private OAuthPrincipal principal = OAuthPrincipal.Anonymous.INSTANCE;
    private ApiCallMatch.Call call;

    /** The resolved principal; {@link OAuthPrincipal.Anonymous} on public calls. */
    public OAuthPrincipal principal() {
        return principal;
    }

    /** The call the request makes, or null before the decision (or for the token endpoints). */
    public ApiCallMatch.Call call() {
        return call;
    }

    void set(ApiCallMatch.Call call, OAuthPrincipal principal) {
        this.call = call;
        this.principal = principal;
    }
}
