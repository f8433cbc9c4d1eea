package org.smartcontainer.api.core;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.Role;
import org.smartcontainer.api.representation.RdfMediaType;
import org.smartcontainer.api.routing.Handler;
import org.smartcontainer.api.routing.RouteMatch;
import org.smartcontainer.audit.AuditEvent;
import org.smartcontainer.audit.AuditTrail;
import org.smartcontainer.audit.AuditUnavailableException;
import org.smartcontainer.edge.BodyTooLargeException;
import org.smartcontainer.edge.LoggedInput;
import org.smartcontainer.metrics.OperatorMetrics;
import org.smartcontainer.oauth.AccessDecision;
import org.smartcontainer.oauth.AccessPolicy;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.CallTarget;
import org.smartcontainer.oauth.OAuthException;
import org.smartcontainer.oauth.OAuthMessage;
import org.smartcontainer.oauth.OAuthPrincipal;
import org.smartcontainer.oauth.OAuthRequest;
import org.smartcontainer.oauth.OAuthService;
import org.smartcontainer.persistence.DatabaseUnavailable;
import org.smartcontainer.records.RecordProxy;
import org.smartcontainer.records.RecordStoreUnavailableException;
import org.smartcontainer.records.query.InvalidQueryException;
import org.smartcontainer.records.query.QueryParameters;

/**
 * The SMART API as one service that every front calls: the JAX-RS resource for requests to {@code /api}, the
 * portal's SMART Connect passthrough in-process for framed apps. A call is routed once, its caller authenticated
 * (OAuth 1.0a or an administrator's HTTP Basic; or a principal the front established), authorized by
 * {@link AccessPolicy} (the one decision point), dispatched to the route's {@link RouteHandler}, represented,
 * cached ({@link Responses}) and, when it touches patient data, audited with the status it ended with, admitted
 * or refused: an event the audit trail cannot take turns the answer into {@code 503} (no unaudited data access).
 */
@ApplicationScoped
public class ApiCore {

    private static final Logger LOG = Logger.getLogger(ApiCore.class.getName());

    /** Largest request body of a call ({@code 413} above). */
    public static final int MAX_BODY = org.smartcontainer.appdata.AppDataStore.MAX_BYTES;

    /** Largest body read for signature checks (form bodies, body hashes). */
    public static final int MAX_SIGNED_BODY = 1024 * 1024;

    @Inject
    SmartApi api;

    @EJB
    OAuthService oauth;

    @EJB
    AccountService accounts;

    @EJB
    AuditTrail audit;

    @Inject
    VerifiedAdministrators verifiedAdministrators;

    @Inject
    @Any
    Instance<RouteHandler> routeHandlers;

    @Inject
    Instance<EhrForwarding> ehr;

    @Inject
    OperatorMetrics metrics;

    private final Map<Handler, RouteHandler> handlers = new EnumMap<>(Handler.class);

    @PostConstruct
    void collectHandlers() {
        for (RouteHandler handler : routeHandlers) {
            for (Handler served : handler.serves()) {
                if (handlers.put(served, handler) != null) {
                    throw new IllegalStateException("Two handlers serve " + served);
                }
            }
        }
    }

    /** The outcome of authenticating and authorizing a caller. */
    public sealed interface Admission {
    }

    /** Admitted, acting as {@code principal}. */
    public record Admitted(OAuthPrincipal principal) implements Admission {
    }

    /**
     * Refused with {@code answer} ({@code 401}, {@code 403}, {@code 413}).
     *
     * @param principal who the caller was found to be before the refusal (anonymous when unverified)
     */
    public record Refused(ApiAnswer answer, OAuthPrincipal principal) implements Admission {
    }

    /** The answer to one API call: routed, admitted, dispatched, represented, cached and audited. */
    public ApiAnswer handle(ApiInvocation call) {
        return handle(call, route(call));
    }

    /** The answer to a call its front has routed already ({@link #route}): admitted, dispatched, ... and audited. */
    public ApiAnswer handle(ApiInvocation call, RouteMatch match) {
        return timed(call, match, (found, principal) -> dispatch(call, found, principal));
    }

