package org.smartcontainer.records.write;

/** A posted graph the API refuses; {@link #reason()} decides the HTTP status. */
public final class StatementPostException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a post is refused. */
    public enum Reason {
        /** Not parseable, nothing to store, or not valid against the ontology: {@code 400}. */
        MALFORMED,
        /** Reaches outside the target record or posts what this call does not accept: {@code 409}. */
        CONFLICT
    }

    private final Reason reason;

    /** A refusal for {@code reason}, explained by {@code message}. */
    public StatementPostException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the post was refused. */
    public Reason reason() {
        return reason;
    }
}
