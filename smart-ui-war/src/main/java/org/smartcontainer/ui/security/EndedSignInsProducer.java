package org.smartcontainer.ui.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import javax.cache.CacheManager;

/**
 * Where ended sign-ins are remembered: the server's JCache (Hazelcast on Payara Server, shared by a cluster)
 * when it offers a {@link CacheManager} bean, else this server's memory. They are remembered for twice the
 * session timeout, at least an hour: longer than any other copy of a signed-out session can live.
 */
@ApplicationScoped
public class EndedSignInsProducer {

    private static final Logger LOG = Logger.getLogger(EndedSignInsProducer.class.getName());

    @Inject
    Instance<CacheManager> cacheManagers;

    @Inject
    ServletContext servletContext;

    @Produces
    @ApplicationScoped
    public EndedSignIns endedSignIns() {
        Duration remembered = Duration.ofMinutes(Math.max(60, 2L * servletContext.getSessionTimeout()));
        try {
            if (!cacheManagers.isResolvable()) {
                throw new IllegalStateException("the server offers no CacheManager bean");
            }
            return new JCacheEndedSignIns(cacheManagers.get(), remembered);
        } catch (RuntimeException | LinkageError noJCache) {
            LOG.warning(() -> "No JCache provider (" + noJCache + "): portal sign-outs are remembered by this"
                    + " server only; in a cluster a copy of a signed-out session on another node could still sign in");
            return new InMemoryEndedSignIns(remembered, Clock.systemUTC());
        }
    }
}