    /** Where a call goes among the core's routes. */
    public RouteMatch route(ApiInvocation call) {
        return api.router().match(call.method(), call.path());
    }

    /**
     * The answer to a call its front refused before handing it over (JAX-RS cannot parse its {@code Accept}
     * header): admitted and audited like any call of its route, with {@code refusal} in place of the handler's
     * answer. Refusing the caller comes first, as for every call.
     */
    public ApiAnswer refusedByTheFront(ApiInvocation call, RouteMatch match, ApiAnswer refusal) {
        return timed(call, match, (found, principal) -> refusal);
    }

    /** What answers an admitted call. */
    @FunctionalInterface
    private interface Service {
        ApiAnswer answer(RouteMatch.Found found, OAuthPrincipal principal);
    }

    /** The answer, counted and timed by call name, front and status ({@link OperatorMetrics}). */
    private ApiAnswer timed(ApiInvocation call, RouteMatch match, Service service) {
        long started = System.nanoTime();
        String name = match instanceof RouteMatch.Found found ? found.route().call().clientMethodName()
                : OperatorMetrics.UNMATCHED;
        OperatorMetrics.Front front = call.caller() instanceof ApiInvocation.Established
                ? OperatorMetrics.Front.CONNECT : OperatorMetrics.Front.API;
        try {
            ApiAnswer answer = answer(call, match, service);
            metrics.apiCall(name, front, answer.status(), System.nanoTime() - started);
            return answer;
        } catch (RuntimeException e) {
            metrics.apiCall(name, front, unknownStatus(e), System.nanoTime() - started);
            throw e;
        }
    }

    private ApiAnswer answer(ApiInvocation call, RouteMatch match, Service service) {
        if (match instanceof RouteMatch.MethodNotAllowed wrong) {
            return ApiAnswer.refusal(405, "Method not allowed").with("Allow", wrong.allowHeader());
        }
        if (!(match instanceof RouteMatch.Found found)) {
            return ApiAnswer.refusal(404, "Not found");
        }
        Handler handler = found.route().handler();
        CallTarget target = handler.target(found, queryRecordId(call.rawQuery()));
        OAuthPrincipal principal = OAuthPrincipal.Anonymous.INSTANCE;
        ApiAnswer answer;
        try {
            Admission admission = admit(call, handler.category(), target, found.route().call().clientMethodName());
            if (admission instanceof Refused refused) {
                principal = refused.principal();
                answer = refused.answer();
            } else {
                principal = ((Admitted) admission).principal();
                answer = service.answer(found, principal);
            }
        } catch (RuntimeException e) {
            ApiAnswer known = known(e);
            if (known == null) {
                if (handler.patientData()) {
                    // credentials that could not be checked (the database unreachable): audited as whom they name
                    Claim claim = principal instanceof OAuthPrincipal.Anonymous ? Claim.of(call)
                            : new Claim(account(principal), principal.appId());
                    try {
                        audit(found.route().call().clientMethodName(), claim.account(), claim.appId(), target.recordId(),
                                call.method(), call.path(), unknownStatus(e));
                    } catch (AuditUnavailableException alsoAudit) {
                        e.addSuppressed(alsoAudit);
                    }
                }
                throw e;
            }
            answer = known;
        }
        if (!handler.patientData()) {
            return answer;
        }
        try {
            audit(found.route().call().clientMethodName(), principal, target.recordId(), call.method(), call.path(),
                    answer.status());
            return answer;
        } catch (AuditUnavailableException e) {
            return ApiAnswer.unavailable(e.getMessage());
        }
    }

