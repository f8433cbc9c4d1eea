package org.smartcontainer.appdata;

/** An {@code If-Match} that does not match what is stored ({@code 412}). */
public final class PreconditionFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The stored data changed since the client read it. */
    public PreconditionFailedException(String message) {
        super(message);
    }
}
