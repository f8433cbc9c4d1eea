package org.smartcontainer.apps;

/** Events the registry fires inside its transaction, so that tokens and consents follow the apps. */
public final class AppEvents {

    private AppEvents() {
    }

    /** The app was removed: everything granted to it goes too. */
    public record AppRemoved(String appId) {
    }

    /** An account disabled the app: the account's consents and tokens for it are revoked. */
    public record AppDisabledForAccount(String appId, String account) {
    }

    /** The app's manifest or rights changed (kind, callback, index, {@code admin_p}): cached consumers must be re-read. */
    public record AppChanged(String appId) {
    }

    /** The app's consumer secret changed: tokens issued under the old one stay, signatures need the new one. */
    public record SecretRotated(String appId) {
    }
}
