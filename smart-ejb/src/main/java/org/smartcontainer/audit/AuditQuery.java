package org.smartcontainer.audit;

import java.time.Instant;

/**
 * Which audit events to list; null fields do not filter.
 *
 * @param record only this record
 * @param account only this account
 * @param app only this app
 * @param from events at or after this time
 * @param to events before this time
 * @param offset how many matching events to skip (newest first)
 * @param limit how many to return at most
 */
public record AuditQuery(String record, String account, String app, Instant from, Instant to, int offset, int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
