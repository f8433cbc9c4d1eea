package org.smartcontainer.ui.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.smartcontainer.config.TransportSecurity;

/**
 * The portal's side of {@code smart.tls.required}: plain-HTTP page requests are redirected to HTTPS
 * ({@code smart.tls.https-port}), other plain-HTTP requests refused, HTTPS responses carry HSTS, and the
 * session cookie is marked {@code Secure}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
@WebListener
public class HttpsRedirect extends HttpFilter implements ServletContextListener {

    private static final long serialVersionUID = 1L;

    @Inject
    private TransportSecurity transport;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (transport.required()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!transport.required()) {
            chain.doFilter(request, response);
        } else if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", TransportSecurity.HSTS);
            chain.doFilter(request, response);
        } else if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            int port = transport.httpsPort();
            String query = request.getQueryString();
            response.sendRedirect("https://" + request.getServerName() + (port == 443 ? "" : ":" + port)
                    + request.getRequestURI() + (query == null ? "" : "?" + query));
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "HTTPS required");
        }
    }
}
