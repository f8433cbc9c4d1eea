package org.smartcontainer.ui.security;

import java.time.Duration;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.smartcontainer.config.SharedCaches;

/**
 * Ended sign-ins in a JCache cache, which on Payara Server is Hazelcast and so shared by every node of a
 * cluster. An entry has to outlive every other copy of its session: such a copy idles out after the session
 * timeout, and the first request that reaches it finds the entry and drops the caller from it.
 */
final class JCacheEndedSignIns implements EndedSignIns {

    /** Name of the cache. */
    static final String CACHE = "smart-portal-ended-sign-ins";

    private final Cache<String, Long> cache;

    JCacheEndedSignIns(CacheManager manager, Duration remembered) {
        this.cache = SharedCaches.expiring(manager, CACHE, remembered);
    }

    @Override
    public void end(String signInId) {
        cache.put(signInId, System.currentTimeMillis());
    }

    @Override
    public boolean hasEnded(String signInId) {
        return cache.containsKey(signInId);
    }
}
