package org.smartcontainer.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.time.Instant;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.oauth.Approval;
import org.smartcontainer.oauth.LaunchTokens;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;
import org.smartcontainer.oauth.OAuthService;

/**
 * Test only, deployed into the API module: plays the portal, which calls the OAuth services in-process
 * (approve a request token for a signed-in account, launch an app, disable an app for an account), and
 * lets tests age a token. Not part of the product.
 */
@WebServlet("/it-portal/*")
public class PortalStandIn extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private OAuthService oauth;

    @EJB
    private AppRegistry apps;

    @PersistenceContext(unitName = "smart")
    private EntityManager em;

    @Resource
    private UserTransaction tx;

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
                case "/disable" -> {
                    apps.disable(user, request.getParameter("app"));
                    answer = "ok";
                }
                case "/expire" -> {
                    tx.begin();
                    int n = em.createQuery("UPDATE AccessToken t SET t.expiresAt = :past WHERE t.token = :token")
                            .setParameter("past", Instant.now().minusSeconds(60))
                            .setParameter("token", request.getParameter("token")).executeUpdate();
                    tx.commit();
                    answer = "expired=" + n;
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
