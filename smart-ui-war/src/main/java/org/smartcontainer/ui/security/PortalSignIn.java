package org.smartcontainer.ui.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signing in to the portal: a credential (the sign-in form's user name and password, or the showcase entry's)
 * is checked by the identity stores ({@link AccountIdentityStore} with its lockout, the showcase store); a
 * valid one becomes the session's {@link PortalCaller}. Without a credential it does nothing, and
 * {@code @LoginToContinue} sends visitors of protected pages to the sign-in page (a redirect, no error page:
 * the sign-in form shows its own message).
 *
 * <p>Not a mechanism of its own ({@code @Typed}): {@link PortalAuthentication} asks it once the session has
 * no caller, so that the interceptor runs only then.
 */
@LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = "")
@Typed(PortalSignIn.class)
@ApplicationScoped
public class PortalSignIn implements HttpAuthenticationMechanism {

    private final IdentityStoreHandler identityStores;
    private final EndedSignIns ended;

    @Inject
    PortalSignIn(IdentityStoreHandler identityStores, EndedSignIns ended) {
        this.identityStores = identityStores;
        this.ended = ended;
    }

    /** For CDI's client proxy only. */
    protected PortalSignIn() {
        this(null, null);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        // a new sign-in ends the session's earlier one; a failed attempt signs nobody in
        PortalCaller.end(request, ended);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            PortalCaller.of(result).keepIn(request);
        }
        return context.notifyContainerAboutLogin(result); // SEND_FAILURE unless valid
    }
}
