package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's authorization point, the OAuth endpoints and the admin API on the real server: a SMART app
 * (ScribeJava) runs the three-legged dance, background apps loop over records, and every kind of bad
 * request is refused with the right status and without patient data. The portal's in-process calls
 * (approve, launch, disable) are played by {@link PortalStandIn}.
 *
 * <p>Until the record-data handlers are wired, a record call that the authorization point admits answers
 * 404 from JAX-RS; the assertions are on 401/403 versus anything else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OAuthWiringIT {

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withTestClasses(OAuthWiringIT.class, PortalStandIn.class);
    }

    /** Distinguishes this run's apps and accounts from those of earlier runs on the same test domain. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String A = "rest-a-" + RUN + "@it.example.org";
    private static final String B = "rest-b-" + RUN + "@it.example.org";
    private static final String HELPER = "helper-" + RUN + "@it.example.org";
    private static final String ALICE = "alice-" + RUN;
    private static final String BOB = "bob-" + RUN;
    private static final String LOCKME = "lockme-" + RUN;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static Fixture fixture;

    /** Apps, accounts and records the tests share, set up once through the admin API. */
    record Fixture(String adminPassword, SmartClient appA, SmartClient appB, SmartClient helper, String recordA,
            String recordB) {
    }

    private static synchronized Fixture fixture() throws Exception {
        if (fixture == null) {
            String password = TestServer.initialAdminPassword();
            SmartClient a = install(password, uiManifest(A));
            SmartClient b = install(password, uiManifest(B));
            SmartClient helper = install(password, """
                    {"id": "%s", "name": "Helper", "description": "A background app", "mode": "background"}""".formatted(HELPER));
            for (String user : List.of(ALICE, BOB)) {
                admin(password, "POST", "/admin/accounts", "{\"username\": \"" + user
                        + "\", \"password\": \"correct horse battery staple\", \"roles\": [\"clinician\"]}");
            }
            JsonObject records = json(admin(password, "GET", "/admin/records", null).body());
            var list = records.getJsonArray("records").getValuesAs(JsonObject.class).stream()
                    .map(r -> r.getString("record_id")).sorted().toList();
            assertTrue(list.size() >= 2, "the first start seeded sample patients");
            fixture = new Fixture(password, a, b, helper, list.get(0), list.get(1));
        }
        return fixture;
    }

    private static String uiManifest(String id) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"description\": \"A REST app\", \"mode\": \"ui\","
                + " \"scope\": \"record\", \"index\": \"http://localhost/app/index.html\", \"icon\": \"http://localhost/app/icon.png\","
                + " \"oauth_callback\": \"http://localhost/app/after_auth\"}";
    }

    private static SmartClient install(String adminPassword, String manifest) throws Exception {
        HttpResponse<String> installed = admin(adminPassword, "POST", "/admin/apps", manifest);
        assertEquals(201, installed.statusCode(), installed.body());
        JsonObject app = json(installed.body());
        return new SmartClient(app.getString("consumer_key"), app.getString("consumer_secret"));
    }

    // ---------------------------------------------------------------- the three-legged dance

    @Test
    void threeLeggedDanceGivesAnAccessTokenThatActsOnItsRecordOnly() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken token = dance(f.appA(), f.recordA(), ALICE);
        assertFalse(refused(f.appA().call(Verb.GET, "/records/" + f.recordA() + "/demographics", token)),
                "the token's own record is admitted");
        HttpResponse<String> other = f.appA().call(Verb.GET, "/records/" + f.recordB() + "/demographics", token);
        assertEquals(403, other.statusCode());
        assertNoPatientData(other);
    }

    @Test
    void accessTokenResponseNamesTheRecordAndTheUserByUserName() throws Exception {
        Fixture f = fixture();
        OAuth1RequestToken requestToken = f.appA().requestToken(f.recordA());
        String verifier = approve(requestToken.getToken(), ALICE, null).get("verifier");
        OAuth1AccessToken token = f.appA().service().getAccessToken(requestToken, verifier);
        assertEquals(f.recordA(), token.getParameter("record_id"));
        assertEquals(ALICE, token.getParameter("user_id"));
    }

    @Test
    void requestTokenCannotBeUsedAsAnAccessToken() throws Exception {
        Fixture f = fixture();
        OAuth1RequestToken requestToken = f.appA().requestToken(f.recordA());
        approve(requestToken.getToken(), ALICE, null);
        HttpResponse<String> response = f.appA().call(Verb.GET, "/records/" + f.recordA() + "/demographics",
                new OAuth1AccessToken(requestToken.getToken(), requestToken.getTokenSecret()));
        assertEquals(403, response.statusCode());
        assertNoPatientData(response);
    }

    @Test
    void requestTokenIsExchangedOnlyOnce() throws Exception {
        Fixture f = fixture();
        OAuth1RequestToken requestToken = f.appA().requestToken(f.recordA());
        String verifier = approve(requestToken.getToken(), ALICE, null).get("verifier");
        f.appA().service().getAccessToken(requestToken, verifier);
        assertThrows(Exception.class, () -> f.appA().service().getAccessToken(requestToken, verifier),
                "the second exchange is answered 401");
    }

    // ---------------------------------------------------------------- two-legged calls and helper tokens

    @Test
    void uiAppSigningTwoLeggedGetsARequestTokenButNoRecordData() throws Exception {
        Fixture f = fixture();
        f.appA().requestToken(null);
        HttpResponse<String> data = f.appA().call(Verb.GET, "/records/" + f.recordA() + "/medications/", null);
        assertEquals(403, data.statusCode());
        assertNoPatientData(data);
    }

    @Test
    void backgroundAppLoopsOverRecordsWithOneTokenPerRecord() throws Exception {
        Fixture f = fixture();
        String app = "/apps/" + HELPER + "/tokens/records";
        HttpResponse<String> first = f.helper().call(Verb.POST, app + "/first", null);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/x-www-form-urlencoded"));
        Map<String, String> firstToken = SmartClient.form(first.body());
        assertEquals(f.recordA(), firstToken.get("smart_record_id"), "the smallest record id comes first");

        HttpResponse<String> next = f.helper().call(Verb.GET, app + "/" + f.recordA() + "/next", null);
        assertEquals(200, next.statusCode(), next.body());
        assertEquals(f.recordB(), SmartClient.form(next.body()).get("smart_record_id"));

        HttpResponse<String> one = f.helper().call(Verb.GET, app + "/" + f.recordB(), null);
        assertEquals(f.recordB(), SmartClient.form(one.body()).get("smart_record_id"));

        OAuth1AccessToken token = new OAuth1AccessToken(firstToken.get("oauth_token"), firstToken.get("oauth_token_secret"));
        assertFalse(refused(f.helper().call(Verb.GET, "/records/" + f.recordA() + "/medications/", token)));
        assertEquals(403, f.helper().call(Verb.GET, "/records/" + f.recordB() + "/medications/", token).statusCode());

        assertEquals(404, f.helper().call(Verb.GET, app + "/no-such-record", null).statusCode());
        assertEquals(404, f.helper().call(Verb.GET, app + "/zzzzzzzz/next", null).statusCode());
    }

    @Test
    void backgroundAppGetsNoTokensForAnotherApp() throws Exception {
        Fixture f = fixture();
        HttpResponse<String> response = f.helper().call(Verb.GET, "/apps/" + A + "/tokens/records/first", null);
        assertEquals(403, response.statusCode());
        assertFalse(response.body().contains("oauth_token"));
        assertEquals(403, f.appA().call(Verb.GET, "/apps/" + A + "/tokens/records/first", null).statusCode(),
                "a UI app is no background app");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void unsignedRecordCallIsRefusedWithAnOAuthChallenge() throws Exception {
        Fixture f = fixture();
        HttpResponse<String> response = TestServer.get(HTTP, "/api/records/" + f.recordA() + "/demographics");
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().allValues("WWW-Authenticate").contains("OAuth realm=\"" + SmartClient.API + "\""),
                response.headers().allValues("WWW-Authenticate").toString());
        assertNoPatientData(response);
    }

    @Test
    void badSignatureIsRefused() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken token = dance(f.appA(), f.recordA(), ALICE);
        OAuthRequest signed = f.appA().signed(Verb.GET, "/records/" + f.recordA() + "/demographics", token, f.appA().service());
        String header = signed.getHeaders().get("Authorization").replaceFirst("oauth_signature=\"[^\"]+\"",
                "oauth_signature=\"AAAAAAAAAAAAAAAAAAAAAAAAAAA%3D\"");
        HttpResponse<String> response = TestServer.get(HTTP, "/api/records/" + f.recordA() + "/demographics", "Authorization", header);
        assertEquals(401, response.statusCode());
        assertNoPatientData(response);
    }

    @Test
    void wrongConsumerSecretIsRefused() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken token = dance(f.appA(), f.recordA(), ALICE);
        SmartClient impostor = new SmartClient(A, "not-the-secret-of-rest-a-0123456789");
        HttpResponse<String> response = impostor.call(Verb.GET, "/records/" + f.recordA() + "/demographics", token);
        assertEquals(401, response.statusCode());
        assertNoPatientData(response);
    }

    @Test
    void tokenOfOneAppSignedByAnotherAppIsRefused() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken token = dance(f.appA(), f.recordA(), ALICE);
        assertEquals(401, f.appB().call(Verb.GET, "/records/" + f.recordA() + "/demographics", token).statusCode());
    }

    @Test
    void replayedNonceIsRefused() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken token = dance(f.appA(), f.recordA(), ALICE);
        OAuthRequest signed = f.appA().signed(Verb.GET, "/records/" + f.recordA() + "/demographics", token,
                f.appA().service(0, "replayed-nonce-" + System.nanoTime()));
        assertFalse(refused(f.appA().send(signed)));
        HttpResponse<String> replay = f.appA().send(signed);
        assertEquals(401, replay.statusCode());
        assertNoPatientData(replay);
    }

    @Test
    void staleAndFarFutureTimestampsAreRefused() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken token = dance(f.appA(), f.recordA(), ALICE);
        for (long skew : new long[] {-3600, 3600}) {
            OAuthRequest signed = f.appA().signed(Verb.GET, "/records/" + f.recordA() + "/demographics", token,
                    f.appA().service(skew, null));
            HttpResponse<String> response = f.appA().send(signed);
            assertEquals(401, response.statusCode(), "clock skew " + skew);
            assertNoPatientData(response);
        }
    }

    @Test
    void expiredAccessTokenIsRefused() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken token = dance(f.appA(), f.recordA(), ALICE);
        assertEquals("expired=1", standIn("expire", "token", token.getToken()));
        HttpResponse<String> response = f.appA().call(Verb.GET, "/records/" + f.recordA() + "/demographics", token);
        assertEquals(401, response.statusCode());
        assertNoPatientData(response);
    }

    @Test
    void userPreferencesAreOnlyForTheUserWhoAuthorizedTheToken() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken bobs = launch(BOB, A, f.recordA());
        String alicePreferences = "/users/" + ALICE + "/apps/" + A + "/preferences";
        HttpResponse<String> response = f.appA().call(Verb.GET, alicePreferences, bobs);
        assertEquals(403, response.statusCode());
        assertFalse(refused(f.appA().call(Verb.GET, "/users/" + BOB + "/apps/" + A + "/preferences", bobs)));
    }

    @Test
    void anAccountLimitedToOneRecordGetsTokensForThatRecordOnly() throws Exception {
        Fixture f = fixture();
        String carol = "carol-" + RUN;
        assertEquals(201, admin(f.adminPassword(), "POST", "/admin/accounts", "{\"username\": \"" + carol
                + "\", \"password\": \"correct horse battery staple\", \"roles\": [\"clinician\"]}").statusCode());
        assertEquals("limited", standIn("limit", "user", carol, "record", f.recordA()));

        OAuth1AccessToken token = launch(carol, A, f.recordA());
        assertFalse(refused(f.appA().call(Verb.GET, "/records/" + f.recordA() + "/demographics", token)));
        HttpResponse<String> launch = standInResponse("launch", "user", carol, "app", A, "record", f.recordB(),
                "api_base", SmartClient.API);
        assertEquals(409, launch.statusCode(), "no launch for a record the account may not see: " + launch.body());
        OAuth1RequestToken requestToken = f.appA().requestToken(f.recordB());
        HttpResponse<String> approval = standInResponse("approve", "token", requestToken.getToken(), "user", carol);
        assertEquals(409, approval.statusCode(), "no approval for a record the account may not see: " + approval.body());
        assertFalse(approval.body().contains("verifier="));
    }

    @Test
    void disablingAnAppForAnAccountRevokesItsTokens() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken token = launch(BOB, B, f.recordB());
        String path = "/records/" + f.recordB() + "/demographics";
        assertFalse(refused(f.appB().call(Verb.GET, path, token)));
        assertEquals("ok", standIn("disable", "user", BOB, "app", B));
        assertEquals(401, f.appB().call(Verb.GET, path, token).statusCode());
    }

    @Test
    void removedAppIsRefusedWithItsOldTokens() throws Exception {
        Fixture f = fixture();
        SmartClient doomed = install(f.adminPassword(), uiManifest("doomed-" + RUN + "@it.example.org"));
        OAuth1AccessToken token = launch(ALICE, "doomed-" + RUN + "@it.example.org", f.recordA());
        String path = "/records/" + f.recordA() + "/demographics";
        assertFalse(refused(doomed.call(Verb.GET, path, token)));
        assertEquals(204, admin(f.adminPassword(), "DELETE", "/admin/apps/doomed-" + RUN + "@it.example.org", null).statusCode());
        assertEquals(401, doomed.call(Verb.GET, path, token).statusCode());
        assertEquals(401, doomed.requestTokenResponse(null).statusCode());
    }

    @Test
    void unknownRouteIsRefusedEvenForTheAdministrator() throws Exception {
        Fixture f = fixture();
        HttpResponse<String> response = TestServer.get(HTTP, "/api/no/such/call",
                "Authorization", TestServer.basic("admin", f.adminPassword()));
        assertEquals(404, response.statusCode());
    }

    @Test
    void publicCallsSucceedEvenWithAnInvalidSignature() throws Exception {
        String garbage = "OAuth oauth_consumer_key=\"nobody\", oauth_signature=\"bad\", oauth_nonce=\"n\", "
                + "oauth_timestamp=\"1\", oauth_signature_method=\"HMAC-SHA1\"";
        assertEquals(200, TestServer.get(HTTP, "/api/manifest", "Authorization", garbage).statusCode());
    }

    // ---------------------------------------------------------------- admin API

    @Test
    void administratorInstallsRotatesAndRemovesAnApp() throws Exception {
        Fixture f = fixture();
        SmartClient installed = install(f.adminPassword(), uiManifest("rotate-" + RUN + "@it.example.org"));
        assertEquals(200, installed.requestTokenResponse(null).statusCode());

        HttpResponse<String> rotated = admin(f.adminPassword(), "POST", "/admin/apps/rotate-" + RUN + "@it.example.org/secret", "");
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newSecret = json(rotated.body()).getString("consumer_secret");
        assertNotEquals(newSecret, installed.secret());
        assertEquals(401, installed.requestTokenResponse(null).statusCode(),
                "the old secret is dead");
        SmartClient rotatedClient = new SmartClient("rotate-" + RUN + "@it.example.org", newSecret);
        assertEquals(200, rotatedClient.requestTokenResponse(null).statusCode());

        HttpResponse<String> shown = admin(f.adminPassword(), "GET", "/admin/apps/rotate-" + RUN + "@it.example.org", null);
        assertFalse(shown.body().contains(newSecret), "a secret is shown once only");

        assertEquals(204, admin(f.adminPassword(), "DELETE", "/admin/apps/rotate-" + RUN + "@it.example.org", null).statusCode());
        assertEquals(404, admin(f.adminPassword(), "GET", "/admin/apps/rotate-" + RUN + "@it.example.org", null).statusCode());
    }

    @Test
    void badManifestIsRefusedWithEveryProblemAndNothingIsStored() throws Exception {
        Fixture f = fixture();
        HttpResponse<String> refused = admin(f.adminPassword(), "POST", "/admin/apps",
                "{\"id\": \"bad-" + RUN + "@it.example.org\", \"name\": \"\", \"mode\": \"desktop\", \"colour\": \"red\"}");
        assertEquals(400, refused.statusCode());
        List<String> problems = json(refused.body()).getJsonArray("problems").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
        assertTrue(problems.containsAll(List.of("colour: unknown field", "description: required", "name: must not be empty",
                "mode: must be one of ui, frame_ui, background")), problems.toString());
        assertEquals(404, admin(f.adminPassword(), "GET", "/admin/apps/bad-" + RUN + "@it.example.org", null).statusCode());
    }

    @Test
    void repeatedWrongPasswordsLockAnAccountOutOfBasicAuthentication() throws Exception {
        // A clinician, so that the test leaves no extra administrator behind: Basic answers it 403, not 401.
        Fixture f = fixture();
        String password = "a long enough password 42";
        assertEquals(201, admin(f.adminPassword(), "POST", "/admin/accounts", "{\"username\": \"" + LOCKME + "\", \"password\": \""
                + password + "\", \"roles\": [\"clinician\"]}").statusCode());
        assertEquals(403, asUser(LOCKME, password, "/admin/records/count").statusCode(), "right password, no admin role");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, asUser(LOCKME, "wrong", "/admin/records/count").statusCode());
        }
        HttpResponse<String> locked = asUser(LOCKME, password, "/admin/records/count");
        assertEquals(401, locked.statusCode(), "locked: even the right password is refused");
        assertTrue(locked.body().contains("locked"), locked.body());
        assertTrue(json(admin(f.adminPassword(), "GET", "/admin/accounts/" + LOCKME, null).body()).getBoolean("locked"));

        assertEquals(200, admin(f.adminPassword(), "POST", "/admin/accounts/" + LOCKME + "/unlock", "").statusCode());
        assertEquals(403, asUser(LOCKME, password, "/admin/records/count").statusCode(), "unlocked: the password works again");
    }

    @Test
    void clinicianCannotUseTheAdminApi() throws Exception {
        fixture();
        HttpResponse<String> response = asUser(ALICE, "correct horse battery staple", "/admin/records");
        assertEquals(403, response.statusCode());
        assertNoPatientData(response);
    }

    @Test
    void patientDataAccessLeavesAnAuditTrail() throws Exception {
        Fixture f = fixture();
        OAuth1AccessToken token = dance(f.appA(), f.recordB(), ALICE);
        f.appA().call(Verb.GET, "/records/" + f.recordB() + "/medications/", token);
        f.appA().call(Verb.GET, "/records/" + f.recordA() + "/medications/", token);
        HttpResponse<String> trail = admin(f.adminPassword(), "GET", "/admin/audit?account=" + ALICE + "&app=" + A + "&record="
                + f.recordB() + "&limit=50", null);
        assertEquals(200, trail.statusCode(), trail.body());
        var events = json(trail.body()).getJsonArray("events").getValuesAs(JsonObject.class);
        assertTrue(events.stream().anyMatch(e -> e.getString("call").equals("get_medications")
                && e.getString("path").equals("/records/" + f.recordB() + "/medications/")
                && e.getInt("status") != 401 && e.getInt("status") != 403), events.toString());
        HttpResponse<String> refusals = admin(f.adminPassword(), "GET", "/admin/audit?account=" + ALICE + "&record=" + f.recordA()
                + "&from=2000-01-01T00:00:00Z", null);
        assertTrue(json(refusals.body()).getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getInt("status") == 403), "refused attempts are audited too");
        assertEquals(400, admin(f.adminPassword(), "GET", "/admin/audit?from=yesterday", null).statusCode());
    }

    @Test
    void anOverLongRecordIdIsAuditedCutToItsColumnAndTheTrailGoesOnRecordingEveryLaterRequest() throws Exception {
        Fixture f = fixture();
        String longId = "a".repeat(230);
        // The IT domain's database outlives a run when target/ is kept: count only this test's events.
        java.time.Instant start = java.time.Instant.now().minusSeconds(1);
        HttpResponse<String> hostile = HTTP.send(HttpRequest.newBuilder(URI.create(SmartClient.API + "/records/" + longId
                + "/demographics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, hostile.statusCode(), "unsigned: refused");
        OAuth1AccessToken token = dance(f.appA(), f.recordB(), ALICE);
        assertEquals(200, f.appA().call(Verb.GET, "/records/" + f.recordB() + "/allergies/", token).statusCode());

        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(longId.getBytes(StandardCharsets.UTF_8));
        String cut = "…[cut: 230 chars, sha256 " + java.util.HexFormat.of().formatHex(digest, 0, 8) + "]";
        String stored = "a".repeat(200 - cut.length()) + cut;
        HttpResponse<String> trail = admin(f.adminPassword(), "GET", "/admin/audit?record="
                + URLEncoder.encode(stored, StandardCharsets.UTF_8), null);
        assertEquals(200, trail.statusCode(), trail.body());
        var events = json(trail.body()).getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> !java.time.Instant.parse(e.getString("time")).isBefore(start)).toList();
        assertEquals(1, events.size(), "the refused call is in the trail under its cut id: " + events);
        assertEquals(401, events.get(0).getInt("status"));

        HttpResponse<String> later = admin(f.adminPassword(), "GET", "/admin/audit?account=" + ALICE + "&record="
                + f.recordB() + "&limit=100", null);
        assertTrue(json(later.body()).getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("call").equals("get_allergies") && e.getInt("status") == 200),
                "the read after it is audited: the trail did not stop");
    }

    // ---------------------------------------------------------------- helpers

    /** The whole dance: request token bound to the record, approval by the user, exchange. */
    private static OAuth1AccessToken dance(SmartClient app, String recordId, String user) throws Exception {
        OAuth1RequestToken requestToken = app.requestToken(recordId);
        Map<String, String> approval = approve(requestToken.getToken(), user, null);
        assertTrue(approval.get("location").startsWith("http://localhost/app/after_auth?oauth_token="), approval.toString());
        return app.service().getAccessToken(requestToken, approval.get("verifier"));
    }

    private static Map<String, String> approve(String requestToken, String user, String record) throws Exception {
        String answer = record == null ? standIn("approve", "token", requestToken, "user", user)
                : standIn("approve", "token", requestToken, "user", user, "record", record);
        int at = answer.indexOf("&location=");
        return Map.of("verifier", answer.substring("verifier=".length(), at), "location", answer.substring(at + "&location=".length()));
    }

    private static OAuth1AccessToken launch(String user, String app, String record) throws Exception {
        Map<String, String> form = SmartClient.form(standIn("launch", "user", user, "app", app, "record", record,
                "api_base", SmartClient.API));
        return new OAuth1AccessToken(form.get("oauth_token"), form.get("oauth_token_secret"));
    }

    private static String standIn(String operation, String... nameValues) throws Exception {
        HttpResponse<String> response = standInResponse(operation, nameValues);
        assertEquals(200, response.statusCode(), operation + ": " + response.body());
        return response.body();
    }

    /** The stand-in's answer as it is: 200 with the result, 409 with the refusal. */
    private static HttpResponse<String> standInResponse(String operation, String... nameValues) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(nameValues[i]).append('=')
                    .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(SmartClient.API + "/it-portal/" + operation))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return response;
    }

    private static HttpResponse<String> admin(String password, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SmartClient.API + path))
                .header("Authorization", TestServer.basic("admin", password)).timeout(Duration.ofSeconds(120));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> asUser(String user, String password, String path) throws Exception {
        return TestServer.get(HTTP, "/api" + path, "Authorization", TestServer.basic(user, password));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static boolean refused(HttpResponse<String> response) {
        return response.statusCode() == 401 || response.statusCode() == 403;
    }

    /** Refusals are short texts: no RDF, no names, no record content. */
    private static void assertNoPatientData(HttpResponse<String> response) {
        String body = response.body();
        assertTrue(body.length() < 200, body);
        for (String marker : List.of("rdf:", "<?xml", "http://smartplatforms.org/terms", "vcard", "@context")) {
            assertFalse(body.contains(marker), "no data in a refusal: " + body);
        }
    }
}
