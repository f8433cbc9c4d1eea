package org.smartcontainer.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.smartcontainer.apps.AppKind;
import org.smartcontainer.apps.Consumer;

/** The credential cache: what it keeps, and that every revocation is seen at once, also by a second server. */
class CredentialCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Map<String, Consumer> registry = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, Optional<Consumer>> source = key -> {
        reads.incrementAndGet();
        return Optional.ofNullable(registry.get(key));
    };

    private CredentialCache cache(CredentialGeneration generation, Duration maxAge) {
        return new CredentialCache(generation, maxAge, nanos::get);
    }

    private static Consumer consumer(String key, String secret) {
        return new Consumer(key, secret, AppKind.background, false, null, null);
    }

    @Test
    void aKnownConsumerIsReadOnceAndThenServedFromMemory() {
        registry.put("app", consumer("app", "s1"));
        CredentialCache cache = cache(CredentialGeneration.inMemory(), Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertEquals("s1", cache.consumer("app", source).orElseThrow().secret());
        }
        assertEquals(1, reads.get());
    }

    @Test
    void anUnknownKeyIsLookedUpEveryTimeSoGuessingFillsNoMemory() {
        CredentialCache cache = cache(CredentialGeneration.inMemory(), Duration.ofMinutes(5));
        assertTrue(cache.consumer("nobody", source).isEmpty());
        assertTrue(cache.consumer("nobody", source).isEmpty());
        assertEquals(2, reads.get());
        registry.put("nobody", consumer("nobody", "s"));
        assertTrue(cache.consumer("nobody", source).isPresent(), "installed later: found at once");
    }

    @Test
    void aRevocationMakesTheNextLookupReadAgain() {
        registry.put("app", consumer("app", "old"));
        CredentialCache cache = cache(CredentialGeneration.inMemory(), Duration.ofMinutes(5));
        cache.consumer("app", source);
        registry.put("app", consumer("app", "new"));
        cache.revoked();
        assertEquals("new", cache.consumer("app", source).orElseThrow().secret());
        registry.remove("app");
        cache.revoked();
        assertTrue(cache.consumer("app", source).isEmpty(), "a removed app is gone at once");
        assertTrue(cache.consumer("app", source).isEmpty());
    }

    @Test
    void anEntryReadWhileARevocationCommitsIsNotUsedAfterIt() {
        CredentialGeneration generation = CredentialGeneration.inMemory();
        CredentialCache cache = cache(generation, Duration.ofMinutes(5));
        registry.put("app", consumer("app", "old"));
        // The database still answers with the old row, and the revocation commits while the lookup runs.
        Function<String, Optional<Consumer>> racing = key -> {
            Optional<Consumer> before = source.apply(key);
            registry.remove(key);
            generation.advance();
            return before;
        };
        assertTrue(cache.consumer("app", racing).isPresent(), "that request saw the app before the commit");
        assertTrue(cache.consumer("app", source).isEmpty(), "the next one must not");
    }

    @Test
    void aRevocationOnOneServerReachesTheCacheOfAnotherThroughTheSharedJCache() {
        var manager = Caching.getCachingProvider().getCacheManager();
        CredentialCache one = cache(CredentialGeneration.jcache(manager), Duration.ofMinutes(5));
        CredentialCache two = cache(CredentialGeneration.jcache(manager), Duration.ofMinutes(5)); // same cluster cache
        registry.put("app", consumer("app", "old"));
        one.consumer("app", source);
        two.consumer("app", source);
        registry.put("app", consumer("app", "rotated"));
        one.revoked();
        assertEquals("rotated", two.consumer("app", source).orElseThrow().secret());
    }

    @Test
    void entriesAreReadAgainAfterTheirMaximumAgeEvenWithoutARevocation() {
        registry.put("app", consumer("app", "s1"));
        CredentialCache cache = cache(CredentialGeneration.inMemory(), Duration.ofSeconds(60));
        cache.consumer("app", source);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        cache.consumer("app", source);
        assertEquals(1, reads.get());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.consumer("app", source);
        assertEquals(2, reads.get());
    }

    @Test
    void aMaximumAgeOfZeroTurnsTheCacheOff() {
        registry.put("app", consumer("app", "s1"));
        CredentialCache cache = cache(CredentialGeneration.inMemory(), Duration.ZERO);
        cache.consumer("app", source);
        cache.consumer("app", source);
        assertEquals(2, reads.get());
    }

    @Test
    void theCacheKeepsAtMostItsBoundOfEntries() {
        CredentialCache cache = cache(CredentialGeneration.inMemory(), Duration.ofMinutes(5));
        for (int i = 0; i <= CredentialCache.MAX_ENTRIES; i++) {
            registry.put("app" + i, consumer("app" + i, "s"));
            cache.consumer("app" + i, source);
        }
        reads.set(0);
        cache.consumer("app" + CredentialCache.MAX_ENTRIES, source);
        assertEquals(0, reads.get(), "the newest entry survived the reset");
        cache.consumer("app0", source);
        assertEquals(1, reads.get(), "the map started again empty when full");
    }
}
