package org.smartcontainer.audit;

import java.util.List;

/** One page of audit events, newest first, and how many match in all. */
public record AuditPage(long total, List<AuditEvent> events) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
