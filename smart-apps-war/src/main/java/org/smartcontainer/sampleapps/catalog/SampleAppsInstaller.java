package org.smartcontainer.sampleapps.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.apps.InstallOptions;
import org.smartcontainer.apps.InvalidManifestException;
import org.smartcontainer.apps.WeakSecretException;

/**
 * Registers the sample apps through the app registry on the first start, each with a generated consumer
 * secret (the server-side apps read theirs from the registry in-process). On later starts a manifest
 * whose URLs changed (another base URL) is updated in place, keeping the secret and every consent; an
 * app an administrator removed is installed again.
 */
@Singleton
@Startup
public class SampleAppsInstaller {

    private static final Logger LOG = Logger.getLogger(SampleAppsInstaller.class.getName());

    @EJB
    private AppRegistry registry;

    @Inject
    private AppsBaseUrl urls;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // one transaction per app: a failure stays local
    void registerSampleApps() {
        String base = urls.base();
        for (SampleApp app : SampleApps.all()) {
            JsonObject manifest = app.manifest(base);
            try {
                var installed = registry.find(app.id());
                if (installed.isEmpty()) {
                    registry.install(manifest.toString(), new InstallOptions(null, app.enabledByDefault(), null, null));
                    LOG.info(() -> "Registered the sample app " + app.id() + " at " + base);
                } else if (!sameUrls(installed.get(), manifest)) {
                    registry.update(app.id(), manifest.toString(), null, null);
                    LOG.info(() -> "Moved the sample app " + app.id() + " to " + base);
                }
            } catch (InvalidManifestException | WeakSecretException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not register the sample app " + app.id(), e);
            }
        }
    }

    private static boolean sameUrls(App installed, JsonObject manifest) {
        JsonObject current = installed.getManifestJson();
        return current != null && manifest.getString("index", "").equals(current.getString("index", ""))
                && manifest.getString("oauth_callback", "").equals(current.getString("oauth_callback", ""));
    }
}
