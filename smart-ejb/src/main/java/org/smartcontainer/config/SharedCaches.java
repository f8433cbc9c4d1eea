package org.smartcontainer.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * The container's caches in the server's JCache ({@code javax.cache}; Hazelcast on Payara Server, so shared by
 * every node of a cluster): string keys, long values, stored by value. Whichever node creates a cache first
 * wins; the others use it.
 */
public final class SharedCaches {

    private SharedCaches() {
    }

    /** The named cache whose entries stay until removed. */
    public static Cache<String, Long> get(CacheManager manager, String name) {
        return getOrCreate(manager, name, new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class).setStoreByValue(true));
    }

    /** The named cache whose entries expire {@code lifetime} after they were written. */
    public static Cache<String, Long> expiring(CacheManager manager, String name, Duration lifetime) {
        return getOrCreate(manager, name, new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class).setStoreByValue(true)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.SECONDS, Math.max(1, lifetime.toSeconds())))));
    }

    private static Cache<String, Long> getOrCreate(CacheManager manager, String name,
            MutableConfiguration<String, Long> config) {
        Cache<String, Long> existing = manager.getCache(name, String.class, Long.class);
        if (existing != null) {
            return existing;
        }
        try {
            return manager.createCache(name, config);
        } catch (CacheException createdMeanwhile) {
            return manager.getCache(name, String.class, Long.class);
        }
    }
}
