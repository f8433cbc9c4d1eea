package org.smartcontainer.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import javax.cache.CacheManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the nonce store: JCache (Hazelcast on Payara Server, shared by a cluster) when the server
 * offers a {@link CacheManager} bean, else memory of this instance with a warning (correct only for a
 * single server). The server's own cache manager, not {@code Caching.getCachingProvider()}: on Payara
 * the latter can pick Hazelcast's <em>client</em> provider, which waits forever for a cluster to connect to.
 */
@ApplicationScoped
public class NonceStores {

    private static final Logger LOG = Logger.getLogger(NonceStores.class.getName());

    @Inject
    @ConfigProperty(name = OAuthService.TIMESTAMP_WINDOW, defaultValue = "300")
    long windowSeconds;

    @Inject
    Instance<CacheManager> cacheManagers;

    /** The container's nonce store. */
    @Produces
    @ApplicationScoped
    public NonceStore nonceStore() {
        // Keep nonces for the whole window on both sides of "now": a timestamp up to the window in the
        // future stays acceptable for twice the window.
        Duration retention = Duration.ofSeconds(2 * windowSeconds + 1);
        try {
            if (!cacheManagers.isResolvable()) {
                throw new IllegalStateException("the server offers no CacheManager bean");
            }
            return new JCacheNonceStore(cacheManagers.get(), retention);
        } catch (RuntimeException | LinkageError noJCache) {
            LOG.warning(() -> "No JCache provider (" + noJCache + "): OAuth nonces are kept in memory of this"
                    + " server only, which is not safe in a cluster");
            return new InMemoryNonceStore();
        }
    }
}
