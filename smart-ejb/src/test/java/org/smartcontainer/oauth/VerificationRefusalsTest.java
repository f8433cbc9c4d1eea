package org.smartcontainer.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.smartcontainer.oauth.OAuthException.Reason;
import org.smartcontainer.oauth.OAuthPrincipal.AccessTokenPrincipal;

/** Every way a request can fail verification, each refused for the right reason. */
class VerificationRefusalsTest {

    private static final String DATA = Fixture.API + "/records/2169591/medications/";

    private final Fixture f = new Fixture();

    private static void refused(Reason reason, Executable call) {
        assertEquals(reason, assertThrows(OAuthException.class, call).reason());
    }

    private FormResponse accessToken() throws OAuthException {
        return f.threeLegged(Fixture.REST_APP, "jane@example.org", "2169591");
    }

    @Test
    void requestWithoutOAuthParametersIsAnonymous() throws OAuthException {
        assertEquals(OAuthPrincipal.Anonymous.INSTANCE, f.dance.resolve(OAuthRequest.of("GET", DATA, null)));
        assertEquals(OAuthPrincipal.Anonymous.INSTANCE, f.dance.resolve(OAuthRequest.of("GET", DATA, "Basic YWRtaW46eA==")));
    }

    @Test
    void unsignedRequestIsRefused() {
        refused(Reason.MISSING_PARAMETER, () -> f.dance.resolve(OAuthRequest.of("GET", DATA,
                "OAuth oauth_consumer_key=\"" + Fixture.REST_APP.key() + "\", oauth_signature_method=\"HMAC-SHA1\","
                        + " oauth_timestamp=\"" + f.now() + "\", oauth_nonce=\"n1\"")));
    }

    @Test
    void tamperedRequestFailsTheSignatureCheck() {
        OAuthRequest signed = f.signer(Fixture.REST_APP).sign("GET", DATA + "?limit=1", null);
        OAuthRequest tampered = OAuthRequest.of("GET", DATA + "?limit=1000", signed.authorization());
        refused(Reason.INVALID_SIGNATURE, () -> f.dance.resolve(tampered));
    }

    @Test
    void signatureWithTheWrongConsumerSecretIsRefused() {
        Signer wrong = new Signer(Fixture.REST_APP.key(), "notTheSecret0123456789abcdefABCDE", f.now());
        refused(Reason.INVALID_SIGNATURE, () -> f.dance.resolve(wrong.sign("POST", Fixture.API + "/oauth/request_token", null)));
    }

    @Test
    void signatureWithTheWrongTokenSecretIsRefused() throws OAuthException {
        FormResponse at = accessToken();
        refused(Reason.INVALID_SIGNATURE, () -> f.dance.resolve(f.signer(Fixture.REST_APP)
                .token(at.get("oauth_token"), "wrongTokenSecret").sign("GET", DATA, null)));
    }

    @Test
    void replayedNonceIsRefused() throws OAuthException {
        OAuthRequest request = f.signer(Fixture.REST_APP).sign("POST", Fixture.API + "/oauth/request_token", null);
        f.dance.resolve(request);
        refused(Reason.NONCE_REPLAYED, () -> f.dance.resolve(request));
    }

    @Test
    void sameNonceWithAnotherConsumerOrTimestampIsNoReplay() throws OAuthException {
        Signer a = f.signer(Fixture.REST_APP);
        a.nonce = "shared-nonce";
        Signer b = f.signer(Fixture.MED_LIST);
        b.nonce = "shared-nonce";
        f.dance.resolve(a.sign("POST", Fixture.API + "/oauth/request_token", null));
        f.dance.resolve(b.sign("POST", Fixture.API + "/oauth/request_token", null));
        a.timestamp++;
        f.dance.resolve(a.sign("POST", Fixture.API + "/oauth/request_token", null));
    }

    @Test
    void staleTimestampIsRefused() {
        Signer stale = f.signer(Fixture.REST_APP);
        stale.timestamp -= 301;
        refused(Reason.TIMESTAMP_OUT_OF_WINDOW, () -> f.dance.resolve(stale.sign("POST", Fixture.API + "/oauth/request_token", null)));
    }

    @Test
    void farFutureTimestampIsRefused() {
        Signer future = f.signer(Fixture.REST_APP);
        future.timestamp += 301;
        refused(Reason.TIMESTAMP_OUT_OF_WINDOW, () -> f.dance.resolve(future.sign("POST", Fixture.API + "/oauth/request_token", null)));
    }

    @Test
    void timestampJustInsideTheWindowIsAccepted() throws OAuthException {
        Signer edge = f.signer(Fixture.REST_APP);
        edge.timestamp += 300;
        f.dance.resolve(edge.sign("POST", Fixture.API + "/oauth/request_token", null));
    }

    @Test
    void expiredAccessTokenIsRefused() throws OAuthException {
        FormResponse at = accessToken();
        f.clock.advance(Duration.ofMinutes(61));
        refused(Reason.TOKEN_EXPIRED, () -> f.dance.resolve(f.signer(Fixture.REST_APP)
                .token(at.get("oauth_token"), at.get("oauth_token_secret")).sign("GET", DATA, null)));
    }

    @Test
    void accessTokenWorksUntilItExpires() throws OAuthException {
        FormResponse at = accessToken();
        f.clock.advance(Duration.ofMinutes(59));
        assertInstanceOf(AccessTokenPrincipal.class, f.dance.resolve(f.signer(Fixture.REST_APP)
                .token(at.get("oauth_token"), at.get("oauth_token_secret")).sign("GET", DATA, null)));
    }

