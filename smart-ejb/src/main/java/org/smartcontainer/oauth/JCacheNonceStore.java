package org.smartcontainer.oauth;

import java.time.Duration;
import java.time.Instant;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.smartcontainer.config.SharedCaches;

/**
 * Nonces in a JCache cache ({@code javax.cache}), which on Payara Server is Hazelcast and so shared by
 * every instance of a cluster. {@code putIfAbsent} makes the check atomic; entries expire by themselves
 * after the timestamp window.
 */
public final class JCacheNonceStore implements NonceStore {

    /** Name of the cache. */
    public static final String CACHE = "smart-oauth-nonces";

    private final Cache<String, Long> cache;

    /** Uses (or creates) the nonce cache of this cache manager; entries live for {@code retention}. */
    public JCacheNonceStore(CacheManager manager, Duration retention) {
        this.cache = SharedCaches.expiring(manager, CACHE, retention);
    }

    @Override
    public boolean firstUse(String consumerKey, String token, long timestamp, String nonce, Instant expiresAt) {
        return cache.putIfAbsent(NonceStore.key(consumerKey, token, timestamp, nonce), expiresAt.toEpochMilli());
    }

    @Override
    public void purgeExpired(Instant now) {
        // the cache's expiry policy forgets nonces on its own
    }
}
