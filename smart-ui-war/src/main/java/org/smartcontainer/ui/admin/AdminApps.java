package org.smartcontainer.ui.admin;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.apps.InstallOptions;
import org.smartcontainer.apps.InstalledApp;
import org.smartcontainer.apps.InvalidManifestException;
import org.smartcontainer.apps.UnknownAppException;
import org.smartcontainer.apps.WeakSecretException;

/**
 * admin/apps.xhtml: install apps from an uploaded manifest or a manifest URL, choose whether they are enabled
 * by default, rotate a consumer secret (shown once), remove an app. The rules are {@link AppRegistry}'s,
 * shared with the admin REST API.
 */
@Named
@ViewScoped
public class AdminApps implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AppRegistry registry;

    @Inject
    private AdminActions actions;

    @Inject
    private RevealedSecret revealed;

    private transient Part manifestFile;
    private String manifestUrl;
    private boolean enabledByDefault = true;
    private String pendingRemoval;

    private transient List<AppRow> rows;

    /** Every app and machine consumer, by name. */
    public List<AppRow> getApps() {
        if (rows == null) {
            rows = registry.list().stream().map(AppRow::new).toList();
        }
        return rows;
    }

    public void installFromFile() {
        if (manifestFile == null || manifestFile.getSize() == 0) {
            actions.error("Choose a manifest file (JSON).");
            return;
        }
        if (manifestFile.getSize() > ManifestDownload.MAX_BYTES) {
            actions.error("The file is too large for a manifest (at most " + ManifestDownload.MAX_BYTES / 1024 + " KB).");
            return;
        }
        try (InputStream in = manifestFile.getInputStream()) {
            install(new String(in.readAllBytes(), StandardCharsets.UTF_8), manifestFile.getSubmittedFileName());
        } catch (IOException e) {
            actions.error("The file could not be read: " + e.getMessage());
        }
    }

    public void installFromUrl() {
        try {
            install(new ManifestDownload().fetch(manifestUrl), manifestUrl);
            manifestUrl = null;
        } catch (ManifestDownload.DownloadException e) {
            actions.error(e.getMessage() + ".");
        }
    }

    private void install(String manifest, String source) {
        try {
            InstalledApp installed = registry.install(manifest, new InstallOptions(null, enabledByDefault, null, null));
            revealed.reveal(installed.app().getId(), installed.secret());
            actions.audit("install_app", null, installed.app().getId(), 201);
            actions.info("App " + installed.app().getName() + " (" + installed.app().getId() + ") installed from " + source + ".");
        } catch (InvalidManifestException e) {
            actions.error("The manifest from " + source + " was refused: " + String.join("; ", e.problems()) + ".");
        } catch (WeakSecretException e) {
            actions.error(e.getMessage());
        } catch (EJBException e) {
            if (!(e.getCause() instanceof IllegalStateException exists)) {
                throw e;
            }
            actions.error(exists.getMessage() + ". Remove it first to install it again.");
        }
        rows = null;
    }

    public void toggleEnabledByDefault(String appId) {
        try {
            boolean now = !registry.find(appId).orElseThrow(() -> new UnknownAppException(appId)).isEnabledByDefault();
            registry.setEnabledByDefault(appId, now);
            actions.audit(now ? "enable_app_by_default" : "disable_app_by_default", null, appId, 200);
            actions.info(appId + (now ? " is now enabled by default." : " is no longer enabled by default."));
        } catch (UnknownAppException e) {
            actions.error(e.getMessage() + ".");
        }
        rows = null;
    }

    public void rotateSecret(String appId) {
        try {
            if (registry.find(appId).map(a -> a.getKind().isMachineApp()).orElse(false)) {
                actions.error("The secrets of the portal and of admin tooling are not rotated here.");
                return;
            }
            String secret = registry.rotateSecret(appId, null);
            revealed.reveal(appId, secret);
            actions.audit("rotate_app_secret", null, appId, 200);
            actions.info("New consumer secret for " + appId + ". The old one no longer works.");
        } catch (UnknownAppException e) {
            actions.error(e.getMessage() + ".");
        } catch (WeakSecretException e) {
            actions.error(e.getMessage());
        }
        rows = null;
    }

    /** First step of removing: asks for confirmation. */
    public void askRemoval(String appId) {
        pendingRemoval = appId;
    }

    public void cancelRemoval() {
        pendingRemoval = null;
    }

    public void remove() {
        String appId = pendingRemoval;
        pendingRemoval = null;
        if (appId == null) {
            return;
        }
        if (registry.find(appId).map(a -> a.getKind().isMachineApp()).orElse(false)) {
            actions.error("The portal's own consumer and admin tooling are not removed here.");
            return;
        }
        if (registry.remove(appId)) {
            actions.audit("remove_app", null, appId, 204);
            actions.info("App " + appId + " removed, with its consents and tokens.");
        } else {
            actions.error("No app with the id " + appId + ".");
        }
        rows = null;
    }

    public Part getManifestFile() {
        return manifestFile;
    }

    public void setManifestFile(Part manifestFile) {
        this.manifestFile = manifestFile;
    }

    public String getManifestUrl() {
        return manifestUrl;
    }

    public void setManifestUrl(String manifestUrl) {
        this.manifestUrl = manifestUrl;
    }

    public boolean isEnabledByDefault() {
        return enabledByDefault;
    }

    public void setEnabledByDefault(boolean enabledByDefault) {
        this.enabledByDefault = enabledByDefault;
    }

    public String getPendingRemoval() {
        return pendingRemoval;
    }
}
