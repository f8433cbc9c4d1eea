package org.smartcontainer.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import javax.cache.CacheManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.apps.AppEvents.AppChanged;
import org.smartcontainer.apps.AppEvents.AppDisabledForAccount;
import org.smartcontainer.apps.AppEvents.AppRemoved;
import org.smartcontainer.apps.AppEvents.SecretRotated;

/**
 * The container's {@link CredentialCache}, and what moves its generation on: each event that takes rights away,
 * once its transaction has committed (before the commit another request could read the old rows again under
 * the new generation). The generation lives in the server's JCache (Hazelcast on Payara, shared by a cluster),
 * else in memory with a warning, as the nonce store does.
 */
@ApplicationScoped
public class CredentialCaches {

    /** Longest use of a cached consumer or token, seconds; 0 turns the cache off. */
    public static final String MAX_AGE = "smart.oauth.credential-cache-seconds";

    private static final Logger LOG = Logger.getLogger(CredentialCaches.class.getName());

    @Inject
    @ConfigProperty(name = MAX_AGE, defaultValue = "300")
    long maxAgeSeconds;

    @Inject
    Instance<CacheManager> cacheManagers;

    private CredentialCache cache;

    /** The container's credential cache. */
    @Produces
    public synchronized CredentialCache credentialCache() {
        if (cache == null) {
            cache = new CredentialCache(generation(), Duration.ofSeconds(maxAgeSeconds), System::nanoTime);
        }
        return cache;
    }

    private CredentialGeneration generation() {
        try {
            if (!cacheManagers.isResolvable()) {
                throw new IllegalStateException("the server offers no CacheManager bean");
            }
            return CredentialGeneration.jcache(cacheManagers.get());
        } catch (RuntimeException | LinkageError noJCache) {
            LOG.warning(() -> "No JCache provider (" + noJCache + "): revocations reach the credential cache of this"
                    + " server only, which is not safe in a cluster");
            return CredentialGeneration.inMemory();
        }
    }

    void appRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) AppRemoved event) {
        credentialCache().revoked();
    }

    void appDisabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) AppDisabledForAccount event) {
        credentialCache().revoked();
    }

    void appChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AppChanged event) {
        credentialCache().revoked();
    }

    void secretRotated(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecretRotated event) {
        credentialCache().revoked();
    }

    void consentRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsentRevoked event) {
        credentialCache().revoked();
    }
}
