package org.smartcontainer.ui.standalone;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.smartcontainer.oauth.PercentEncoding;
import org.smartcontainer.ui.authorize.ReturnAfterSignIn;

/**
 * {@code /apps/{app_id}/launch}: an app started outside the container (the container manifest's
 * {@code launch_urls.app_launch}, ui.md §4.11) gets a record chooser after signing in.
 */
@WebServlet("/apps/*")
public class StandaloneLaunchEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String raw = request.getRequestURI().substring(request.getContextPath().length() + request.getServletPath().length());
        String[] parts = raw.split("/", -1);
        if (parts.length != 3 || !parts[0].isEmpty() || parts[1].isEmpty() || !"launch".equals(parts[2])) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String appId;
        try {
            appId = PercentEncoding.decode(parts[1], false);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String page = "/choose-record.xhtml?app=" + URLEncoder.encode(appId, StandardCharsets.UTF_8);
        if (request.getUserPrincipal() == null) {
            ReturnAfterSignIn.sendToSignIn(request, response, page);
            return;
        }
        response.sendRedirect(request.getContextPath() + page);
    }
}
