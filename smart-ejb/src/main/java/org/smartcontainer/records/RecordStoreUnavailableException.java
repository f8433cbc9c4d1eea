package org.smartcontainer.records;

import jakarta.ejb.ApplicationException;

/**
 * The record store cannot be reached or did not answer in time (a remote SPARQL store or proxied EHR that
 * is down, slow or refusing): the API answers {@code 503} with this message and nothing was written.
 */
@ApplicationException(rollback = false)
public class RecordStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message that names the store and the cause, fit to show to a client. */
    public RecordStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
