package org.smartcontainer.persistence;

import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a failure that means "the relational database cannot be reached" (stopped, restarting, refusing
 * connections, network gone) from every other failure, however EclipseLink, the EJB container and the
 * server's connection pool have wrapped it. Such a failure is the operators' to fix and the callers' to
 * retry ({@code 503}), not a bug ({@code 500}).
 */
public final class DatabaseUnavailable {

    /** The message callers get. */
    public static final String MESSAGE = "The container's database cannot be reached; nothing was changed. Try again later.";

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or anything that caused it, is a lost or refused database connection. */
    public static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isConnectionFailure(t)) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.add(next); next = next.getNextException()) {
                    if (isConnectionFailure(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // class 08: connection exception; 57P01-57P03: the server is shutting down, crashed or starting up
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        // the server's connection pool could not hand out a connection
        if (t instanceof jakarta.resource.ResourceException) {
            return true;
        }
        // The transaction manager could not begin or commit on its resource, which is the database here (the
        // record store takes no part in transactions). Payara turns the connection's failure into an
        // XAException whose cause is gone (only its text is kept): seen when PostgreSQL restarted under load.
        return t instanceof SystemException
                || t instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XAER_RMERR);
    }
}
