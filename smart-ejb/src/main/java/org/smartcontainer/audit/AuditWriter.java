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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcontainer.logging.RateLimitedLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.config.DataDirectory;

/**
 * Takes audit events off the request thread, durably: an {@link AuditBuffer} over the audit journal in
 * {@code <data dir>/audit/journal} and the dead letters in {@code <data dir>/audit/dead-letters.log}, flushed every
 * {@code smart.audit.flush-ms} (default 100) by the server's managed scheduler in batches of up to 500 events per
 * transaction, and once more when the application stops; what is not in the database then stays in the journal
 * and is written at the next start. A request waits up to {@code smart.audit.queue-wait-ms} (default 2000) for
 * room among {@code smart.audit.queue-capacity} waiting events (default 20000) and fails after that.
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

    @Inject
    private DataDirectory dataDirectory;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    /** The journal's writer thread is a managed one: the server knows it and gives it the application's context. */
    @Resource
    private ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "smart.audit.queue-capacity", defaultValue = "20000")
    int capacity;

    @Inject
    @ConfigProperty(name = "smart.audit.queue-wait-ms", defaultValue = "2000")
    long waitMillis;

    @Inject
    @ConfigProperty(name = "smart.audit.flush-ms", defaultValue = "100")
    long flushMillis;

    @Inject
    @ConfigProperty(name = "smart.audit.retry-max-ms", defaultValue = "5000")
    long longestRetryMillis;

    @Inject
    @ConfigProperty(name = "smart.audit.journal.fsync", defaultValue = "true")
    boolean fsync;

    @Inject
    @ConfigProperty(name = "smart.audit.journal.segment-bytes", defaultValue = "4194304")
    long segmentBytes;

    private AuditJournal journal;
    private AuditBuffer buffer;
    private ScheduledFuture<?> flushes;

    @PostConstruct
    void start() {
        Path directory = dataDirectory.subdirectory("audit");
        try {
            journal = new AuditJournal(directory.resolve("journal"), segmentBytes, fsync, threads, Clock.systemUTC());
            AuditDeadLetters deadLetters = new AuditDeadLetters(directory);
            buffer = new AuditBuffer(new AuditBuffer.Settings(capacity, Duration.ofMillis(waitMillis), BATCH,
                    Duration.ofMillis(Math.max(1, flushMillis)), Duration.ofMillis(longestRetryMillis)),
                    journal, deadLetters, new StoreSink(store), Clock.systemUTC(), Duration.ofMinutes(1));
            int recovered = journal.recovered().size();
            if (recovered > 0 || journal.unreadableLines() > 0 || !deadLetters.toReplay().isEmpty()) {
                LOG.info("Audit journal " + journal.directory() + ": " + recovered + " events of an earlier run to"
                        + " write to the database (those already there are skipped), " + journal.unreadableLines()
                        + " torn lines skipped (appends cut off by a crash before their request was answered), "
                        + deadLetters.toReplay().size() + " dead letters offered to the database again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit journal under " + directory, e);
        }
        flushes = scheduler.scheduleWithFixedDelay(this::scheduledFlush, flushMillis, Math.max(1, flushMillis),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (flushes != null) {
            flushes.cancel(false);
        }
        try {
            buffer.flush(true);
        } catch (RuntimeException e) {
            LOG.warning(buffer.backlog() + " audit events could not be written to the database at shutdown ("
                    + RateLimitedLog.describe(e) + "); they stay in the journal " + journal.directory()
                    + " and are written at the next start");
        }
        try {
            journal.close();
            LOG.info(() -> "Audit trail closed; " + buffer.backlog() + " events wait in the journal for the next start");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not close the audit journal " + journal.directory() + ": "
                    + RateLimitedLog.describe(e));
        }
    }

    /** Accepts an event durably (see {@link AuditBuffer#add}). */
    public void add(AuditEvent event) {
        buffer.add(event);
    }

    /**
     * Writes what is queued now, even during a back-off pause (a reader wants every event answered before).
     *
     * @throws RuntimeException if the database cannot be reached
     */
    public void flushNow() {
        buffer.flush(true);
    }

    /** How the audit trail is doing. */
    public AuditStatus status() {
        return buffer.status();
    }

    private void scheduledFlush() {
        try {
            buffer.flush(false);
        } catch (RuntimeException e) {
            // counted, backed off and logged (rate-limited) by the buffer; the events stay queued and journaled
        }
    }

    /** The store as the buffer's sink (the EJB itself exposes no interface, so that it keeps its no-interface view). */
    private record StoreSink(AuditStore store) implements AuditBuffer.Sink {

        @Override
        public void write(List<AuditEvent> batch) {
            store.write(batch);
        }

        @Override
        public Set<String> stored(Collection<String> ids) {
            return store.stored(ids);
        }

        @Override
        public void probe() {
            store.probe();
        }
    }
}
