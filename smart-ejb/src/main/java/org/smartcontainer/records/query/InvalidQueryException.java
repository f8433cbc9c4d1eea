package org.smartcontainer.records.query;

/**
 * A query parameter value the SMART API cannot accept (malformed date, code outside its pattern, bad
 * {@code limit}/{@code offset}). The REST layer answers {@code 400 Bad Request} with {@link #getMessage()}.
 */
public final class InvalidQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /** A rejected value of {@code parameter}, explained by {@code message}. */
    public InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the offending query parameter. */
    public String parameter() {
        return parameter;
    }
}
