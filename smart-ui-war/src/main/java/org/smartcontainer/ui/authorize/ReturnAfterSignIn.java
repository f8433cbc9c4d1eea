package org.smartcontainer.ui.authorize;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Brings a user who had to sign in back to the page an app sent them to (the consent page, the
 * record chooser): those entry points remember their own path in the session before sending the
 * browser to the sign-in page, and the first visit of the home page after signing in continues there.
 * Only paths the portal itself stored are followed, so this is no open redirect.
 */
@WebFilter("/index.xhtml")
public class ReturnAfterSignIn extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = ReturnAfterSignIn.class.getName();

    /** Remembers a path of this portal (starting with one {@code /}) and sends the browser to sign in. */
    public static void sendToSignIn(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        if (path.startsWith("/") && !path.startsWith("//")) {
            request.getSession(true).setAttribute(ATTRIBUTE, path);
        }
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && request.getUserPrincipal() != null && "GET".equals(request.getMethod())) {
            String path = (String) session.getAttribute(ATTRIBUTE);
            if (path != null) {
                session.removeAttribute(ATTRIBUTE);
                response.sendRedirect(request.getContextPath() + path);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
