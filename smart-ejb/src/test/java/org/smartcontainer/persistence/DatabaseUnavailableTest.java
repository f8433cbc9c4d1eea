package org.smartcontainer.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionDeepInsideTheContainersWrappersIsRecognised() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:15432 refused", "08001");
        Throwable wrapped = new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
                new SQLException("Error in allocating a connection", refused)));

        assertTrue(DatabaseUnavailable.causes(wrapped));
    }

    @Test
    void aPoolThatCannotAllocateAConnectionOrAServerShuttingDownIsRecognised() {
        assertTrue(DatabaseUnavailable.causes(new PersistenceException(new ResourceAllocationException("no connection"))));
        assertTrue(DatabaseUnavailable.causes(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new SQLTransientConnectionException("timeout"))));
    }

    @Test
    void aConnectionFailureChainedAsTheNextExceptionOfABatchIsRecognised() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "40001");
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertTrue(DatabaseUnavailable.causes(new PersistenceException(batch)));
    }

    @Test
    void aTransactionThatCannotBeginOrCommitOnTheDatabaseIsRecognised() {
        // as Payara wraps a local transaction's failed commit: the connection's failure survives as text only
        XAException commit = new XAException("jakarta.resource.spi.LocalTransactionException: This connection has been closed.");
        commit.errorCode = XAException.XAER_RMERR;
        SystemException system = new SystemException();
        system.initCause(commit);

        assertTrue(DatabaseUnavailable.causes(new EJBException("Unable to complete container-managed transaction.", system)));
        assertTrue(DatabaseUnavailable.causes(new EJBException(new SystemException("no cause at all"))));
        XAException unavailable = new XAException(XAException.XAER_RMFAIL);
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(unavailable)));
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNotAnOutage() {
        assertFalse(DatabaseUnavailable.causes(new PersistenceException(
                new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causes(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.causes(new NullPointerException()));
        assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.causes(new XAException(XAException.XAER_PROTO)), "a bug in the use of a transaction");
        assertFalse(DatabaseUnavailable.causes(new EJBException(new IllegalStateException("transaction not active"))));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertFalse(DatabaseUnavailable.causes(a));
    }
}
