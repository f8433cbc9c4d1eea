package org.smartcontainer.apps;

/**
 * An OAuth consumer as the signature check needs it. This is the only type that carries a consumer
 * secret out of the registry; it is for verifying and signing, never for display or logs.
 *
 * @param key the consumer key (the app id)
 * @param secret the consumer secret in clear, as HMAC-SHA1 needs it
 * @param kind what kind of app this is
 * @param adminP whether a background app has the elevated {@code admin_p} flag
 * @param index the manifest's {@code index} URL, or null
 * @param oauthCallback the manifest's {@code oauth_callback}, or null
 */
public record Consumer(String key, String secret, AppKind kind, boolean adminP, String index, String oauthCallback) {

    @Override
    public String toString() {
        return "Consumer[" + key + ", " + kind + "]"; // never the secret
    }
}
