package org.smartcontainer.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes audit events off the request thread: an {@link AuditBuffer} flushed every
 * {@code smart.audit.flush-ms} (default 100) by the server's managed scheduler, in batches of up to 500 events
 * per transaction, and once more when the application stops. A request waits up to
 * {@code smart.audit.queue-wait-ms} (default 2000) for room in a full queue of {@code smart.audit.queue-capacity}
 * events (default 20000) and fails after that.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());
    static final int BATCH = 500;

    @EJB
    private AuditStore store;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "smart.audit.queue-capacity", defaultValue = "20000")
    int capacity;

    @Inject
    @ConfigProperty(name = "smart.audit.queue-wait-ms", defaultValue = "2000")
    long waitMillis;

    @Inject
    @ConfigProperty(name = "smart.audit.flush-ms", defaultValue = "100")
    long flushMillis;

    private AuditBuffer buffer;
    private ScheduledFuture<?> flushes;

    @PostConstruct
    void start() {
        buffer = new AuditBuffer(capacity, Duration.ofMillis(waitMillis), BATCH, batch -> store.write(batch));
        flushes = scheduler.scheduleWithFixedDelay(this::scheduledFlush, flushMillis, Math.max(1, flushMillis),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (flushes != null) {
            flushes.cancel(false);
        }
        try {
            buffer.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not write " + buffer.backlog() + " audit events at shutdown", e);
        }
    }

    /** Queues an event (see {@link AuditBuffer#add}). */
    public void add(AuditEvent event) {
        buffer.add(event);
    }

    /** Writes what is queued now; failures are logged and left for the next flush. */
    public void flush() {
        try {
            buffer.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write audit events (" + buffer.backlog() + " waiting); will retry", e);
        }
    }

    private void scheduledFlush() {
        flush();
    }
}
