package org.smartcontainer.ui.security;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who signed in to a portal session: the caller's name and groups, kept as a session attribute of the
 * portal's own. The session is replicated to the other nodes of a cluster, and this attribute with it, so
 * whichever node serves the next request re-establishes the caller with the same groups (the container's
 * own remembered principal travels without them). Each sign-in has an id of its own, random, so that its end
 * can be remembered for every copy of the session ({@link EndedSignIns}). Immutable: it is replaced, never
 * changed.
 */
record PortalCaller(String name, Set<String> groups, String signInId) implements Serializable {

    /** The session attribute it is kept under. */
    static final String ATTRIBUTE = PortalCaller.class.getName();

    public PortalCaller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signInId, "signInId");
        groups = Set.copyOf(groups);
    }

    /** The caller a successful validation established: a new sign-in. */
    static PortalCaller of(CredentialValidationResult valid) {
        return new PortalCaller(valid.getCallerPrincipal().getName(), valid.getCallerGroups(), UUID.randomUUID().toString());
    }

    /** The caller this request's session signed in, if any (creates no session). */
    static Optional<PortalCaller> in(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(ATTRIBUTE)).map(PortalCaller.class::cast);
    }

    /** Keeps this caller in the request's session (creating it when needed). */
    void keepIn(HttpServletRequest request) {
        request.getSession(true).setAttribute(ATTRIBUTE, this);
    }

    /** Forgets whoever this request's session signed in (this copy of the session only). */
    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** Ends the sign-in of this request's session, if any: here, and for every other copy of the session. */
    static void end(HttpServletRequest request, EndedSignIns ended) {
        in(request).ifPresent(caller -> ended.end(caller.signInId()));
        forget(request);
    }
}
