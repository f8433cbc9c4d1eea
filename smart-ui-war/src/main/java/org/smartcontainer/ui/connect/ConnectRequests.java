package org.smartcontainer.ui.connect;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.smartcontainer.accounts.AccountService;

/**
 * The checks every call to the portal's SMART Connect endpoints passes first: a signed-in session (403
 * otherwise, never a redirect: these are called by scripts), the session's anti-CSRF header, and no
 * foreign {@code Origin} or cross-site fetch metadata.
 */
@ApplicationScoped
public class ConnectRequests {

    @Inject
    private PortalUrls urls;

    @EJB
    private AccountService accounts;

    /** The session's user (by API user id) and Connect state, or empty after an error answer was sent. */
    Optional<Caller> admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (request.getUserPrincipal() == null || session == null) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Sign in first");
            return Optional.empty();
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals(urls.portalOrigin(request))) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Cross-origin requests are refused");
            return Optional.empty();
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Cross-site requests are refused");
            return Optional.empty();
        }
        ConnectSession state = ConnectSession.of(session);
        if (!state.acceptsCsrf(request.getHeader(ConnectSession.CSRF_HEADER))) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Missing or wrong " + ConnectSession.CSRF_HEADER + " header");
            return Optional.empty();
        }
        Optional<String> userId = accounts.findByUsername(request.getUserPrincipal().getName()).map(AccountService::userIdOf);
        if (userId.isEmpty()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Sign in first");
            return Optional.empty();
        }
        return Optional.of(new Caller(userId.get(), state));
    }

    /** A short JSON error; never any patient data. */
    static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("error", message).build().toString());
    }

    record Caller(String userId, ConnectSession state) {
    }
}
