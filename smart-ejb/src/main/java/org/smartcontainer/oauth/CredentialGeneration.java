package org.smartcontainer.oauth;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.smartcontainer.config.SharedCaches;

/**
 * A number that changes whenever OAuth credentials are taken away, so that {@link CredentialCache} entries read
 * before the change are read again. Only equality matters: a new value is random, not a successor.
 */
public interface CredentialGeneration {

    /** The generation now. */
    long current();

    /** Moves on to a new generation. */
    void advance();

    /** Memory of this server only: correct for a single server. */
    static CredentialGeneration inMemory() {
        AtomicLong value = new AtomicLong();
        return new CredentialGeneration() {
            @Override
            public long current() {
                return value.get();
            }

            @Override
            public void advance() {
                value.incrementAndGet();
            }
        };
    }

    /**
     * One entry of a JCache cache, which on Payara Server is Hazelcast and so the same for every server of a
     * cluster: a revocation on one server is seen by the next request on any other.
     */
    static CredentialGeneration jcache(CacheManager manager) {
        return new JCacheGeneration(manager);
    }

    /** The JCache-backed generation. */
    final class JCacheGeneration implements CredentialGeneration {

        /** Name of the cache. */
        public static final String CACHE = "smart-oauth-credential-generation";

        private static final String KEY = "generation";
        private static final SecureRandom RANDOM = new SecureRandom();

        private final Cache<String, Long> cache;

        JCacheGeneration(CacheManager manager) {
            this.cache = SharedCaches.get(manager, CACHE);
        }

        @Override
        public long current() {
            Long value = cache.get(KEY);
            if (value != null) {
                return value;
            }
            cache.putIfAbsent(KEY, RANDOM.nextLong());
            return cache.get(KEY);
        }

        @Override
        public void advance() {
            long next;
            Long now = cache.get(KEY);
            do {
                next = RANDOM.nextLong();
            } while (now != null && next == now);
            cache.put(KEY, next);
        }
    }
}
