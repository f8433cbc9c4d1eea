package org.smartcontainer.edge;

import java.io.IOException;

/** A request body grew past its limit while it was read; the edge answers {@code 413}. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }

    /** The body limit that caused a failure, if one did (anywhere in its causes). */
    public static java.util.Optional<BodyTooLargeException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return java.util.Optional.of(tooLarge);
            }
        }
        return java.util.Optional.empty();
    }
}
