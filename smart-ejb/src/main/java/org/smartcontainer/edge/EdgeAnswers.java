package org.smartcontainer.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcontainer.persistence.DatabaseUnavailable;

/** The answers the {@link InputEdgeFilter} gives itself: short, never cached, never a stack trace. */
final class EdgeAnswers {

    private static final Logger LOG = Logger.getLogger(InputEdgeFilter.class.getName());

    /** Seconds a client should wait after a {@code 503} because the database cannot be reached (as the API says). */
    static final int DATABASE_RETRY_AFTER_SECONDS = 10;

    private EdgeAnswers() {
    }

    /** A request that breaks an input limit: its 4xx, the limit named in {@link InputEdgeFilter#REFUSED_HEADER}. */
    static void refused(HttpServletRequest request, HttpServletResponse response, InputRefusal refusal,
            boolean bodyLeftUnread) throws IOException {
        LOG.log(Level.FINE, () -> "Refused at the edge (" + refusal.limit() + "): " + request.getMethod() + " "
                + LoggedInput.cut(request.getRequestURI()));
        response.setStatus(refusal.status());
        response.setHeader(InputEdgeFilter.REFUSED_HEADER, refusal.limit());
        if (bodyLeftUnread && refusal.status() == 413) {
            response.setHeader("Connection", "close"); // the rest of the body is not read
        }
        text(response, refusal.message());
    }

    /** A request that arrives while the application stops ({@link RequestGate}). */
    static void stopping(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RequestGate.RETRY_AFTER_SECONDS));
        response.setHeader("Connection", "close"); // the next request should find a server that is still up
        text(response, RequestGate.STOPPING);
    }

    /**
     * A request that failed because the database cannot be reached: {@code 503} with {@code Retry-After}, and the
     * module's HTML page for it, or {@link DatabaseUnavailable#MESSAGE} as text when it has none.
     */
    static void databaseUnavailable(HttpServletResponse response, byte[] page) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(DATABASE_RETRY_AFTER_SECONDS));
        if (page == null) {
            text(response, DatabaseUnavailable.MESSAGE);
        } else {
            body(response, "text/html;charset=UTF-8", page);
        }
    }

    private static void text(HttpServletResponse response, String message) throws IOException {
        body(response, "text/plain;charset=UTF-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void body(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
