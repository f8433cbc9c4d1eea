package org.smartcontainer.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page the container itself sends (a security constraint's {@code 403}, a sign-in's {@code 401}, an
 * error after the answer was handed on) to an HTTP/1.1 request that offers an upgrade the server does not take:
 * such answers never pass {@link InputEdgeFilter}'s request dispatch, and Grizzly closes the connection after
 * them without saying so, so a client reusing it would read nothing. This filter, mapped to the error dispatch
 * only, says {@code Connection: close}, as {@link UpgradeOfferResponse} does for the application's answers.
 */
public class UpgradeOfferErrorPage extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (UpgradeOfferRequest.offersUpgrade(request) && !response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
        chain.doFilter(request, response);
    }
}
