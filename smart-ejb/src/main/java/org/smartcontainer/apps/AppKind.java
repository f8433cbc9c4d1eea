package org.smartcontainer.apps;

/** What kind of OAuth consumer an app is; the consumer key alone determines it. */
public enum AppKind {
    /** A SMART app with a UI ({@code mode: ui}). */
    ui,
    /** A UI app that may lay out other apps and search records ({@code mode: frame_ui}). */
    frame_ui,
    /** A server-to-server app without UI ({@code mode: background}, also {@code helper}). */
    background,
    /** The portal acting for its signed-in users (the reference's UI server). */
    chrome,
    /** Administration tooling. */
    admin;

    /** Whether the app has a UI (a "PHA" in the reference): {@code ui} or {@code frame_ui}. */
    public boolean isUiApp() {
        return this == ui || this == frame_ui;
    }

    /** Whether this is trusted server software configured at install time rather than from a manifest. */
    public boolean isMachineApp() {
        return this == chrome || this == admin;
    }
}
