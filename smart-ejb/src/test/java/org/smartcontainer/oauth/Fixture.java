package org.smartcontainer.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.smartcontainer.apps.AppKind;
import org.smartcontainer.apps.Consumer;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;

/**
 * A provider with a few registered consumers, three records and a clock that tests move: the OAuth
 * logic exactly as the server runs it, with the database replaced by memory.
 */
final class Fixture {

    static final String API = "http://localhost:8080/api";
    static final Instant START = Instant.parse("2025-06-01T10:00:00Z");

    static final Consumer MED_LIST = new Consumer("med-list@apps.smartplatforms.org", "medListSecret0123456789abcdefABCD",
            AppKind.ui, false, "http://apps.example.org/med-list/index.html",
            "http://apps.example.org/med-list/after_auth?src=smart");
    static final Consumer REST_APP = new Consumer("rest@apps.example.org", "restSecret0123456789abcdefABCDEFG",
            AppKind.ui, false, "http://apps.example.org/rest/index.html", "http://apps.example.org/rest/authorize");
    static final Consumer NO_CALLBACK = new Consumer("nocb@apps.example.org", "noCallbackSecret0123456789abcdef",
            AppKind.ui, false, "http://apps.example.org/nocb/index.html", null);
    static final Consumer BACKGROUND = new Consumer("alerts@apps.example.org", "backgroundSecret0123456789abcdef",
            AppKind.background, false, null, null);
    static final Consumer OTHER_BACKGROUND = new Consumer("other-bg@apps.example.org", "otherBackgroundSecret0123456789ab",
            AppKind.background, false, null, null);
    static final Consumer CHROME = new Consumer("chrome@container", "chromeSecret0123456789abcdefABCDE", AppKind.chrome,
            false, null, null);
    static final Consumer ADMIN = new Consumer("admin@container", "adminSecret0123456789abcdefABCDEF", AppKind.admin,
            false, null, null);

    final MutableClock clock = new MutableClock(START);
    final InMemoryTokens tokens = new InMemoryTokens();
    final InMemoryNonceStore nonces = new InMemoryNonceStore(clock);
    final Map<String, Consumer> consumers = new HashMap<>();
    final TreeSet<String> records = new TreeSet<>(List.of("1288992", "2169591", "99912345"));
    final OAuthDance dance;

    Fixture() {
        for (Consumer c : List.of(MED_LIST, REST_APP, NO_CALLBACK, BACKGROUND, OTHER_BACKGROUND, CHROME, ADMIN)) {
            consumers.put(c.key(), c);
        }
        RecordDirectory directory = new RecordDirectory() {
            @Override
            public boolean exists(String recordId) {
                return records.contains(recordId);
            }

            @Override
            public Optional<String> firstRecordAfter(String after) {
                return Optional.ofNullable(after == null ? (records.isEmpty() ? null : records.first()) : records.higher(after));
            }
        };
        dance = new OAuthDance(key -> Optional.ofNullable(consumers.get(key)), tokens, directory,
                new OAuthVerifier(clock, Duration.ofSeconds(300), nonces), TokenLifetimes.defaults(), clock);
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    Signer signer(Consumer consumer) {
        return new Signer(consumer.key(), consumer.secret(), now());
    }

    /** Runs the whole three-legged flow for an app, account and record; returns the access-token response. */
    FormResponse threeLegged(Consumer app, String userId, String recordId) throws OAuthException {
        FormResponse rt = dance.requestToken(signer(app).extra("oauth_callback", "oob")
                .sign("POST", API + "/oauth/request_token", "smart_record_id=" + recordId));
        Approval approval = dance.approve(rt.get("oauth_token"), AccountPrincipal.of(userId), null);
        return dance.accessToken(signer(app).token(rt.get("oauth_token"), rt.get("oauth_token_secret"))
                .extra("oauth_verifier", approval.verifier()).sign("POST", API + "/oauth/access_token", null));
    }
}
