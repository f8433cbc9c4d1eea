package org.smartcontainer.ui.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ended sign-ins in this server's memory: enough for a single server, where signing out invalidates the one
 * copy of the session anyway. Used when the server offers no JCache.
 */
final class InMemoryEndedSignIns implements EndedSignIns {

    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    private final Duration remembered;
    private final Clock clock;

    InMemoryEndedSignIns(Duration remembered, Clock clock) {
        this.remembered = remembered;
        this.clock = clock;
    }

    @Override
    public void end(String signInId) {
        Instant now = clock.instant();
        ended.values().removeIf(at -> at.plus(remembered).isBefore(now));
        ended.put(signInId, now);
    }

    @Override
    public boolean hasEnded(String signInId) {
        Instant at = ended.get(signInId);
        return at != null && !at.plus(remembered).isBefore(clock.instant());
    }
}
