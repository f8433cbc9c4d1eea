package org.smartcontainer.ui.connect;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiCore;
import org.smartcontainer.api.core.ApiInvocation;
import org.smartcontainer.metrics.OperatorMetrics;
import org.smartcontainer.oauth.OAuthException;
import org.smartcontainer.oauth.OAuthPrincipal;
import org.smartcontainer.oauth.OAuthService;
import org.smartcontainer.ui.account.ShowcaseMode;

/**
 * Endpoint B of SMART Connect (smart-connect-js.md §8, ui.md §5.3): {@code ANY /smart_passthrough/{path}}.
 * The portal's host script sends a framed app's call here with {@code Authorization: OAuth
 * smart_connect_token="…"}; the token must belong to this session. The call is re-signed with the
 * The call goes to the {@link ApiCore} in-process, in the request's own thread, as the token's principal
 * (no HTTP hop, no re-signing): the API's access matrix, record binding and audit apply as to any API call.
 * Status, body and content type come back unchanged, with no-cache headers.
 */
@WebServlet("/smart_passthrough/*")
public class PassthroughEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PassthroughEndpoint.class.getName());
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    /** Largest request body a framed app may send through the portal, bytes. */
    public static final String MAX_BODY = "smart.connect.max-body-bytes";
    /** API calls one app instance (one Connect token) may make per minute. */
    public static final String CALLS_PER_MINUTE = "smart.connect.calls-per-minute";

    @EJB
    private OAuthService oauth;

    @Inject
    private ApiCore core;

    @Inject
    private PortalUrls urls;

    @Inject
    private ConnectRequests requests;

    @Inject
    @ConfigProperty(name = MAX_BODY, defaultValue = "1048576")
    int maxBody;

    @Inject
    OperatorMetrics metrics;

    @Inject
    @ConfigProperty(name = CALLS_PER_MINUTE, defaultValue = "600")
    int callsPerMinute;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ConnectRequests.Caller> caller = requests.admit(request, response);
        if (caller.isEmpty()) {
            return;
        }
        String method = request.getMethod();
        if (!METHODS.contains(method)) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "GET, POST, PUT or DELETE");
            return;
        }
        if (!"GET".equals(method) && request.isUserInRole(ShowcaseMode.ROLE)) {
            // the showcase account changes nothing, not even through the apps it opens
            ConnectRequests.refuse(response, HttpServletResponse.SC_FORBIDDEN, "The showcase is read-only");
            return;
        }
        Optional<ConnectGrant> grant = Passthrough.connectToken(request.getHeader("Authorization"))
                .flatMap(token -> caller.get().state().find(token, Instant.now()))
                .filter(g -> g.userId().equals(caller.get().userId()));
        if (grant.isEmpty()) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_FORBIDDEN, "Unknown or expired SMART Connect token");
            return;
        }
        String rawPath = request.getRequestURI().substring(request.getContextPath().length() + request.getServletPath().length());
        String query = request.getQueryString();
        String func = query == null ? rawPath : rawPath + "?" + query;
        if (!Passthrough.isSafePath(func)) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Not a path below the API base");
            return;
        }
        if (request.getContentLengthLong() > maxBody) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
            return;
        }
        if (!grant.get().tryCall(System.currentTimeMillis(), callsPerMinute)) {
            response.setHeader("Retry-After", "60");
            ConnectRequests.refuse(response, 429, "Too many calls from this app instance");
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
            return;
        }
        forward(request, response, grant.get(), method, rawPath, query, body);
    }

    /**
     * Hands the call to the API core in this thread, as the Connect token's principal (its app, the clinician
     * and the record); the answer's status, type and body go back to the app with no-cache headers.
     */
    private void forward(HttpServletRequest request, HttpServletResponse response, ConnectGrant grant, String method,
            String rawPath, String query, byte[] body) throws IOException {
        OAuthPrincipal principal;
        try {
            principal = oauth.connectPrincipal(grant.token());
        } catch (OAuthException e) {
            LOG.log(Level.FINE, "SMART Connect token refused: {0}", e.reason());
            metrics.oauthRefused(e.reason());
            ConnectRequests.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unknown or expired SMART Connect token");
            return;
        }
        // Only what the relayed HTTP call carried: the representation asked for and the body's type.
        String accept = request.getHeader("Accept");
        String contentType = body.length > 0 ? request.getContentType() : null;
        ApiInvocation.HeaderLookup headers = name -> name.equalsIgnoreCase("Accept") ? accept
                : name.equalsIgnoreCase("Content-Type") ? contentType : null;
        ApiAnswer answer = core.handle(new ApiInvocation(method, rawPath, query, headers, ApiInvocation.BodySource.of(body), urls.apiBase(request),
                urls.uiBase(request), new ApiInvocation.Established(principal)));
        response.setStatus(answer.status());
        String type = answer.contentType();
        if (type != null) {
            response.setContentType(type);
        }
        response.setHeader("Cache-Control", "no-cache, must-revalidate");
        response.setHeader("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
        response.setHeader("X-Content-Type-Options", "nosniff");
        answer.body().writeTo(response.getOutputStream());
    }

    /** The request body, or null when it exceeds the limit. */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBody + 1);
            return bytes.length > maxBody ? null : bytes;
        }
    }
}
