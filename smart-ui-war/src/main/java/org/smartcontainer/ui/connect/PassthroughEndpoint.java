package org.smartcontainer.ui.connect;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.apps.Consumer;
import org.smartcontainer.apps.PortalConsumer;
import org.smartcontainer.ui.account.ShowcaseMode;

/**
 * Endpoint B of SMART Connect (smart-connect-js.md §8, ui.md §5.3): {@code ANY /smart_passthrough/{path}}.
 * The portal's host script sends a framed app's call here with {@code Authorization: OAuth
 * smart_connect_token="…"}; the token must belong to this session. The call is re-signed with the
 * portal's consumer and the token's secret and forwarded to {@code api_base + path}; status, body and
 * content type come back unchanged, with no-cache headers.
 */
@WebServlet("/smart_passthrough/*")
public class PassthroughEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PassthroughEndpoint.class.getName());
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Largest request body a framed app may send through the portal, bytes. */
    public static final String MAX_BODY = "smart.connect.max-body-bytes";
    /** API calls one app instance (one Connect token) may make per minute. */
    public static final String CALLS_PER_MINUTE = "smart.connect.calls-per-minute";

    @EJB
    private PortalConsumer portal;

    @Inject
    private PortalUrls urls;

    @Inject
    private ConnectRequests requests;

    @Inject
    @ConfigProperty(name = MAX_BODY, defaultValue = "1048576")
    int maxBody;

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
        forward(request, response, grant.get(), method, func, body);
    }

    private void forward(HttpServletRequest request, HttpServletResponse response, ConnectGrant grant, String method,
            String func, byte[] body) throws IOException {
        String contentType = request.getContentType();
        boolean form = "application/x-www-form-urlencoded".equals(Passthrough.mediaType(contentType));
        URI signedUrl = URI.create(urls.apiBase(request) + func);
        URI target = URI.create(urls.outboundApiBase(request) + func);
        Consumer consumer = portal.consumer();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String authorization = new ConnectSigner(consumer.key(), consumer.secret()).authorization(method, signedUrl,
                grant.token(), grant.secret(), form ? ConnectSigner.text(body) : null, form ? null : body,
                HexFormat.of().formatHex(nonce), Instant.now().getEpochSecond());
        HttpRequest.Builder outbound = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && body.length > 0) {
            outbound.header("Content-Type", contentType);
        }
        String accept = request.getHeader("Accept");
        if (accept != null) {
            outbound.header("Accept", accept);
        }
        HttpResponse<byte[]> answer;
        try {
            answer = HTTP.send(outbound.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The API did not answer a SMART Connect call", e);
            ConnectRequests.refuse(response, HttpServletResponse.SC_BAD_GATEWAY, "The API did not answer");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ConnectRequests.refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Interrupted");
            return;
        }
        response.setStatus(answer.statusCode());
        answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
        response.setHeader("Cache-Control", "no-cache, must-revalidate");
        response.setHeader("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** The request body, or null when it exceeds the limit. */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBody + 1);
            return bytes.length > maxBody ? null : bytes;
        }
    }
}
