package org.smartcontainer.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Audit events on their way to the database: requests put events into a bounded queue and go on; a flush
 * (every few milliseconds, on demand before the trail is read, and at shutdown) writes them in batches.
 *
 * <p>Nothing is dropped. A batch that cannot be written stays at the head and is written again by the next
 * flush; meanwhile new events queue up. When the queue is full, a request waits up to the configured time for
 * room and then fails with {@link AuditUnavailableException}: with the database down, data requests stop
 * being answered once the queue is full rather than going unaudited. Plain Java, thread-safe.
 */
public final class AuditBuffer {

    /** Where batches go: one transaction per call, all events or none. */
    @FunctionalInterface
    public interface Sink {
        void write(List<AuditEvent> batch);
    }

    private final BlockingQueue<AuditEvent> queue;
    private final Duration wait;
    private final int batchSize;
    private final Sink sink;
    private final ReentrantLock flushing = new ReentrantLock();
    /** Taken from the queue but not yet written (guarded by {@link #flushing}). */
    private final List<AuditEvent> pending = new ArrayList<>();

    /**
     * @param capacity events the queue holds
     * @param wait how long a request waits for room in a full queue
     * @param batchSize events per database transaction
     */
    public AuditBuffer(int capacity, Duration wait, int batchSize, Sink sink) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batch size must be positive");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.wait = wait;
        this.batchSize = batchSize;
        this.sink = sink;
    }

    /** Queues an event, waiting for room if the queue is full; fails if there is still none after the wait. */
    public void add(AuditEvent event) {
        try {
            if (!queue.offer(event, wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AuditUnavailableException("The audit queue is full (" + queue.size()
                        + " events not yet written): the audit store does not keep up or is down");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("Interrupted while waiting for room in the audit queue");
        }
    }

    /**
     * Writes everything queued so far, in batches; returns how many events were written. If a batch fails,
     * it and the rest stay for the next flush and the failure is thrown. Concurrent flushes take turns.
     */
    public int flush() {
        flushing.lock();
        try {
            queue.drainTo(pending);
            int written = 0;
            while (!pending.isEmpty()) {
                List<AuditEvent> batch = pending.subList(0, Math.min(batchSize, pending.size()));
                sink.write(List.copyOf(batch));
                written += batch.size();
                batch.clear();
                if (pending.isEmpty()) {
                    queue.drainTo(pending);
                }
            }
            return written;
        } finally {
            flushing.unlock();
        }
    }

    /** Events queued or held for a retry, not yet written. */
    public int backlog() {
        flushing.lock();
        try {
            return queue.size() + pending.size();
        } finally {
            flushing.unlock();
        }
    }
}
