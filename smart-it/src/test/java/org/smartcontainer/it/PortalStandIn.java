package org.smartcontainer.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import java.util.Set;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.oauth.Approval;
import org.smartcontainer.oauth.LaunchTokens;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;
import org.smartcontainer.oauth.OAuthService;

/**
 * Test only, deployed into the API module: plays the portal, which calls the OAuth services in-process
 * (approve a request token for a signed-in account, launch an app, disable an app for an account, limit an
 * account to one record as the admin pages do), and
 * lets tests age a token (directly in the database). Not part of the product.
 */
@WebServlet("/it-portal/*")
public class PortalStandIn extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private OAuthService oauth;

    @EJB
    private AppRegistry apps;

    @EJB
    private AccountService accounts;

    /** The container's database (the persistence unit lives in the EJB module, out of this module's reach). */
    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource defaultDatabase;

    /** The JDBC resource named by smart.datasource (as the persistence unit uses it), else the default. */
    private DataSource database() throws NamingException {
        Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("smart.datasource", String.class);
        return configured.isPresent() ? (DataSource) new InitialContext().lookup(configured.get()) : defaultDatabase;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        String answer;
        try {
            switch (request.getPathInfo()) {
                case "/approve" -> {
                    oauth.claim(request.getParameter("token"), user);
                    Approval approval = oauth.approve(request.getParameter("token"), AccountPrincipal.of(user),
                            request.getParameter("record"));
                    answer = "verifier=" + approval.verifier() + "&location=" + approval.location();
                }
                case "/launch" -> {
                    LaunchTokens tokens = oauth.launch(AccountPrincipal.of(user), request.getParameter("app"),
                            request.getParameter("record"), request.getParameter("api_base"));
                    answer = "oauth_token=" + tokens.restToken() + "&oauth_token_secret=" + tokens.restSecret();
                }
                case "/limit" -> {
                    accounts.setRecordAccess(user, Set.of(request.getParameter("record")));
                    answer = "limited";
                }
                case "/disable" -> {
                    apps.disable(user, request.getParameter("app"));
                    answer = "ok";
                }
                case "/expire" -> {
                    try (Connection c = database().getConnection();
                            PreparedStatement update = c.prepareStatement(
                                    "UPDATE SMART_ACCESS_TOKEN SET EXPIRESAT = ? WHERE TOKEN = ?")) {
                        // token times are TIMESTAMP WITH TIME ZONE columns (InstantConverter)
                        update.setObject(1, Instant.now().minusSeconds(60).atOffset(java.time.ZoneOffset.UTC));
                        update.setString(2, request.getParameter("token"));
                        answer = "expired=" + update.executeUpdate();
                    }
                }
                default -> {
                    response.sendError(404);
                    return;
                }
            }
        } catch (Exception e) {
            response.setStatus(409);
            response.getWriter().write(e.toString());
            return;
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }
}
