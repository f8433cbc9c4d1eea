package org.smartcontainer.apps;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.smartcontainer.apps.AppEvents.AppChanged;
import org.smartcontainer.apps.AppEvents.AppDisabledForAccount;
import org.smartcontainer.apps.AppEvents.AppRemoved;
import org.smartcontainer.apps.AppEvents.SecretRotated;
import org.smartcontainer.persistence.DatabaseOutages;

/**
 * The app registry: installs apps from manifests, keeps their consumer secrets (encrypted), and records
 * which accounts have which app enabled. Secrets leave it only through {@link #consumer} (for signature
 * checks) and once, as the result of {@link #install} and {@link #rotateSecret}.
 */
@Stateless
@Interceptors(DatabaseOutages.class)
public class AppRegistry {

    @PersistenceContext(unitName = "smart")
    private EntityManager em;

    @Inject
    private SecretCipher cipher;

    @Inject
    private Event<Object> events;

    private final Clock clock = Clock.systemUTC();

    /**
     * Installs an app from its manifest. Nothing is stored if the manifest or the chosen secret is refused.
     *
     * @throws IllegalStateException if an app with this id exists (use {@link #update})
     */
    public InstalledApp install(String manifestJson, InstallOptions options) throws InvalidManifestException, WeakSecretException {
        AppManifest manifest = AppManifest.parse(manifestJson, options.overrideIndex(), options.overrideIcon());
        if (em.find(App.class, manifest.id()) != null) {
            throw new IllegalStateException("An app with the id " + manifest.id() + " is already installed");
        }
        String secret = chooseSecret(options.secret());
        Instant now = clock.instant();
        App app = new App(manifest.id(), manifest.kind(), manifest.name(), manifest.description(), manifest.json(),
                cipher.encrypt(secret, manifest.id()), now);
        app.setEnabledByDefault(options.enabledByDefault());
        em.persist(app);
        return new InstalledApp(app, secret);
    }

    /**
     * Replaces an app's manifest in place, keeping its secret, enablements and consents. The id must stay
     * the same, and a UI app cannot become a background app or the other way round.
     */
    public App update(String appId, String manifestJson, String overrideIndex, String overrideIcon) throws InvalidManifestException {
        App app = existing(appId);
        AppManifest manifest = AppManifest.parse(manifestJson, overrideIndex, overrideIcon);
        if (!manifest.id().equals(appId)) {
            throw new InvalidManifestException(List.of("id: must stay " + appId));
        }
        if (app.getKind().isMachineApp() || manifest.kind().isUiApp() != app.getKind().isUiApp()) {
            throw new InvalidManifestException(List.of("mode: cannot change from " + app.getKind() + " to "
                    + manifest.kind() + "; remove the app and install it again"));
        }
        app.updateFrom(manifest, clock.instant());
        events.fire(new AppChanged(appId));
        return app;
    }

    /** Registers a machine app (the portal as {@code chrome}, or {@code admin} tooling) with a generated or chosen secret. */
    public InstalledApp registerMachineApp(String consumerKey, AppKind kind, String chosenSecret) throws WeakSecretException {
        if (!kind.isMachineApp()) {
            throw new IllegalArgumentException(kind + " is not a machine app kind");
        }
        if (em.find(App.class, consumerKey) != null) {
            throw new IllegalStateException("A consumer with the key " + consumerKey + " exists");
        }
        String secret = chooseSecret(chosenSecret);
        App app = new App(consumerKey, kind, consumerKey, kind == AppKind.chrome ? "The portal" : "Administration tooling",
                null, cipher.encrypt(secret, consumerKey), clock.instant());
        em.persist(app);
        return new InstalledApp(app, secret);
    }

    /** The app, if installed. */
    public Optional<App> find(String appId) {
        return Optional.ofNullable(appId == null ? null : em.find(App.class, appId));
    }

    /** Every app, by name. */
    public List<App> list() {
        return em.createNamedQuery("App.all", App.class).getResultList();
    }

    /** Whether the account has this UI app enabled: its own choice, else the app's default. */
    public boolean isEnabled(String account, String appId) {
        App app = existing(appId);
        return enablement(account, appId).map(AppEnablement::isEnabled).orElse(app.isEnabledByDefault());
    }

