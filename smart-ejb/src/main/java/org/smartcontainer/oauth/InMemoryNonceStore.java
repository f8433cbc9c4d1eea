package org.smartcontainer.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Nonces in this JVM only: for unit tests and a single server without JCache. */
public final class InMemoryNonceStore implements NonceStore {

    private final ConcurrentMap<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A store on the system clock. */
    public InMemoryNonceStore() {
        this(Clock.systemUTC());
    }

    /** A store whose entries expire by this clock (the verifier's). */
    public InMemoryNonceStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String consumerKey, String token, long timestamp, String nonce, Instant expiresAt) {
        String key = NonceStore.key(consumerKey, token, timestamp, nonce);
        Instant now = clock.instant();
        boolean[] first = {false};
        seen.compute(key, (k, previous) -> {
            if (previous == null || previous.isBefore(now)) {
                first[0] = true;
                return expiresAt;
            }
            return previous;
        });
        return first[0];
    }

    @Override
    public void purgeExpired(Instant now) {
        seen.values().removeIf(expiry -> expiry.isBefore(now));
    }

    /** How many nonces are remembered. */
    public int size() {
        return seen.size();
    }
}
