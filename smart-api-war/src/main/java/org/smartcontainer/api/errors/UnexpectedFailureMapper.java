package org.smartcontainer.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcontainer.edge.BodyTooLargeException;
import org.smartcontainer.logging.RateLimitedLog;
import org.smartcontainer.persistence.DatabaseUnavailable;

/**
 * Everything else: HTTP exceptions keep their status (and headers such as {@code Allow}) with a short text
 * body; a body cut off at its limit by the input edge is {@code 413}; a failure caused by the database being unreachable is {@code 503} (see {@link DatabaseUnavailable});
 * any other failure is logged with an incident id and answered {@code 500} with that id only.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());
    private static final RateLimitedLog DATABASE_DOWN = new RateLimitedLog(LOG, Duration.ofMinutes(1), Clock.systemUTC());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException http) {
            Response response = http.getResponse();
            if (response.hasEntity()) {
                return response;
            }
            Response.StatusType status = response.getStatusInfo();
            return Response.fromResponse(response).type("text/plain;charset=UTF-8")
                    .entity(status.getReasonPhrase() + "\n").build();
        }
        var tooLarge = BodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return ApiProblem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, tooLarge.get().getMessage());
        }
        if (DatabaseUnavailable.causes(e)) {
            // every request fails the same way during an outage: one line a minute, no stack traces
            DATABASE_DOWN.warn("API requests fail: the database cannot be reached ("
                    + RateLimitedLog.describe(e) + ")");
            return ApiProblem.unavailable(DatabaseUnavailable.MESSAGE);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "API request failed (incident " + incident + ")", e);
        return ApiProblem.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal server error (incident "
                + incident + ")");
    }
}