    @Test
    void requestTokenUsedAsAccessTokenGetsNoDataAccess() throws OAuthException {
        FormResponse rt = f.dance.requestToken(f.signer(Fixture.REST_APP).extra("oauth_callback", "oob")
                .sign("POST", Fixture.API + "/oauth/request_token", "smart_record_id=2169591"));
        f.dance.approve(rt.get("oauth_token"), OAuthPrincipal.AccountPrincipal.of("jane@example.org"), null);
        OAuthPrincipal principal = f.dance.resolve(f.signer(Fixture.REST_APP)
                .token(rt.get("oauth_token"), rt.get("oauth_token_secret")).sign("GET", DATA, null));
        assertInstanceOf(OAuthPrincipal.RequestTokenPrincipal.class, principal);
        assertEquals(403, ((AccessDecision.Deny) AccessPolicy.decide(principal, CallCategory.RECORD_READ, "GET",
                CallTarget.record("2169591"))).status());
    }

    @Test
    void accessTokenCannotBeExchangedAgainAsIfItWereARequestToken() throws OAuthException {
        FormResponse at = accessToken();
        refused(Reason.WRONG_TOKEN_KIND, () -> f.dance.accessToken(f.signer(Fixture.REST_APP)
                .token(at.get("oauth_token"), at.get("oauth_token_secret")).extra("oauth_verifier", "x")
                .sign("POST", Fixture.API + "/oauth/access_token", null)));
    }

    @Test
    void plaintextSignatureIsRefusedOverHttpAndHttps() {
        for (String base : new String[] {"http://localhost:8080/api", "https://smart.example.org/api"}) {
            Signer plain = f.signer(Fixture.REST_APP);
            plain.signatureMethod = "PLAINTEXT";
            refused(Reason.UNSUPPORTED_SIGNATURE_METHOD, () -> f.dance.resolve(plain.sign("POST", base + "/oauth/request_token", null)));
        }
    }

    @Test
    void rsaSha1IsRefused() {
        Signer rsa = f.signer(Fixture.REST_APP);
        rsa.signatureMethod = "RSA-SHA1";
        refused(Reason.UNSUPPORTED_SIGNATURE_METHOD, () -> f.dance.resolve(rsa.sign("POST", Fixture.API + "/oauth/request_token", null)));
    }

    @Test
    void versionOtherThan1_0IsRefused() {
        refused(Reason.UNSUPPORTED_VERSION, () -> f.dance.resolve(f.signer(Fixture.REST_APP).extra("oauth_version", "2.0")
                .sign("POST", Fixture.API + "/oauth/request_token", null)));
    }

    @Test
    void unknownConsumerIsRefused() {
        Signer stranger = new Signer("stranger@example.org", "strangerSecret0123456789abcdefAB", f.now());
        refused(Reason.UNKNOWN_CONSUMER, () -> f.dance.resolve(stranger.sign("GET", DATA, null)));
    }

    @Test
    void unknownTokenIsRefusedButAnEmptyTokenMeansTwoLegged() throws OAuthException {
        refused(Reason.UNKNOWN_TOKEN, () -> f.dance.resolve(f.signer(Fixture.REST_APP)
                .token("noSuchToken", "x").sign("GET", DATA, null)));
        assertInstanceOf(OAuthPrincipal.UiAppPrincipal.class, f.dance.resolve(f.signer(Fixture.REST_APP)
                .token("", "").sign("POST", Fixture.API + "/oauth/request_token", null)));
    }

    @Test
    void anotherAppsAccessTokenIsUnknownToThisConsumer() throws OAuthException {
        FormResponse at = accessToken();
        refused(Reason.UNKNOWN_TOKEN, () -> f.dance.resolve(f.signer(Fixture.MED_LIST)
                .token(at.get("oauth_token"), at.get("oauth_token_secret")).sign("GET", DATA, null)));
    }

    @Test
    void duplicatedProtocolParameterWithoutHeaderIsRefused() {
        refused(Reason.DUPLICATE_PROTOCOL_PARAMETER, () -> f.dance.resolve(OAuthRequest.of("GET",
                DATA + "?oauth_consumer_key=a&oauth_consumer_key=b", null)));
    }

    @Test
    void malformedHeaderIsRefused() {
        refused(Reason.MALFORMED_REQUEST, () -> f.dance.resolve(OAuthRequest.of("GET", DATA,
                "OAuth oauth_consumer_key=\"a\" oauth_nonce=\"%zz\"")));
    }

    @Test
    void bodyHashMustMatchANonFormBodyWhenSent() throws OAuthException {
        FormResponse at = accessToken();
        byte[] body = "<rdf:RDF/>".getBytes(StandardCharsets.UTF_8);
        OAuthRequest signed = f.signer(Fixture.REST_APP).token(at.get("oauth_token"), at.get("oauth_token_secret"))
                .extra("oauth_body_hash", "2jmj7l5rSw0yVb/vlWAYkK/YBwk=") // SHA-1 of the empty body
                .sign("POST", DATA, null);
        OAuthRequest withBody = new OAuthRequest("POST", signed.publicUrl(), signed.authorization(), "application/rdf+xml", body);
        refused(Reason.BODY_HASH_MISMATCH, () -> f.dance.resolve(withBody));
    }

    @Test
    void formParametersEnterTheSignatureSoChangingThemBreaksIt() {
        OAuthRequest signed = f.signer(Fixture.REST_APP).extra("oauth_callback", "oob")
                .sign("POST", Fixture.API + "/oauth/request_token", "smart_record_id=2169591");
        OAuthRequest changed = new OAuthRequest("POST", signed.publicUrl(), signed.authorization(), OAuthRequest.FORM,
                "smart_record_id=1288992".getBytes(StandardCharsets.UTF_8));
        refused(Reason.INVALID_SIGNATURE, () -> f.dance.requestToken(changed));
    }
}
