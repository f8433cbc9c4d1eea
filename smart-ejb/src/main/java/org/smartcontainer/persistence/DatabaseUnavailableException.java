package org.smartcontainer.persistence;

import jakarta.ejb.ApplicationException;

/**
 * A call of a bean that needs the relational database failed because the database cannot be reached
 * ({@link DatabaseUnavailable#causes}). An application exception, so the EJB container passes it on as it is
 * (rolled back) instead of logging a stack trace for each call as it does for system exceptions: during an outage
 * every request fails this way, and those logs were 36 KB a request (the soak of 2026-12-07). The failure it
 * replaces stays its cause; callers answer {@code 503} and log it rate-limited.
 */
@ApplicationException(rollback = true)
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Wraps the failure that showed the database cannot be reached. */
    public DatabaseUnavailableException(Throwable cause) {
        super(DatabaseUnavailable.MESSAGE, cause);
    }
}
