package org.smartcontainer.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.smartcontainer.logging.RateLimitedLog;

/**
 * Audit events on their way to the database. A request's event is bounded to its columns ({@link AuditEvent}),
 * forced to the local {@link AuditJournal} and queued before the request is answered; flushes (every few
 * milliseconds, on demand before the trail is read, and at shutdown) write the queue in batches.
 *
 * <p>Nothing is lost and nothing blocks the rest:
 * <ul>
 * <li>A batch the database refuses is split until the event it refuses is found; the others are written, and
 * that one is set aside in the {@link AuditDeadLetters} with the reason (and offered again at the next start).</li>
 * <li>While the database cannot be reached (a trivial query fails too), everything stays queued and flushes back
 * off, from {@code firstRetry} doubling up to {@code longestRetry}; one warning per minute says so.</li>
 * <li>At most {@code capacity} events wait: a request that finds no room within {@code wait} fails with
 * {@link AuditUnavailableException} (no unaudited data access); so does one whose event cannot be journaled.</li>
 * <li>Events already in the database (a batch whose commit was not acknowledged, a journal replayed after a
 * crash) are recognised by their id and not written twice.</li>
 * </ul>
 * Plain Java, thread-safe.
 */
public final class AuditBuffer {

    /** Where batches go. */
    public interface Sink {

        /** Stores the events in one transaction: all of them or none. */
        void write(List<AuditEvent> batch);

        /** Of these event ids, the ones already stored. */
        Set<String> stored(Collection<String> ids);

        /** Returns if the database answers a trivial query, throws otherwise. */
        void probe();
    }

    /**
     * @param capacity events that may wait for the database at once
     * @param roomWait how long a request waits for room
     * @param batchSize events per transaction
     * @param firstRetry the pause after the first failed flush, doubled after every further one
     * @param longestRetry the longest pause between flushes while they fail
     */
    public record Settings(int capacity, Duration roomWait, int batchSize, Duration firstRetry, Duration longestRetry) {
        public Settings {
            if (capacity < 1 || batchSize < 1) {
                throw new IllegalArgumentException("capacity and batch size must be positive");
            }
        }
    }

    /** An event accepted and not yet written or set aside; {@code segment} -1 for a replayed dead letter. */
    private static final class Pending {
        final AuditEvent event;
        final long segment;
        boolean done;

        Pending(AuditEvent event, long segment) {
            this.event = event;
            this.segment = segment;
        }
    }

    private static final Logger LOG = Logger.getLogger(AuditBuffer.class.getName());
    private static final long REPLAYED_DEAD_LETTER = -1;

    private final Settings settings;
    private final AuditJournal journal;
    private final AuditDeadLetters deadLetters;
    private final Sink sink;
    private final Clock clock;
    private final Semaphore room;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock flushing = new ReentrantLock();
    /** Taken from the queue but not yet written (guarded by {@link #flushing}). */
    private final List<Pending> pending = new ArrayList<>();
    private final RateLimitedLog writeFailures;
    private final RateLimitedLog setAside;
    private final RateLimitedLog full;

    private volatile long oldestInFlight = Long.MAX_VALUE;
    private volatile long failingSince;
    private volatile String lastFailure;
    private volatile String journalFailure;
    private long nextAttempt;
    private int failures;

    /**
     * A buffer that first takes up what the journal and the dead letters kept from earlier runs.
     *
     * @param warningInterval the least time between two warnings of the same kind in the log
     */
    AuditBuffer(Settings settings, AuditJournal journal, AuditDeadLetters deadLetters, Sink sink, Clock clock,
            Duration warningInterval) {
        this.settings = settings;
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.sink = sink;
        this.clock = clock;
        this.writeFailures = new RateLimitedLog(LOG, warningInterval, clock);
        this.setAside = new RateLimitedLog(LOG, warningInterval, clock);
        this.full = new RateLimitedLog(LOG, warningInterval, clock);
        List<AuditJournal.Recovered> recovered = journal.recovered();
        // recovered events count against the capacity like new ones (a negative start is allowed)
        this.room = new Semaphore(settings.capacity() - recovered.size(), true);
        for (AuditJournal.Recovered r : recovered) {
            queue.add(new Pending(r.event(), r.segment()));
        }
        for (AuditEvent e : deadLetters.toReplay()) {
            queue.add(new Pending(e, REPLAYED_DEAD_LETTER));
        }
    }

