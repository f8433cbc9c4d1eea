package org.smartcontainer.api.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.Role;

/**
 * The single authorization decision point of the API: every request passes here before a resource
 * runs. Until the OAuth provider lands, only an administrator's HTTP Basic credentials admit a caller
 * to anything not marked {@link Anonymous}. There is no switch that turns this off.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiAuthorization implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    @EJB
    private AccountService accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> target = resource.getResourceClass();
        if (target != null && target.isAnnotationPresent(Anonymous.class)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            request.abortWith(unauthorized("Unauthorized"));
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            request.abortWith(unauthorized("Malformed Basic credentials"));
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            request.abortWith(unauthorized("Malformed Basic credentials"));
            return;
        }
        AccountService.SignIn signIn = accounts.signIn(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
        if (!signIn.succeeded()) {
            request.abortWith(unauthorized(signIn.result() == AccountService.SignInResult.LOCKED
                    ? "Account locked after repeated failures" : "Unauthorized"));
            return;
        }
        if (!signIn.account().hasRole(Role.admin)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("Forbidden").build());
        }
    }

    private static Response unauthorized(String message) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SMART Container EE\"")
                .type(MediaType.TEXT_PLAIN_TYPE).entity(message).build();
    }
}
