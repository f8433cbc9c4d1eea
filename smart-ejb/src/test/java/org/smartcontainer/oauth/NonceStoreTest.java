package org.smartcontainer.oauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;

/** Both nonce stores: a nonce is accepted once per (consumer, token, timestamp), and forgotten after expiry. */
class NonceStoreTest {

    @Test
    void jcacheStoreRefusesASecondUseAcrossStoresSharingTheCache() {
        CacheManager manager = Caching.getCachingProvider().getCacheManager();
        NonceStore one = new JCacheNonceStore(manager, Duration.ofSeconds(601));
        NonceStore two = new JCacheNonceStore(manager, Duration.ofSeconds(601)); // a second instance, same cluster cache
        Instant later = Instant.now().plusSeconds(600);
        String nonce = "n-" + System.nanoTime();
        assertTrue(one.firstUse("app", "", 1000, nonce, later));
        assertFalse(two.firstUse("app", "", 1000, nonce, later));
        assertTrue(two.firstUse("app", "token", 1000, nonce, later));
        assertTrue(two.firstUse("other-app", "", 1000, nonce, later));
    }

    @Test
    void memoryStoreForgetsExpiredNonces() {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
        InMemoryNonceStore store = new InMemoryNonceStore(clock);
        assertTrue(store.firstUse("app", "", 1000, "n", clock.instant().plusSeconds(600)));
        assertFalse(store.firstUse("app", "", 1000, "n", clock.instant().plusSeconds(600)));
        clock.advance(Duration.ofSeconds(601));
        store.purgeExpired(clock.instant());
        assertTrue(store.size() == 0);
        assertTrue(store.firstUse("app", "", 1000, "n", clock.instant().plusSeconds(600)));
    }

    @Test
    void keyPartsCannotBeConfusedWithEachOther() {
        assertFalse(NonceStore.key("a&b", "", 1, "c").equals(NonceStore.key("a", "b", 1, "c")));
    }
}
