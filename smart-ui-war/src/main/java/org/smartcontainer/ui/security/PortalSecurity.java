package org.smartcontainer.ui.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's roles. People sign in with a form of its own (login.xhtml) against the container's accounts;
 * the mechanism is {@link PortalAuthentication}, which keeps the caller in the session so that a replicated
 * session signs its caller in, with the same roles, on another node.
 */
@DeclareRoles({"admin", "clinician"})
@ApplicationScoped
public class PortalSecurity {
}