    /**
     * Authenticates the caller and decides with {@link AccessPolicy}: the decision for every call of the API,
     * including the container's own endpoints that the JAX-RS front serves itself (admin API, helper tokens).
     *
     * @param name the call's name, for the log
     */
    public Admission admit(ApiInvocation call, CallCategory category, CallTarget target, String name) {
        if (category == CallCategory.PUBLIC) {
            return new Admitted(OAuthPrincipal.Anonymous.INSTANCE);
        }
        OAuthPrincipal principal;
        if (call.caller() instanceof ApiInvocation.Established established) {
            principal = established.principal();
        } else {
            try {
                principal = authenticate(call);
            } catch (NotAuthenticated refused) {
                return new Refused(refused.answer, OAuthPrincipal.Anonymous.INSTANCE);
            }
        }
        AccessDecision decision = AccessPolicy.decide(principal, category, call.method(), target);
        if (decision instanceof AccessDecision.Deny deny) {
            LOG.log(Level.FINE, "Refused {0} {1} for {2}: {3}",
                    new Object[] {call.method(), name, principal, LoggedInput.cut(deny.reason())});
            return new Refused(deny.status() == 401 ? unauthorized(call, "Unauthorized")
                    : ApiAnswer.refusal(deny.status(), deny.reason()), principal);
        }
        return new Admitted(principal);
    }

    /**
     * Writes the audit event of a call that read or wrote patient data, with the status it ended with.
     *
     * @throws AuditUnavailableException if the audit trail cannot take it (the answer must then be {@code 503})
     */
    public void audit(String name, OAuthPrincipal principal, String recordId, String method, String path, int status) {
        audit(name, account(principal), principal.appId(), recordId, method, path, status);
    }

    /** As {@link #audit(String, OAuthPrincipal, String, String, String, int)}, naming the account and app directly. */
    public void audit(String name, String account, String appId, String recordId, String method, String path, int status) {
        audit.record(new AuditEvent(Instant.now(), account, appId, recordId, name, method, path, status));
    }

    /**
     * Who a call says it is, unverified: the HTTP Basic user name or the OAuth consumer key. Kept only for the audit
     * event of a call whose credentials could not be checked (e.g. the database unreachable).
     *
     * @param account the account named, or null
     * @param appId the app named, or null
     */
    public record Claim(String account, String appId) {

