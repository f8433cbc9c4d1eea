package org.smartcontainer.edge;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.smartcontainer.logging.RateLimitedLog;
import org.smartcontainer.persistence.DatabaseUnavailable;

/**
 * The edge of a web module. First, the application's {@link RequestGate}: once the application stops, a request
 * gets {@code 503} with {@code Retry-After}, and the stop waits for those let in ({@link RequestDrain}). Then it
 * refuses a request whose path, query, headers or body break {@link InputLimits}
 * with a short plain-text 4xx (400, 411, 413, 414 or 431) naming the limit in the {@value #REFUSED_HEADER} header,
 * before any servlet, service, database or log sees it; and cuts a streamed body off at its limit. A request
 * that offers a protocol upgrade the server does not take gets the body HTTP/1.1 gives it
 * ({@link UpgradeOfferRequest}), not the rest of the connection, and its answer is held back until the application
 * is done, so that the container writes it as an HTTP/1.1 answer with its type and length
 * ({@link UpgradeOfferResponse}). Each
 * web module registers it first in its filter chain (a {@code @WebFilter} subclass named {@value #NAME}).
 * The init parameter {@value #IMPORT_PATHS} lists the paths (relative to the module, a trailing {@code *}
 * for a prefix) whose bodies may reach {@link InputLimits#importBodyBytes()} instead of
 * {@link InputLimits#bodyBytes()}. Last, a request that failed because the database cannot be reached (see
 * {@link DatabaseUnavailable}) and whose answer has not begun gets {@code 503} with {@code Retry-After} (the page
 * {@value #UNAVAILABLE_PAGE} names, or a short text) instead of the server's error page.
 */
public class InputEdgeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final RateLimitedLog DATABASE_DOWN = new RateLimitedLog(
            Logger.getLogger(InputEdgeFilter.class.getName()), Duration.ofMinutes(1), Clock.systemUTC());

    /** The filter name every module registers it under (and orders first by). */
    public static final String NAME = "InputEdge";
    /** The init parameter with the import paths, comma-separated. */
    public static final String IMPORT_PATHS = "import-paths";
    /**
     * The init parameter with the path (in the module) of the HTML page a request gets, with {@code 503}, when it
     * failed because the database cannot be reached; without it, a short text.
     */
    public static final String UNAVAILABLE_PAGE = "unavailable-page";
    /** The response header naming the limit a refused request broke. */
    public static final String REFUSED_HEADER = "Smart-Input-Refused";

    /**
     * How much more than its limit an announced body may be and still be read (and dropped) before the
     * {@code 413}, so that a client that sends the whole body before it reads the answer gets it; larger
     * bodies are refused at once and the connection closed (as Tomcat's {@code maxSwallowSize}).
     */
    static final long SWALLOW_BYTES = 2L << 20;

    @EJB
    private transient RequestDrain drain;

    private transient RequestGate gate;
    private transient byte[] unavailablePage;
    private transient InputCheck check;
    private transient List<String> importPaths;

    @Override
    public void init() throws ServletException {
        gate = drain.gate();
        unavailablePage = page(getInitParameter(UNAVAILABLE_PAGE));
        check = new InputCheck(InputLimits.fromConfig());
        String paths = getInitParameter(IMPORT_PATHS);
        importPaths = paths == null || paths.isBlank() ? List.of()
                : Arrays.stream(paths.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!gate.enter()) {
            EdgeAnswers.stopping(response);
            return;
        }
        HttpServletRequest bounded = UpgradeOfferRequest.bounded(request);
        HttpServletResponse answer = UpgradeOfferResponse.held(request, response);
        try {
            checkAndPass(bounded, answer, chain);
            UpgradeOfferRequest.dropRest(bounded, SWALLOW_BYTES);
            UpgradeOfferResponse.hand(answer);
        } finally {
            gate.leave();
        }
    }

    private void checkAndPass(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long bodyLimit = isImport(request) ? check.limits().importBodyBytes() : check.limits().bodyBytes();
        Optional<InputRefusal> refused = refusal(request, bodyLimit);
        if (refused.isPresent()) {
            if (refused.get().status() == 413 && request.getContentLengthLong() <= bodyLimit + SWALLOW_BYTES) {
                // read and drop a body that is not much too large, so that a client still sending it reads the 413
                request.getInputStream().transferTo(OutputStream.nullOutputStream());
                EdgeAnswers.refused(request, response, refused.get(), false);
            } else {
                EdgeAnswers.refused(request, response, refused.get(), true);
            }
            return;
        }
        LimitedBodyRequest limited = new LimitedBodyRequest(request, bodyLimit);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (limited.exceeded() || BodyTooLargeException.in(e).isPresent()) {
                if (!response.isCommitted()) {
                    response.reset();
                    EdgeAnswers.refused(request, response, InputCheck.bodyTooLarge(bodyLimit), true);
                }
                return;
            }
            if (DatabaseUnavailable.causes(e) && !response.isCommitted()) {
                // every request fails the same way during an outage: one line a minute, no stack traces
                DATABASE_DOWN.warn("Requests to " + request.getContextPath() + "/ fail: the database cannot be reached ("
                        + RateLimitedLog.describe(e) + ")");
                response.reset();
                EdgeAnswers.databaseUnavailable(response, unavailablePage);
                return;
            }
            throw e;
        }
        if (limited.exceeded() && !response.isCommitted() && response.getStatus() != 413) {
            // a servlet caught the cut-off itself and answered something else: the answer is 413
            response.reset();
            EdgeAnswers.refused(request, response, InputCheck.bodyTooLarge(bodyLimit), true);
        }
    }

    private byte[] page(String path) throws ServletException {
        if (path == null || path.isBlank()) {
            return null;
        }
        try (InputStream in = getServletContext().getResourceAsStream(path)) {
            if (in == null) {
                throw new ServletException(UNAVAILABLE_PAGE + " " + path + " is not in the web module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ServletException("Cannot read " + path, e);
        }
    }

    private Optional<InputRefusal> refusal(HttpServletRequest request, long bodyLimit) {
        Optional<InputRefusal> refused = check.target(request.getRequestURI(), request.getQueryString());
        if (refused.isPresent()) {
            return refused;
        }
        int lines = 0;
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                lines++;
                refused = check.header(name, value);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        refused = check.headerCount(lines);
        if (refused.isPresent()) {
            return refused;
        }
        refused = UpgradeOfferRequest.refusal(request);
        if (refused.isPresent()) {
            return refused;
        }
        return request.getContentLengthLong() > bodyLimit ? Optional.of(InputCheck.bodyTooLarge(bodyLimit)) : Optional.empty();
    }

    private boolean isImport(HttpServletRequest request) {
        String path = request.getRequestURI().substring(Math.min(request.getContextPath().length(),
                request.getRequestURI().length()));
        for (String importPath : importPaths) {
            if (importPath.endsWith("*") ? path.startsWith(importPath.substring(0, importPath.length() - 1))
                    : path.equals(importPath)) {
                return true;
            }
        }
        return false;
    }
}
