package org.smartcontainer.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A background app installed through the admin API for the length of a benchmark (removed on close), and the
 * helper tokens it gets honestly: a two-legged request signed by the app to
 * {@code /api/apps/{app}/tokens/records/{record}} (the access matrix lets background apps read the record of such a
 * token).
 */
final class BackgroundApp implements AutoCloseable {

    private final LoopbackApi api;
    final String id;
    /** Signs as the app alone (two-legged). */
    final OAuthSigner signer;

    private BackgroundApp(LoopbackApi api, String id, OAuthSigner signer) {
        this.api = api;
        this.id = id;
        this.signer = signer;
    }

    /** Installs a background app named {@code name} with a fresh id under {@code bench.localhost}. */
    static BackgroundApp install(LoopbackApi api, String idPrefix, String name) throws IOException {
        String id = idPrefix + "-" + System.currentTimeMillis() + "@bench.localhost";
        Map<String, String> app = LoopbackApi.jsonStrings(api.adminJson("POST", "/api/admin/apps", """
                {"id": "%s", "name": "%s", "description": "Benchmark background app", "mode": "background"}"""
                .formatted(id, name)));
        return new BackgroundApp(api, id, new OAuthSigner(app.get("consumer_key"), app.get("consumer_secret"), "", ""));
    }

    /** A signer holding the app's helper token for {@code record}. */
    OAuthSigner helperToken(String record) throws IOException {
        HttpResponse<String> answer = api.send(api.signed(signer, "GET", "/api/apps/" + OAuthSigner.percentEncode(id)
                + "/tokens/records/" + record), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Helper token for " + record + ": " + answer.statusCode() + " " + answer.body());
        }
        Map<String, String> token = LoopbackApi.form(answer.body());
        return signer.withToken(token.get("oauth_token"), token.get("oauth_token_secret"));
    }

    @Override
    public void close() throws IOException {
        api.adminJson("DELETE", "/api/admin/apps/" + OAuthSigner.percentEncode(id), null);
    }
}
