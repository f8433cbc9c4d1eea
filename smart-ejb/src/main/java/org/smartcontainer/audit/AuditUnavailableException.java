package org.smartcontainer.audit;

/** An audit event could not be accepted: the request that caused it must fail (no unaudited data access). */
public class AuditUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message) {
        super(message);
    }
}
