package org.smartcontainer.ui.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The portal's authentication mechanism. A request that carries no credential and whose session signed in
 * earlier is the caller kept in that session ({@link PortalCaller}: name and groups), on whichever node of a
 * cluster serves it, unless that sign-in has ended ({@link EndedSignIns}: signed out through another copy of
 * the session). Everything else (a sign-in with a credential, a visitor who is not signed in) goes to
 * {@link PortalSignIn}, which validates the credential or sends the visitor to the sign-in page.
 *
 * <p>The session check comes first, before {@code @LoginToContinue}: that interceptor sends every protected
 * request without a saved one to the sign-in page without asking the mechanism, so a mechanism that carries
 * it cannot itself recognise a signed-in session (the built-in form mechanisms use {@code @AutoApplySession}
 * for that, which re-applies the container's principal without its groups once a session moved nodes).
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    private final PortalSignIn signIn;
    private final EndedSignIns ended;

    @Inject
    PortalAuthentication(PortalSignIn signIn, EndedSignIns ended) {
        this.signIn = signIn;
        this.ended = ended;
    }

    /** For CDI's client proxy only. */
    protected PortalAuthentication() {
        this(null, null);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (context.getAuthParameters().getCredential() == null) {
            Optional<PortalCaller> caller = PortalCaller.in(request);
            if (caller.isPresent() && ended.hasEnded(caller.get().signInId())) {
                // a copy of a session that signed out on another node of the cluster
                PortalCaller.forget(request);
            } else if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
            }
        }
        return signIn.validateRequest(request, response, context);
    }

    /** {@code HttpServletRequest.logout()}: the session no longer signs anyone in, on any node. */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        PortalCaller.end(request, ended);
        context.cleanClientSubject();
    }
}
