package org.smartcontainer.oauth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.smartcontainer.apps.Consumer;

/**
 * Consumers and access tokens as every signed API request needs them, kept in memory so that a request
 * does not read the database, decrypt a secret and parse a manifest each time.
 *
 * <p>Revocation stays immediate, also across a cluster: every entry carries the {@link CredentialGeneration}
 * it was read under, and an entry of an older generation is read again. Anything that takes rights away
 * (an app removed, disabled for an account, changed or re-keyed; a consent revoked) moves the generation
 * on once its transaction has committed, on every server of the cluster at once (the generation lives in the
 * cluster's shared JCache). The generation is read <em>before</em> the database, so an entry read while a
 * revocation commits carries the old generation and is never used after it. Entries also expire after
 * {@code maxAge} whatever happens, which bounds what a change made behind the container's back (SQL on the
 * database) can leave in memory.
 *
 * <p>Only what exists is kept (an unknown token costs a lookup every time, so guessing cannot fill memory);
 * at most {@value #MAX_ENTRIES} entries of each kind, after which the map starts again empty.
 */
public final class CredentialCache {

    static final int MAX_ENTRIES = 20_000;

    private final CredentialGeneration generation;
    private final LongSupplier nanoClock;
    private final long maxAgeNanos;
    private final Map<String, Entry<Consumer>> consumers = new ConcurrentHashMap<>();
    private final Map<String, Entry<AccessToken>> tokens = new ConcurrentHashMap<>();

    private record Entry<T>(T value, long generation, long readAtNanos) {
    }

    /**
     * @param maxAge how long an entry may be used at most; zero or negative turns caching off
     */
    public CredentialCache(CredentialGeneration generation, Duration maxAge, LongSupplier nanoClock) {
        this.generation = generation;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The consumer with this key, from memory if nothing was revoked since it was read. */
    public Optional<Consumer> consumer(String key, Function<String, Optional<Consumer>> registry) {
        return lookup(consumers, key, registry);
    }

    /** The access token, from memory if nothing was revoked since it was read (expiry is checked by the caller). */
    public Optional<AccessToken> accessToken(String token, Function<String, Optional<AccessToken>> repository) {
        return lookup(tokens, token, repository);
    }

    /** Something was taken away: every entry read before now is read again (on every server of a cluster). */
    public void revoked() {
        generation.advance();
    }

    private <T> Optional<T> lookup(Map<String, Entry<T>> entries, String key, Function<String, Optional<T>> source) {
        if (key == null || maxAgeNanos <= 0) {
            return source.apply(key);
        }
        long current = generation.current();
        long now = nanoClock.getAsLong();
        Entry<T> entry = entries.get(key);
        if (entry != null && entry.generation() == current && now - entry.readAtNanos() < maxAgeNanos) {
            return Optional.of(entry.value());
        }
        Optional<T> value = source.apply(key);
        if (value.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value.get(), current, now));
        } else {
            entries.remove(key);
        }
        return value;
    }
}
