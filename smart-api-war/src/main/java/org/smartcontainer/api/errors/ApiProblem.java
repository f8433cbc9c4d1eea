package org.smartcontainer.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Failure responses of the API: a status and a short plain-text reason, never a stack trace. */
public final class ApiProblem {

    private ApiProblem() {
    }

    /** A response with {@code status} and {@code message} as text/plain. */
    public static Response response(Response.Status status, String message) {
        return response(status.getStatusCode(), message);
    }

    /** A response with {@code status} and {@code message} as text/plain. */
    public static Response response(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message + "\n")
                .build();
    }

    /** Seconds a client should wait before trying again after a {@code 503}. */
    public static final int RETRY_AFTER_SECONDS = org.smartcontainer.api.core.ApiAnswer.RETRY_AFTER_SECONDS;

    /**
     * {@code 503} with a reason and {@code Retry-After}: something the container depends on (record store,
     * database, audit trail) is not there; nothing was written, and the client may try again.
     */
    public static Response unavailable(String message) {
        return Response.fromResponse(response(Response.Status.SERVICE_UNAVAILABLE, message))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /** An exception that ends the request with {@code status} and {@code message}. */
    public static WebApplicationException of(Response.Status status, String message) {
        return new WebApplicationException(message, response(status, message));
    }

    /** {@code 404} with a reason. */
    public static WebApplicationException notFound(String message) {
        return of(Response.Status.NOT_FOUND, message);
    }

    /** {@code 400} with a reason. */
    public static WebApplicationException badRequest(String message) {
        return of(Response.Status.BAD_REQUEST, message);
    }
}
