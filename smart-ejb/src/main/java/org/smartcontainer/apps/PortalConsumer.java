package org.smartcontainer.apps;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's own OAuth consumer (the reference's {@code chrome} machine app), registered with a
 * generated secret on the first start. The portal runs in the same EAR and reads the secret in-process
 * through {@link #consumer()} when it signs SMART Connect calls; the secret is never shown or logged.
 */
@Singleton
@Startup
public class PortalConsumer {

    /** The consumer key of the portal, {@value #KEY_PROPERTY} (default {@value #DEFAULT_KEY}). */
    public static final String KEY_PROPERTY = "smart.portal.consumer-key";

    /** The default consumer key of the portal; not an e-mail-like app id, so no manifest can take it. */
    public static final String DEFAULT_KEY = "smart-portal";

    private static final Logger LOG = Logger.getLogger(PortalConsumer.class.getName());

    @EJB
    private AppRegistry apps;

    @Inject
    @ConfigProperty(name = KEY_PROPERTY, defaultValue = DEFAULT_KEY)
    String key;

    @PostConstruct
    void registerOnFirstStart() {
        if (apps.find(key).isPresent()) {
            return;
        }
        try {
            apps.registerMachineApp(key, AppKind.chrome, null);
            LOG.info(() -> "Registered the portal's OAuth consumer '" + key + "' with a generated secret");
        } catch (WeakSecretException e) {
            throw new IllegalStateException("A generated secret was refused", e);
        }
    }

    /** The portal's consumer key. */
    public String key() {
        return key;
    }

    /** The portal's consumer, secret included, for signing requests to the API. */
    public Consumer consumer() {
        return apps.consumer(key).orElseThrow(() -> new IllegalStateException("The portal consumer " + key + " is gone"));
    }
}
