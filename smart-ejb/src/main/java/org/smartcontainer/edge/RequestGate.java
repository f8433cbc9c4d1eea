package org.smartcontainer.edge;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The door every request of the application passes ({@link InputEdgeFilter}): open while the application runs;
 * closed once it begins to stop ({@link RequestDrain}), after which new requests are refused and the stop waits
 * for the requests already admitted. A request counts as admitted before it looks at the door, so the stop
 * either sees it in flight or the request sees the door closed: none slips through after the drain.
 */
public final class RequestGate {

    /** The message a refused request gets. */
    public static final String STOPPING = "The container is stopping; nothing was changed. Try again in a moment.";

    /** Seconds a refused client should wait: about the time a restart of the server takes. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private static final long POLL_MILLIS = 10;

    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * Admits a request unless the gate is closed; every {@code true} must be followed by one {@link #leave()}
     * when the request is answered.
     */
    public boolean enter() {
        inFlight.incrementAndGet();
        if (closed.get()) {
            leave();
            return false;
        }
        return true;
    }

    /** A request admitted by {@link #enter()} is answered. */
    public void leave() {
        inFlight.decrementAndGet();
    }

    /** Refuses every request from now on; returns how many are in flight. */
    public int close() {
        closed.set(true);
        return inFlight.get();
    }

    /** Whether the gate refuses requests. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Requests admitted and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Waits until no admitted request is in flight, or {@code limit} passes; returns how many still are.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public int awaitDrained(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int left = inFlight.get();
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            left = inFlight.get();
        }
        return left;
    }
}
