package org.smartcontainer.api.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the API answers to one call, independent of the front that received it: a status, headers in order
 * (a name may repeat, e.g. two {@code WWW-Authenticate}) and a body written on demand.
 *
 * @param status the HTTP status
 * @param headers the response headers, in order; {@code Content-Type} is among them when there is a body
 * @param body the body, or {@link Body#NONE}
 */
public record ApiAnswer(int status, List<Header> headers, Body body) {

    /** Seconds a client should wait before trying again after a {@code 503}. */
    public static final int RETRY_AFTER_SECONDS = 10;

    public ApiAnswer {
        headers = List.copyOf(headers);
    }

    /** One response header. */
    public record Header(String name, String value) {
    }

    /** A response body, written when the front sends it (a graph is serialized straight into the response). */
    @FunctionalInterface
    public interface Body {
        /** No body. */
        Body NONE = out -> { };

        /** Writes the body. */
        void writeTo(OutputStream out) throws IOException;

        /** A body of fixed bytes. */
        static Body of(byte[] bytes) {
            return out -> out.write(bytes);
        }
    }

    /** The first value of a header (names compare case-insensitively), if present. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** The {@code Content-Type}, or null without a body. */
    public String contentType() {
        return header("Content-Type").orElse(null);
    }

    /** This answer with one more header. */
    public ApiAnswer with(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new ApiAnswer(status, more, body);
    }

    /** An answer with a body of the given type. */
    public static ApiAnswer of(int status, String contentType, Body body) {
        return new ApiAnswer(status, List.of(new Header("Content-Type", contentType)), body);
    }

    /** {@code 200} with bytes of the given type. */
    public static ApiAnswer ok(byte[] bytes, String contentType) {
        return of(200, contentType, Body.of(bytes));
    }

    /** A status with no body. */
    public static ApiAnswer empty(int status) {
        return new ApiAnswer(status, List.of(), Body.NONE);
    }

    /** A failure: {@code status} and {@code message} as {@code text/plain;charset=UTF-8}, never a stack trace. */
    public static ApiAnswer problem(int status, String message) {
        return of(status, "text/plain;charset=UTF-8", Body.of((message + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code 503} with a reason and {@code Retry-After}: something the container depends on (record store,
     * database, audit trail) is not there; nothing was written, and the client may try again.
     */
    public static ApiAnswer unavailable(String message) {
        return problem(503, message).with("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }

    /** A refusal of the access decision: short {@code text/plain}, never stored by caches. */
    public static ApiAnswer refusal(int status, String message) {
        return of(status, "text/plain", Body.of(message.getBytes(StandardCharsets.UTF_8)))
                .with("Cache-Control", "no-store");
    }

    @Override
    public String toString() {
        return "ApiAnswer[" + status + " " + contentType() + "]";
    }
}
