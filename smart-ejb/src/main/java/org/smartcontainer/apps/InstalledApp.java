package org.smartcontainer.apps;

/**
 * The result of installing an app or rotating its secret: the only moment the consumer secret is
 * shown. Give it to the app's operator and do not keep it.
 */
public record InstalledApp(App app, String secret) {

    @Override
    public String toString() {
        return "InstalledApp[" + app + "]"; // never the secret
    }
}