    /** The UI apps the account has enabled, by name. */
    public List<App> enabledFor(String account) {
        List<AppEnablement> own = em.createNamedQuery("AppEnablement.ofAccount", AppEnablement.class)
                .setParameter("account", account).getResultList();
        Set<String> on = own.stream().filter(AppEnablement::isEnabled).map(AppEnablement::getAppId).collect(Collectors.toSet());
        Set<String> off = own.stream().filter(e -> !e.isEnabled()).map(AppEnablement::getAppId).collect(Collectors.toSet());
        return list().stream()
                .filter(a -> a.getKind().isUiApp())
                .filter(a -> on.contains(a.getId()) || (a.isEnabledByDefault() && !off.contains(a.getId())))
                .toList();
    }

    /** Enables a UI app for an account (idempotent). */
    public void enable(String account, String appId) {
        setEnabled(account, appId, true);
    }

    /** Disables an app for an account and revokes that account's consents and tokens for it. */
    public void disable(String account, String appId) {
        setEnabled(account, appId, false);
        events.fire(new AppDisabledForAccount(appId, account));
    }

    /** Whether accounts that made no choice have the app enabled. */
    public void setEnabledByDefault(String appId, boolean enabled) {
        existing(appId).setEnabledByDefault(enabled);
    }

    /** Grants or withdraws a background app's elevated {@code admin_p} rights (search). */
    public void setAdminP(String appId, boolean adminP) {
        App app = existing(appId);
        if (app.getKind() != AppKind.background) {
            throw new IllegalArgumentException("admin_p applies to background apps only");
        }
        app.setAdminP(adminP);
        events.fire(new AppChanged(appId));
    }

    /** Removes the app with its enablements, consents and tokens; false if there was no such app. */
    public boolean remove(String appId) {
        App app = em.find(App.class, appId);
        if (app == null) {
            return false;
        }
        em.createNamedQuery("AppEnablement.deleteForApp").setParameter("app", appId).executeUpdate();
        events.fire(new AppRemoved(appId));
        em.remove(app);
        return true;
    }

    /** Gives the app a new consumer secret, generated or chosen, and returns it: the only time it is shown. */
    public String rotateSecret(String appId, String chosenSecret) throws WeakSecretException {
        App app = existing(appId);
        String secret = chooseSecret(chosenSecret);
        app.replaceSecret(cipher.encrypt(secret, appId), clock.instant());
        events.fire(new SecretRotated(appId));
        return secret;
    }

    /** The consumer with this key, secret included, for verifying and signing OAuth requests only. */
    public Optional<Consumer> consumer(String consumerKey) {
        return find(consumerKey).map(app -> {
            String index = null;
            String callback = null;
            if (app.getManifest() != null) {
                var manifest = app.getManifestJson();
                index = manifest.getString("index", null);
                callback = manifest.getString("oauth_callback", null);
            }
            return new Consumer(app.getId(), cipher.decrypt(app.encryptedSecret(), app.getId()), app.getKind(),
                    app.isAdminP(), index, callback);
        });
    }

    private static String chooseSecret(String chosen) throws WeakSecretException {
        if (chosen == null) {
            return ConsumerSecrets.generate();
        }
        ConsumerSecrets.checkChosen(chosen);
        return chosen;
    }

    private void setEnabled(String account, String appId, boolean enabled) {
        App app = existing(appId);
        if (enabled && !app.getKind().isUiApp()) {
            throw new IllegalArgumentException("Only UI apps are enabled per account");
        }
        Instant now = clock.instant();
        enablement(account, appId).ifPresentOrElse(e -> e.setEnabled(enabled, now),
                () -> em.persist(new AppEnablement(appId, account, enabled, now)));
    }

    private Optional<AppEnablement> enablement(String account, String appId) {
        return em.createNamedQuery("AppEnablement.find", AppEnablement.class)
                .setParameter("app", appId).setParameter("account", account).getResultStream().findFirst();
    }

    private App existing(String appId) {
        return find(appId).orElseThrow(() -> new UnknownAppException(appId));
    }
}
