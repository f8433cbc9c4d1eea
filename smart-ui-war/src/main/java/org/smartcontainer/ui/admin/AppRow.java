package org.smartcontainer.ui.admin;

import java.io.Serializable;
import org.smartcontainer.apps.App;

/** An app as the apps page shows it (never its secret). */
public final class AppRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final String kind;
    private final boolean machine;
    private final boolean uiApp;
    private final boolean enabledByDefault;
    private final String secretChangedAt;

    AppRow(App app) {
        this.id = app.getId();
        this.name = app.getName();
        this.kind = app.getKind().name();
        this.machine = app.getKind().isMachineApp();
        this.uiApp = app.getKind().isUiApp();
        this.enabledByDefault = app.isEnabledByDefault();
        this.secretChangedAt = AccountRow.TIME.format(app.getSecretChangedAt());
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    /** The portal's own consumer or admin tooling: configured with the server, not managed here. */
    public boolean isMachine() {
        return machine;
    }

    public boolean isUiApp() {
        return uiApp;
    }

    public boolean isEnabledByDefault() {
        return enabledByDefault;
    }

    public String getSecretChangedAt() {
        return secretChangedAt;
    }
}
