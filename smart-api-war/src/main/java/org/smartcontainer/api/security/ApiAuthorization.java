package org.smartcontainer.api.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.Role;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.oauth.OAuthRequests;
import org.smartcontainer.oauth.AccessDecision;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.OAuthException;
import org.smartcontainer.oauth.OAuthMessage;
import org.smartcontainer.oauth.OAuthPrincipal;
import org.smartcontainer.oauth.OAuthRequest;
import org.smartcontainer.oauth.OAuthService;
import org.smartcontainer.edge.LoggedInput;

/**
 * The single authorization decision point of the API. Every request passes here before JAX-RS picks a
 * resource: {@link ApiCalls} says which call of the access matrix it is (an unknown path is refused, never
 * admitted), the principal is resolved from the OAuth 1.0a signature (header, query or form) or from an
 * administrator's HTTP Basic credentials, and {@link OAuthService#decide} allows or denies. Public calls
 * ({@code /manifest}, {@code /ontology}) are admitted without looking at credentials, so a bad signature
 * there does no harm; the token endpoints verify their requests themselves. Refusals are {@code 401}
 * (with {@code WWW-Authenticate: OAuth realm="{api_base}"}) or {@code 403} with a short text, never data.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class ApiAuthorization implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(ApiAuthorization.class.getName());

    @EJB
    private OAuthService oauth;

    @EJB
    private AccountService accounts;

    @Inject
    private ApiCalls calls;

    @Inject
    private ApiCaller caller;

    @Inject
    private PublicUrls urls;

    @Inject
    private VerifiedAdministrators verifiedAdministrators;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + stripLeadingSlash(request.getUriInfo().getPath(false));
        String method = request.getMethod();
        ApiCallMatch match = calls.match(method, path, request.getUriInfo().getQueryParameters().getFirst("record_id"));
        if (match instanceof ApiCallMatch.Call call) {
            decide(request, call, method);
        } else if (match instanceof ApiCallMatch.MethodNotAllowed wrong) {
            request.abortWith(text(Response.Status.METHOD_NOT_ALLOWED, "Method not allowed")
                    .header(HttpHeaders.ALLOW, wrong.allow()).build());
        } else if (!(match instanceof ApiCallMatch.TokenEndpoint)) {
            // Unknown: refused. (Token endpoints verify their requests themselves; resolving here would spend the nonce.)
            request.abortWith(text(Response.Status.NOT_FOUND, "Not found").build());
        }
    }

    private void decide(ContainerRequestContext request, ApiCallMatch.Call call, String method) {
        caller.set(call, OAuthPrincipal.Anonymous.INSTANCE);
        if (call.category() == CallCategory.PUBLIC) {
            return;
        }
        OAuthPrincipal principal;
        try {
            principal = resolve(request);
        } catch (Refused refused) {
            request.abortWith(refused.response);
            return;
        }
        caller.set(call, principal);
        AccessDecision decision = oauth.decide(principal, call.category(), method, call.target());
        if (decision instanceof AccessDecision.Deny deny) {
            LOG.log(Level.FINE, "Refused {0} {1} for {2}: {3}", new Object[] {method, call.name(), principal, LoggedInput.cut(deny.reason())});
            request.abortWith(deny.status() == 401 ? unauthorized(request, "Unauthorized")
                    : text(Response.Status.fromStatusCode(deny.status()), deny.reason()).build());
        }
    }

    private OAuthPrincipal resolve(ContainerRequestContext request) throws Refused {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String credentials = header.substring(6).trim();
            try {
                return administrator(request, credentials);
            } catch (RuntimeException e) {
                caller.claim(new ApiCaller.Claim(Basic.decode(credentials).map(Basic::user).orElse(null), null));
                throw e;
            }
        }
        OAuthRequest signed;
        try {
            signed = OAuthRequests.of(request, urls.apiBase(request.getUriInfo()));
        } catch (IllegalArgumentException e) {
            throw new Refused(text(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Request body too large").build());
        }
        try {
            return oauth.resolve(signed);
        } catch (OAuthException e) {
            LOG.log(Level.FINE, "OAuth verification failed: {0}", LoggedInput.cut(e.reason()));
            throw new Refused(unauthorized(request, "Unauthorized"));
        } catch (RuntimeException e) {
            caller.claim(new ApiCaller.Claim(null, consumerKey(signed)));
            throw e;
        }
    }

    /** The consumer key a request names, unverified; null when it names none. */
    private static String consumerKey(OAuthRequest signed) {
        try {
            return OAuthMessage.parse(signed).consumerKey();
        } catch (OAuthException e) {
            return null;
        }
    }

    /** HTTP Basic is for operators scripting the admin API: administrators only, with the account lockout. */
    private OAuthPrincipal administrator(ContainerRequestContext request, String credentials) throws Refused {
        Optional<String> recentlyVerified = verifiedAdministrators.lookup(credentials);
        if (recentlyVerified.isPresent()) {
            return new OAuthPrincipal.AdministratorPrincipal(recentlyVerified.get());
        }
        return verifiedAdministrators.checkOnce(credentials, () -> checkAdministrator(request, credentials));
    }

    private OAuthPrincipal checkAdministrator(ContainerRequestContext request, String credentials) throws Refused {
        Basic basic = Basic.decode(credentials).orElseThrow(() ->
                new Refused(unauthorized(request, "Malformed Basic credentials")));
        AccountService.SignIn signIn = accounts.signIn(basic.user(), basic.password().toCharArray());
        if (!signIn.succeeded()) {
            throw new Refused(unauthorized(request, signIn.result() == AccountService.SignInResult.LOCKED
                    ? "Account locked after repeated failures" : "Unauthorized"));
        }
        if (!signIn.account().hasRole(Role.admin)) {
            throw new Refused(text(Response.Status.FORBIDDEN, "HTTP Basic is for administrators").build());
        }
        verifiedAdministrators.remember(credentials, signIn.account().getUsername());
        return new OAuthPrincipal.AdministratorPrincipal(signIn.account().getUsername());
    }

    private Response unauthorized(ContainerRequestContext request, String message) {
        return text(Response.Status.UNAUTHORIZED, message)
                .header(HttpHeaders.WWW_AUTHENTICATE, "OAuth realm=\"" + urls.apiBase(request.getUriInfo()) + "\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SMART Container EE\"")
                .build();
    }

    private static Response.ResponseBuilder text(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).header("Cache-Control", "no-store").entity(message);
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** HTTP Basic credentials, decoded. */
    private record Basic(String user, String password) {

        /** The credentials of an {@code Authorization: Basic} value, or empty when they are malformed. */
        static Optional<Basic> decode(String credentials) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return "Basic[" + user + "]"; // never the password
        }
    }

    /** A refusal found while resolving the principal. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Response response;

        Refused(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
