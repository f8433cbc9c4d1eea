package org.smartcontainer.ui.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The showcase account changes nothing: its sessions are refused (403) on the pages that write, whatever
 * the page itself checks. (Admin pages need the admin role, which showcase sessions never have.)
 */
@WebFilter(urlPatterns = {"/account/*", "/admin/*", "/register.xhtml"})
public class ShowcaseReadOnly extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isUserInRole(ShowcaseMode.ROLE)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The showcase is read-only");
            return;
        }
        chain.doFilter(request, response);
    }
}