        /** What the call's credentials name; nulls when they name nothing readable. */
        public static Claim of(ApiInvocation call) {
            String header = call.headers().get("Authorization");
            try {
                if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                    String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    return new Claim(colon < 0 ? null : decoded.substring(0, colon), null);
                }
                return new Claim(null, OAuthMessage.parse(new OAuthRequest(call.method(), call.publicUrl(), header,
                        call.headers().get("Content-Type"), call.body().bytes())).consumerKey());
            } catch (OAuthException | RuntimeException unreadable) {
                return new Claim(null, null);
            }
        }
    }

    /**
     * The {@code record_id} query parameter the decision on a record search depends on (its first value), or
     * null; a malformed query names none here and is refused when the call is dispatched ({@code 400}).
     */
    private static String queryRecordId(String rawQuery) {
        try {
            return QueryParameters.parse(rawQuery).values("record_id").stream().findFirst().orElse(null);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private ApiAnswer dispatch(ApiInvocation call, RouteMatch.Found found, OAuthPrincipal principal) {
        Handler handler = found.route().handler();
        byte[] body = call.body().bytes();
        if (body.length > MAX_BODY) {
            return ApiAnswer.problem(413, "The body exceeds " + MAX_BODY + " bytes");
        }
        QueryParameters parameters = QueryParameters.parse(call.rawQuery());
        ApiRequest request = new ApiRequest(call.method(), found, parameters, call.rawQuery(), call.apiBase(),
                call.uiBase(), RdfMediaType.negotiate(call.headers().get("Accept")), call.headers(), body,
                principal);
        if (ehr.isResolvable() && ehr.get().enabled()) {
            switch (handler.inProxyMode()) {
                case FORWARD -> {
                    return ehr.get().forward(request);
                }
                case REFUSE -> {
                    return ApiAnswer.problem(405, "The container forwards records to an EHR (proxy mode): "
                            + call.method() + " is not supported");
                }
                case LOCAL -> {
                    // container, user and app data calls stay local
                }
            }
        }
        if (handler == Handler.CORS_PREFLIGHT) {
            return ApiAnswer.empty(200);
        }
        RouteHandler served = handlers.get(handler);
        if (served == null) {
            throw new IllegalStateException("No route handler serves " + handler);
        }
        return served.answer(request);
    }

    private OAuthPrincipal authenticate(ApiInvocation call) throws NotAuthenticated {
        String header = call.headers().get("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return administrator(call, header.substring(6).trim());
        }
        byte[] body = call.body().bytes();
        if (body.length > MAX_SIGNED_BODY) {
            throw new NotAuthenticated(ApiAnswer.refusal(413, "Request body too large"));
        }
        try {
            return oauth.resolve(new OAuthRequest(call.method(), call.publicUrl(), header,
                    call.headers().get("Content-Type"), body));
        } catch (OAuthException e) {
            LOG.log(Level.FINE, "OAuth verification failed: {0}", LoggedInput.cut(e.reason()));
            metrics.oauthRefused(e.reason());
            throw new NotAuthenticated(unauthorized(call, "Unauthorized"));
        } catch (IllegalArgumentException e) {
            throw new NotAuthenticated(ApiAnswer.refusal(413, "Request body too large"));
        }
    }

    /** HTTP Basic is for operators scripting the admin API: administrators only, with the account lockout. */
    private OAuthPrincipal administrator(ApiInvocation call, String credentials) throws NotAuthenticated {
        Optional<String> recentlyVerified = verifiedAdministrators.lookup(credentials);
        if (recentlyVerified.isPresent()) {
            return new OAuthPrincipal.AdministratorPrincipal(recentlyVerified.get());
        }
        return verifiedAdministrators.checkOnce(credentials, () -> checkAdministrator(call, credentials));
    }

    private OAuthPrincipal checkAdministrator(ApiInvocation call, String credentials) throws NotAuthenticated {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotAuthenticated(unauthorized(call, "Malformed Basic credentials"));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new NotAuthenticated(unauthorized(call, "Malformed Basic credentials"));
        }
        AccountService.SignIn signIn = accounts.signIn(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
        if (!signIn.succeeded()) {
            throw new NotAuthenticated(unauthorized(call, signIn.result() == AccountService.SignInResult.LOCKED
                    ? "Account locked after repeated failures" : "Unauthorized"));
        }
        if (!signIn.account().hasRole(Role.admin)) {
            throw new NotAuthenticated(ApiAnswer.refusal(403, "HTTP Basic is for administrators"));
        }
        verifiedAdministrators.remember(credentials, signIn.account().getUsername());
        return new OAuthPrincipal.AdministratorPrincipal(signIn.account().getUsername());
    }

    private static ApiAnswer unauthorized(ApiInvocation call, String message) {
        return ApiAnswer.refusal(401, message)
                .with("WWW-Authenticate", "OAuth realm=\"" + call.apiBase() + "\"")
                .with("WWW-Authenticate", "Basic realm=\"SMART Container EE\"");
    }

    /** The answer to a failure the API knows, or null for an unexpected one. */
    private static ApiAnswer known(RuntimeException e) {
        if (e instanceof ApiFailure failure) {
            return failure.answer();
        }
        if (e instanceof InvalidQueryException) {
            return ApiAnswer.problem(400, e.getMessage());
        }
        if (e instanceof RecordProxy.TimeoutException) {
            return ApiAnswer.problem(504, e.getMessage());
        }
        if (e instanceof RecordStoreUnavailableException || e instanceof AuditUnavailableException) {
            return ApiAnswer.unavailable(e.getMessage());
        }
        return null;
    }

    /** The status a front answers an unexpected failure with (for the audit event). */
    private static int unknownStatus(RuntimeException e) {
        if (BodyTooLargeException.in(e).isPresent()) {
            return 413;
        }
        return DatabaseUnavailable.causes(e) ? 503 : 500;
    }

    /** The account a verified principal acts for, or null. */
    public static String account(OAuthPrincipal principal) {
        if (principal instanceof OAuthPrincipal.AccessTokenPrincipal at) {
            return at.userId();
        }
        if (principal instanceof OAuthPrincipal.AdministratorPrincipal admin) {
            return admin.userId();
        }
        return principal instanceof OAuthPrincipal.AccountPrincipal account ? account.userId() : null;
    }

    /** The caller could not be authenticated: the refusal to answer. */
    private static final class NotAuthenticated extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ApiAnswer answer;

        NotAuthenticated(ApiAnswer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }
}
