package org.smartcontainer.ui.security;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who signed in to a portal session: the caller's name and groups, kept as a session attribute of the
 * portal's own. The session is replicated to the other nodes of a cluster, and this attribute with it, so
 * whichever node serves the next request re-establishes the caller with the same groups (the container's
 * own remembered principal travels without them). Immutable: it is replaced, never changed.
 */
record PortalCaller(String name, Set<String> groups) implements Serializable {

    /** The session attribute it is kept under. */
    static final String ATTRIBUTE = PortalCaller.class.getName();

    public PortalCaller {
        Objects.requireNonNull(name, "name");
        groups = Set.copyOf(groups);
    }

    /** The caller a successful validation established. */
    static PortalCaller of(CredentialValidationResult valid) {
        return new PortalCaller(valid.getCallerPrincipal().getName(), valid.getCallerGroups());
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

    /** Forgets whoever this request's session signed in. */
    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
