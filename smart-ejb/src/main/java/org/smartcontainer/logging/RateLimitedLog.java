package org.smartcontainer.logging;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A warning that repeats (the database is down, events are refused) logged at most once per interval, with the
 * count of the occurrences it stands for, and never with a stack trace: a failing retry loop, or every request
 * during a database outage, must not flood the server log.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final long intervalMillis;
    private final Clock clock;
    private long lastLogged = Long.MIN_VALUE;
    private long suppressed;

    public RateLimitedLog(Logger log, Duration interval, Clock clock) {
        this.log = log;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
    }

    /** Logs the message now, or counts it for the next line if one was logged within the interval. */
    public synchronized void warn(String message) {
        long now = clock.millis();
        if (lastLogged != Long.MIN_VALUE && now - lastLogged < intervalMillis) {
            suppressed++;
            return;
        }
        String line = suppressed == 0 ? message
                : message + " (and " + suppressed + " more times in the last " + (now - lastLogged) / 1000 + " s)";
        log.log(Level.WARNING, line);
        lastLogged = now;
        suppressed = 0;
    }

    /** Forgets the interval, so that the next warning, of a new episode, is logged at once. */
    public synchronized void reset() {
        lastLogged = Long.MIN_VALUE;
        suppressed = 0;
    }

    /** A failure in one short line: its class and the message of its innermost cause, cut. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = failure.getClass().getSimpleName()
                + (root != failure ? " caused by " + root.getClass().getSimpleName() : "")
                + (root.getMessage() == null ? "" : ": " + root.getMessage().replaceAll("\\s+", " "));
        return what.length() > 300 ? what.substring(0, 300) + "…" : what;
    }
}
