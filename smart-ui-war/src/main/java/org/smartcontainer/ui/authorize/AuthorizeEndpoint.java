package org.smartcontainer.ui.authorize;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /oauth/authorize?oauth_token=…}: where the three-legged dance sends the user (the container
 * manifest's {@code launch_urls.authorize_token}, ui.md §4.12). Signing in comes first, then the
 * consent page {@code /authorize.xhtml} takes over (see {@link ReturnAfterSignIn}).
 */
@WebServlet("/oauth/authorize")
public class AuthorizeEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("oauth_token");
        String page = "/authorize.xhtml" + (token == null ? "" : "?oauth_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        if (request.getUserPrincipal() == null) {
            ReturnAfterSignIn.sendToSignIn(request, response, page);
            return;
        }
        response.sendRedirect(request.getContextPath() + page);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
