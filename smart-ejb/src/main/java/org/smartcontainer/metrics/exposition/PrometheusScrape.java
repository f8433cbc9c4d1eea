package org.smartcontainer.metrics.exposition;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.ToDoubleFunction;
import org.smartcontainer.api.cache.ResponseCache;
import org.smartcontainer.api.core.Responses;
import org.smartcontainer.audit.AuditStatus;
import org.smartcontainer.audit.AuditTrail;
import org.smartcontainer.metrics.OperatorMetrics;
import org.smartcontainer.records.RecordStore;

/**
 * The text an operator's Prometheus scrapes: {@link OperatorMetrics} with the figures that are state rather than
 * events bound to it once, read at each scrape. A figure that cannot be read (the record store or the database
 * down) is {@code NaN} for that scrape; the scrape itself still answers.
 */
@ApplicationScoped
public class PrometheusScrape {

    @Inject
    OperatorMetrics metrics;

    @EJB
    AuditTrail audit;

    @Inject
    Responses responses;

    @Inject
    RecordStore store;

    @PostConstruct
    void bindState() {
        audit("smart.audit.backlog", "Audit events in the local journal not yet in the database", AuditStatus::backlog);
        audit("smart.audit.oldest.pending.seconds", "Age of the oldest audit event waiting for the database",
                AuditStatus::oldestPendingSeconds);
        audit("smart.audit.dead.letters", "Audit events the database refused, kept in the dead-letter file",
                AuditStatus::deadLetters);
        audit("smart.audit.failing.seconds", "How long writing audit events to the database has been failing",
                AuditStatus::failingForSeconds);
        audit("smart.audit.journal.bytes", "Size of the local audit journal", AuditStatus::journalBytes);

        ResponseCache cache = responses.cache();
        metrics.counted("smart.response.cache.hits", "Record reads answered from the response cache", cache,
                ResponseCache::hits);
        metrics.counted("smart.response.cache.misses", "Record reads that built their response", cache,
                ResponseCache::misses);
        metrics.gauge("smart.response.cache.entries", "Responses held in the response cache", cache,
                ResponseCache::size);
        metrics.gauge("smart.response.cache.bytes", "Bytes held in the response cache", cache,
                ResponseCache::bytes);

        metrics.gauge("smart.records", "Patient records in the record store", store,
                s -> orNaN(() -> s.countRecords()));
    }

    /** The scrape: every metric in the Prometheus text format. */
    public String text() {
        return metrics.scrape();
    }

    private void audit(String name, String description, ToDoubleFunction<AuditStatus> figure) {
        metrics.gauge(name, description, audit, trail -> orNaN(() -> figure.applyAsDouble(trail.status())));
    }

    private static double orNaN(java.util.function.DoubleSupplier figure) {
        try {
            return figure.getAsDouble();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
