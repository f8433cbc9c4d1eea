package org.smartcontainer.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

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
        Cache<String, Long> existing = manager.getCache(CACHE, String.class, Long.class);
        if (existing == null) {
            MutableConfiguration<String, Long> config = new MutableConfiguration<String, Long>()
                    .setTypes(String.class, Long.class)
                    .setStoreByValue(true)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, Math.max(1, retention.toSeconds()))));
            try {
                existing = manager.createCache(CACHE, config);
            } catch (javax.cache.CacheException createdMeanwhile) {
                existing = manager.getCache(CACHE, String.class, Long.class);
            }
        }
        this.cache = existing;
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
