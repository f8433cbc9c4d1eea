package org.smartcontainer.ui.connect;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.oauth.AccessDecision;
import org.smartcontainer.oauth.AccessPolicy;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.CallTarget;
import org.smartcontainer.oauth.LaunchTokens;
import org.smartcontainer.oauth.OAuthException;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;
import org.smartcontainer.oauth.OAuthService;
import org.smartcontainer.oauth.PercentEncoding;

/**
 * Endpoint A of SMART Connect (smart-connect-js.md §8): {@code GET /accounts/{account}/apps/{app}/launch[?record_id=]}
 * mints launch tokens for the signed-in account, keeps the Connect secret in the session and answers
 * {@code {app_id, connect_token, api_base, record_id, launch_url, origin}}: no secret reaches the browser.
 * {@code DELETE} on the same path with {@code ?connect_token=} forgets a token when its app instance closes.
 */
@WebServlet("/accounts/*")
public class LaunchEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LaunchEndpoint.class.getName());

    @EJB
    private OAuthService oauth;

    @EJB
    private AppRegistry apps;

    @EJB
    private AccountService accounts;

    @Inject
    private PortalUrls urls;

    @Inject
    private ConnectRequests requests;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ConnectRequests.Caller> caller = requests.admit(request, response);
        if (caller.isEmpty()) {
            return;
        }
        Optional<Target> target = target(request, response);
        if (target.isEmpty()) {
            return;
        }
        Optional<String> appId = Optional.of(target.get().appId());
        Optional<App> found = apps.find(appId.get());
        if (found.isEmpty() || !found.get().getKind().isUiApp()) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_NOT_FOUND, "No such app");
            return;
        }
        JsonObject manifest = found.get().getManifestJson();
        String index = manifest.getString("index", null);
        Optional<String> origin = AppOrigin.of(index);
        if (origin.isEmpty()) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_BAD_REQUEST, "The app has no http(s) index to frame");
            return;
        }
        boolean recordScope = !"container".equals(manifest.getString("scope", "record"));
        String recordId = recordScope ? request.getParameter("record_id") : null;
        if (recordScope && (recordId == null || recordId.isBlank())) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_BAD_REQUEST, "A record-scope app needs record_id");
            return;
        }
        if (!allowed(caller.get(), CallCategory.ACCOUNT_LAUNCH, "GET",
                CallTarget.account(target.get().account(), appId.get(), recordId), response)) {
            return;
        }
        String apiBase = urls.apiBase(request);
        LaunchTokens tokens;
        try {
            tokens = oauth.launch(AccountPrincipal.of(caller.get().userId()), appId.get(), recordId, apiBase);
        } catch (OAuthException e) {
            LOG.log(Level.FINE, "Launch refused", e);
            ConnectRequests.refuse(response, HttpServletResponse.SC_FORBIDDEN, "The launch was refused");
            return;
        }
        caller.get().state().add(new ConnectGrant(tokens.connectToken(), tokens.appId(),
                tokens.userId(), tokens.recordId(), tokens.expiresAt()));
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("app_id", tokens.appId())
                .add("connect_token", tokens.connectToken())
                .add("api_base", apiBase)
                .add("launch_url", LaunchUrl.of(index, apiBase, tokens.recordId()))
                .add("origin", origin.get())
                .add("manifest", manifest)
                .add("expires_at", tokens.expiresAt().toString());
        if (tokens.recordId() != null) {
            answer.add("record_id", tokens.recordId());
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(answer.build().toString());
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ConnectRequests.Caller> caller = requests.admit(request, response);
        if (caller.isEmpty()) {
            return;
        }
        Optional<Target> target = target(request, response);
        if (target.isEmpty() || !allowed(caller.get(), CallCategory.ACCOUNT_SELF, "DELETE",
                CallTarget.account(target.get().account(), target.get().appId(), null), response)) {
            return;
        }
        boolean released = caller.get().state().release(request.getParameter("connect_token"));
        response.setStatus(released ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_NOT_FOUND);
    }

    /** The account and app of {@code /{account}/apps/{app}/launch}. */
    private record Target(String account, String appId) {
    }

    /**
     * The access decision ({@link AccessPolicy}) for the signed-in account, limited to the records an
     * administrator allowed it; false when refused (the refusal was sent).
     */
    private boolean allowed(ConnectRequests.Caller caller, CallCategory category, String method, CallTarget target,
            HttpServletResponse response) throws IOException {
        AccountPrincipal account = new AccountPrincipal(caller.userId(),
                accounts.recordAccess(caller.userId()).orElse(null));
        if (AccessPolicy.decide(account, category, method, target) instanceof AccessDecision.Deny) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_FORBIDDEN, "Not allowed for this account");
            return false;
        }
        return true;
    }

    /** The account and app of {@code /{account}/apps/{app}/launch}; else an error was sent. */
    private static Optional<Target> target(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The raw path: the container has already decoded getPathInfo(), and ids are decoded exactly once here.
        String path = request.getRequestURI().substring(request.getContextPath().length() + request.getServletPath().length());
        String[] parts = path == null ? new String[0] : path.split("/", -1);
        if (parts.length != 5 || !parts[0].isEmpty() || !"apps".equals(parts[2]) || !"launch".equals(parts[4])) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
            return Optional.empty();
        }
        String account;
        String appId;
        try {
            account = PercentEncoding.decode(parts[1], false);
            appId = PercentEncoding.decode(parts[3], false);
        } catch (IllegalArgumentException e) {
            ConnectRequests.refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Malformed path");
            return Optional.empty();
        }
        return Optional.of(new Target(account, appId));
    }
}
