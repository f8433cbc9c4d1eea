package org.smartcontainer.audit;

/**
 * How the audit trail is doing, for readiness checks and the administrators' pages.
 *
 * @param backlog events accepted (in the journal) but not yet in the database
 * @param oldestPendingSeconds age of the oldest of them, 0 when there are none
 * @param deadLetters events the database refused one by one, kept in the dead-letter file
 * @param failingForSeconds how long writing to the database has been failing, 0 when it works
 * @param lastFailure the last failure in one line, or null while writes work
 * @param journalBytes the size of the local audit journal
 * @param journalFailure why the last append to the journal failed (data requests are then refused), or null
 */
public record AuditStatus(int backlog, long oldestPendingSeconds, long deadLetters, long failingForSeconds,
        String lastFailure, long journalBytes, String journalFailure) {
}
