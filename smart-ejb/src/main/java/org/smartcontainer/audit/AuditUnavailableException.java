package org.smartcontainer.audit;

import jakarta.ejb.ApplicationException;

/**
 * An audit event could not be accepted: the request that caused it must fail (no unaudited data access). An
 * application exception, so that callers of the audit EJB get it as it is (the API answers {@code 503}).
 */
@ApplicationException(rollback = true)
public class AuditUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message) {
        super(message);
    }
}
