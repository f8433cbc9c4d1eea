package org.smartcontainer.ui.launcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The portal's pages may only be framed by the portal itself (no clickjacking of the launcher or the
 * admin pages), except the pages an app's own frame is sent to: the consent page and the sign-in page
 * before it (ui.md §4.12, §7.2).
 */
@WebFilter("*.xhtml")
public class PortalFraming extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> FRAMABLE = Set.of("/authorize.xhtml", "/login.xhtml");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!FRAMABLE.contains(request.getServletPath())) {
            response.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        chain.doFilter(request, response);
    }
}
