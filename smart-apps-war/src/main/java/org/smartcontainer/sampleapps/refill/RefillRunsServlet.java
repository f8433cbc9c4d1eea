package org.smartcontainer.sampleapps.refill;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.Role;

/**
 * The refill monitor's run log for administrators (HTTP Basic, an account with the {@code admin} role, the
 * same lockout as every sign-in): {@code GET} lists the latest runs, {@code POST} runs the monitor now and
 * answers that run.
 */
@WebServlet("/refill-monitor/runs")
public class RefillRunsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient RefillMonitor monitor;

    @EJB
    private transient AccountService accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!administrator(request, response)) {
            return;
        }
        JsonArrayBuilder runs = Json.createArrayBuilder();
        monitor.runs().forEach(r -> runs.add(r.json()));
        json(response, Json.createObjectBuilder().add("runs", runs).build().toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!administrator(request, response)) {
            return;
        }
        json(response, monitor.run("admin").json().toString());
    }

    private boolean administrator(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                var signIn = accounts.signIn(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
                if (signIn.succeeded()) {
                    if (signIn.account().hasRole(Role.admin)) {
                        return true;
                    }
                    response.sendError(HttpServletResponse.SC_FORBIDDEN, "Administrators only");
                    return false;
                }
            }
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"SMART Container EE\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in as an administrator");
        return false;
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