    /**
     * Accepts an event: once this returns, it is on local disk and will reach the database.
     *
     * @throws AuditUnavailableException if there is no room within the wait, or the journal cannot be written
     */
    public void add(AuditEvent event) {
        try {
            if (!room.tryAcquire(settings.roomWait().toNanos(), TimeUnit.NANOSECONDS)) {
                full.warn("The audit queue is full (" + backlog() + " events wait for the database): data requests"
                        + " are answered 503 until it drains");
                throw new AuditUnavailableException("The audit queue is full (" + backlog()
                        + " events not yet written): the audit store does not keep up or is down");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("Interrupted while waiting for room in the audit queue");
        }
        AuditJournal.Ticket ticket;
        try {
            ticket = journal.write(event);
            journalFailure = null;
        } catch (IOException | UncheckedIOException e) {
            room.release();
            journalFailure = RateLimitedLog.describe(e);
            writeFailures.warn("The audit journal in " + journal.directory() + " cannot be written ("
                    + RateLimitedLog.describe(e) + "): data requests are refused until it can");
            throw new AuditUnavailableException("The audit journal cannot be written");
        }
        queue.add(new Pending(event, ticket.segment()));
    }

    /** Writes what is queued unless a failed flush asked for a pause that has not passed; see {@link #flush(boolean)}. */
    public int flush() {
        return flush(false);
    }

    /**
     * Writes everything queued so far, in batches; returns how many events reached the database.
     *
     * @param now whether to try even during the pause after a failure (someone is waiting to read the trail)
     * @throws RuntimeException the database's failure when it cannot be reached; what is not written stays queued
     */
    public int flush(boolean now) {
        flushing.lock();
        try {
            if (!now && clock.millis() < nextAttempt) {
                return 0;
            }
            queue.drainTo(pending);
            int written = 0;
            try {
                while (!pending.isEmpty()) {
                    List<Pending> batch = new ArrayList<>(pending.subList(0, Math.min(settings.batchSize(), pending.size())));
                    oldestInFlight = pending.get(0).event.getTime().toEpochMilli();
                    try {
                        written += writeIsolating(batch);
                    } finally {
                        pending.removeIf(p -> p.done);
                        oldestInFlight = pending.isEmpty() ? Long.MAX_VALUE : pending.get(0).event.getTime().toEpochMilli();
                    }
                    if (pending.isEmpty()) {
                        queue.drainTo(pending);
                    }
                }
            } catch (RuntimeException unreachable) {
                failed(unreachable);
                throw unreachable;
            }
            succeeded();
            journal.purge();
            return written;
        } finally {
            flushing.unlock();
        }
    }

    /** Events accepted and not yet in the database (dead letters aside). */
    public int backlog() {
        return settings.capacity() - room.availablePermits();
    }

    /** The figures operators watch. */
    public AuditStatus status() {
        long now = clock.millis();
        long oldest = oldestInFlight;
        Pending head = queue.peek();
        if (head != null) {
            oldest = Math.min(oldest, head.event.getTime().toEpochMilli());
        }
        long since = failingSince;
        return new AuditStatus(backlog(), oldest == Long.MAX_VALUE ? 0 : Math.max(0, (now - oldest) / 1000),
                deadLetters.count(), since == 0 ? 0 : Math.max(0, (now - since) / 1000), lastFailure, journal.bytes(),
                journalFailure);
    }

    /** Writes the batch, isolating any event the database refuses; returns how many were written. */
    private int writeIsolating(List<Pending> batch) {
        Set<String> stored = sink.stored(batch.stream().map(p -> p.event.getId()).toList());
        List<Pending> missing = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (stored.contains(p.event.getId())) {
                resolve(p);
            } else {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        try {
            sink.write(missing.stream().map(p -> p.event).toList());
        } catch (RuntimeException refused) {
            // Is it the database or an event? If a trivial query fails too, it is the database: keep everything.
            sink.probe();
            if (missing.size() == 1) {
                setAside(missing.get(0), refused);
                return 0;
            }
            int half = missing.size() / 2;
            return writeIsolating(missing.subList(0, half)) + writeIsolating(missing.subList(half, missing.size()));
        }
        missing.forEach(this::resolve);
        return missing.size();
    }

    private void setAside(Pending p, RuntimeException reason) {
        String why = RateLimitedLog.describe(reason);
        try {
            deadLetters.add(p.event, why);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set an audit event aside in " + deadLetters.file(), e);
        }
        resolve(p);
        setAside.warn("The database refused an audit event; it is kept in " + deadLetters.file() + " (" + why
                + "); dead letters: " + deadLetters.count());
    }

    private void resolve(Pending p) {
        p.done = true;
        if (p.segment == REPLAYED_DEAD_LETTER) {
            try {
                deadLetters.replayed();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            journal.resolved(p.segment);
            room.release();
        }
    }

    private void failed(RuntimeException failure) {
        long now = clock.millis();
        if (failingSince == 0) {
            failingSince = now;
        }
        failures++;
        long pause = settings.firstRetry().toMillis() << Math.min(failures - 1, 20);
        nextAttempt = now + Math.min(pause, settings.longestRetry().toMillis());
        lastFailure = RateLimitedLog.describe(failure);
        writeFailures.warn("Audit events cannot be written to the database (" + lastFailure + "); " + backlog()
                + " are waiting, safe in the journal " + journal.directory() + "; retrying with back-off");
    }

    private void succeeded() {
        if (failingSince != 0) {
            LOG.info("Audit events are written to the database again after " + (clock.millis() - failingSince) / 1000
                    + " s of failures");
            writeFailures.reset();
        }
        failingSince = 0;
        failures = 0;
        nextAttempt = 0;
        lastFailure = null;
    }
}
