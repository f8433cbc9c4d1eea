package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcontainer.accounts.InitialAdmin;

/**
 * Proxy mode (proxy-mode-and-security.md §1) on the real EAR in front of a fake EHR ({@link FakeEhr}) on loopback:
 * record reads are forwarded with their query (no OAuth parameters, the container's own credential, the acting
 * context as headers), answered in the representation asked for with only the record's statements, EHR errors are
 * mapped (404 stays, 5xx becomes 502 without the EHR's body, a slow EHR 504 within the timeout, a dead one 503) and
 * the container recovers when the EHR does; writes to records are refused and not advertised. Apps read through the
 * proxy with real OAuth 1.0a-signed requests (a background app's helper token, a REST app's access token from the
 * three-legged dance, a SMART Connect token): a token reaches its own record only, unsigned or badly signed requests
 * are refused before anything is forwarded, and every data access is audited.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "it.backend", matches = ".+") // its own backend configuration
class ProxyModeIT {

    static final String RECORD = "1032702";
    static final String EHR_CREDENTIAL = "Bearer ehr-credential-of-the-container";
    static final String SP = "http://smartplatforms.org/terms#";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static FakeEhr ehr;

    @Deployment(name = "smart")
    static EnterpriseArchive ear() throws Exception {
        ehr = new FakeEhr(TestServer.base() + "/api", Integer.getInteger("it.fake-ehr.port", 0)).start();
        return SmartEar.withConfig(Map.of("smart.records.backend", "proxy", "smart.records.proxy.base", ehr.base(),
                "smart.records.proxy.authorization", EHR_CREDENTIAL, "smart.records.proxy.read-timeout-ms", "3000",
                "smart.records.proxy.max-concurrent", "16", "smart.sample-patients.count", "0"), ProxyModeIT.class,
                PortalStandIn.class);
    }

    @AfterAll
    static void stopTheEhr() {
        if (ehr != null) {
            ehr.stop();
        }
    }

    @AfterEach
    void normalEhr() {
        if (ehr != null) {
            ehr.mode(FakeEhr.Mode.NORMAL);
        }
    }

    static HttpResponse<String> call(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.base() + "/api" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", TestServer.basic(InitialAdmin.USERNAME, TestServer.initialAdminPassword()))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Model rdf(HttpResponse<String> response) throws Exception {
        return Rio.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), "", RDFFormat.RDFXML);
    }

    static IRI sp(String name) {
        return SimpleValueFactory.getInstance().createIRI(SP, name);
    }

    @Test
    @Order(1)
    @RunAsClient
    void aCollectionIsForwardedWithTheContainersCredentialAndTheActingContext() throws Exception {
        ehr.forget();
        HttpResponse<String> response = call("GET", "/records/" + RECORD + "/medications/");
        assertEquals(200, response.statusCode(), response.body());
        Model medications = rdf(response);
        long expected = ehr.patient(RECORD).filter(null, RDF.TYPE, sp("Medication")).size();
        assertTrue(expected > 0);
        assertEquals(expected, medications.filter(null, RDF.TYPE, sp("Medication")).size());
        FakeEhr.Received received = ehr.received().get(ehr.received().size() - 1);
        assertEquals("/records/" + RECORD + "/medications/", received.path());
        assertEquals(EHR_CREDENTIAL, received.authorization(), "the container's credential, never the caller's");
        assertEquals(RECORD, received.record());
        assertEquals(InitialAdmin.USERNAME, received.user());
    }

    @Test
    @Order(2)
    @RunAsClient
    void theQueryStringReachesTheEhrWhichDoesThePaging() throws Exception {
        ehr.forget();
        HttpResponse<String> response = call("GET", "/records/" + RECORD + "/problems/?limit=2&offset=1");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, rdf(response).filter(null, RDF.TYPE, sp("Problem")).size());
        assertEquals("limit=2&offset=1", ehr.received().get(ehr.received().size() - 1).query());
    }

    @Test
    @Order(3)
    @RunAsClient
    void itemsAndDemographicsAreForwardedAndAnsweredInTheRepresentationAsked() throws Exception {
        HttpResponse<String> demographics = call("GET", "/records/" + RECORD + "/demographics");
        assertEquals(200, demographics.statusCode(), demographics.body());
        assertFalse(rdf(demographics).filter(null, RDF.TYPE, sp("Demographics")).isEmpty());
        HttpResponse<String> item = call("GET", "/records/" + RECORD + "/problems/1");
        assertEquals(200, item.statusCode(), item.body());
        assertEquals(1, rdf(item).filter(null, RDF.TYPE, sp("Problem")).size());
        HttpResponse<String> turtle = call("GET", "/records/" + RECORD + "/problems/1", "Accept", "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Model parsed = Rio.parse(new ByteArrayInputStream(turtle.body().getBytes(StandardCharsets.UTF_8)), "", RDFFormat.TURTLE);
        assertTrue(Models.isomorphic(rdf(item), parsed), "the same graph in the representation asked for");
    }

    @Test
    @Order(4)
    @RunAsClient
    void whatTheEhrDoesNotHaveIs404() throws Exception {
        assertEquals(404, call("GET", "/records/" + RECORD + "/problems/9999").statusCode());
        assertEquals(404, call("GET", "/records/no-such-patient/problems/").statusCode());
    }

    @Test
    @Order(5)
    @RunAsClient
    void statementsOfAnotherRecordInTheEhrsAnswerAreDropped() throws Exception {
        ehr.mode(FakeEhr.Mode.LEAKY);
        HttpResponse<String> response = call("GET", "/records/" + RECORD + "/problems/");
        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("leaked from another record"), response.body());
        assertFalse(response.body().contains("someone-else"));
        assertFalse(rdf(response).filter(null, RDF.TYPE, sp("Problem")).isEmpty());
    }

    @Test
    @Order(6)
    @RunAsClient
    void anEhrFailureIs502WithoutTheEhrsStackTrace() throws Exception {
        ehr.mode(FakeEhr.Mode.FAILING);
        HttpResponse<String> response = call("GET", "/records/" + RECORD + "/problems/");
        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("HTTP 500"), response.body());
        assertFalse(response.body().contains("NullPointerException") || response.body().contains("Secret.java"));
    }

    @Test
    @Order(7)
    @RunAsClient
    void aSlowEhrIs504WithinTheTimeoutForEveryWaitingCall() throws Exception {
        ehr.mode(FakeEhr.Mode.SLOW); // answers after 20 s; the container waits 3 s
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return call("GET", "/records/" + RECORD + "/medications/");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.get();
            assertEquals(504, r.statusCode(), r.body());
            assertTrue(r.body().contains("did not answer within 3000 ms"), r.body());
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertTrue(seconds < 15, "12 calls held by a slow EHR must end with the 3 s timeout, took " + seconds + " s");
        ehr.mode(FakeEhr.Mode.NORMAL);
        assertEquals(200, call("GET", "/records/" + RECORD + "/medications/").statusCode());
    }

    @Test
    @Order(8)
    @RunAsClient
    void aDeadEhrIs503AndTheContainerRecoversWhenItIsBack() throws Exception {
        ehr.stop();
        long start = System.nanoTime();
        HttpResponse<String> down = call("GET", "/records/" + RECORD + "/medications/");
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().startsWith("The EHR is unavailable"), down.body());
        assertTrue(down.headers().firstValue("Retry-After").isPresent());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "fails fast");
        assertEquals(200, call("GET", "/manifest").statusCode(), "the container's own calls still work");
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/health/ready"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("The EHR is unavailable"), "the reason: " + ready.body());
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/health/live"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "still live");
        ehr.start();
        assertEquals(200, call("GET", "/records/" + RECORD + "/medications/").statusCode());
        HttpResponse<String> readyAgain = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/health/ready"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, readyAgain.statusCode(), readyAgain.body());
    }

    @Test
    @Order(9)
    @RunAsClient
    void recordWritesAreRefusedAndNotAdvertised() throws Exception {
        HttpResponse<String> post = call("POST", "/records/" + RECORD + "/clinical_notes/", "Content-Type", "application/rdf+xml");
        assertEquals(405, post.statusCode(), post.body());
        assertTrue(post.body().contains("proxy mode"));
        HttpResponse<String> manifest = call("GET", "/manifest");
        assertEquals(200, manifest.statusCode());
        String capabilities = manifest.body();
        int note = capabilities.indexOf(SP + "ClinicalNote");
        assertTrue(note > 0, capabilities);
        String noteEntry = capabilities.substring(note, capabilities.indexOf('}', note));
        assertFalse(noteEntry.contains("POST"), noteEntry);
        assertTrue(noteEntry.contains("GET"), noteEntry);
    }

    // ---------------------------------------------------------------- apps signing with OAuth 1.0a

    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final String HELPER = "proxy-helper-" + RUN + "@it.example.org";
    static final String REST = "proxy-rest-" + RUN + "@it.example.org";
    static final String CLINICIAN = "proxy-alice-" + RUN;
    static SmartClient helper;
    static SmartClient rest;

    /** Another patient the EHR has: a token for {@link #RECORD} must not reach it. */
    static String otherRecord() {
        return SamplePatients.recordIds().stream().filter(id -> !id.equals(RECORD)).sorted().findFirst().orElseThrow();
    }

    /** A background app and a REST app installed, and a clinician created, through the admin API (once). */
    static synchronized void installApps() throws Exception {
        if (helper == null) {
            helper = install("""
                    {"id": "%s", "name": "Proxy helper", "description": "A background app", "mode": "background"}"""
                    .formatted(HELPER));
            rest = install("{\"id\": \"" + REST + "\", \"name\": \"Proxy REST\", \"description\": \"A REST app\","
                    + " \"mode\": \"ui\", \"scope\": \"record\", \"index\": \"http://localhost/app/index.html\","
                    + " \"icon\": \"http://localhost/app/icon.png\", \"oauth_callback\": \"http://localhost/app/after_auth\"}");
            HttpResponse<String> account = admin("POST", "/admin/accounts", "{\"username\": \"" + CLINICIAN
                    + "\", \"password\": \"correct horse battery staple\", \"roles\": [\"clinician\"]}");
            assertEquals(201, account.statusCode(), account.body());
        }
    }

    static SmartClient install(String manifest) throws Exception {
        HttpResponse<String> installed = admin("POST", "/admin/apps", manifest);
        assertEquals(201, installed.statusCode(), installed.body());
        JsonObject app = json(installed.body());
        return new SmartClient(app.getString("consumer_key"), app.getString("consumer_secret"));
    }

    static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.base() + "/api" + path))
                .header("Authorization", TestServer.basic(InitialAdmin.USERNAME, TestServer.initialAdminPassword()))
                .timeout(Duration.ofSeconds(60));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** The background app's helper token for a record, asked for two-legged as the app does. */
    static OAuth1AccessToken helperToken(String recordId) throws Exception {
        HttpResponse<String> answer = helper.call(Verb.GET, "/apps/" + HELPER + "/tokens/records/" + recordId, null);
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, String> token = SmartClient.form(answer.body());
        assertEquals(recordId, token.get("smart_record_id"));
        return new OAuth1AccessToken(token.get("oauth_token"), token.get("oauth_token_secret"));
    }

    /** The REST app's access token: request token bound to the record, the clinician's approval, the exchange. */
    static OAuth1AccessToken dance(String recordId) throws Exception {
        OAuth1RequestToken requestToken = rest.requestToken(recordId);
        String approval = portal("approve", "token", requestToken.getToken(), "user", CLINICIAN);
        String verifier = approval.substring("verifier=".length(), approval.indexOf("&location="));
        return rest.service().getAccessToken(requestToken, verifier);
    }

    /** The REST token of a SMART Connect launch of the REST app by the clinician. */
    static OAuth1AccessToken launch(String recordId) throws Exception {
        Map<String, String> form = SmartClient.form(portal("launch", "user", CLINICIAN, "app", REST, "record", recordId,
                "api_base", SmartClient.API));
        return new OAuth1AccessToken(form.get("oauth_token"), form.get("oauth_token_secret"));
    }

    /** What the portal does in-process (approve, launch), played by {@link PortalStandIn}. */
    static String portal(String operation, String... nameValues) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(nameValues[i]).append('=')
                    .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(SmartClient.API + "/it-portal/" + operation))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), operation + ": " + response.body());
        return response.body();
    }

    @Test
    @Order(10)
    @RunAsClient
    void aBackgroundAppsHelperTokenReadsThroughTheProxyWithItsQueryForwarded() throws Exception {
        installApps();
        OAuth1AccessToken token = helperToken(RECORD);
        ehr.forget();
        HttpResponse<String> response = helper.call(Verb.GET, "/records/" + RECORD + "/problems/?limit=2&offset=1", token);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, rdf(response).filter(null, RDF.TYPE, sp("Problem")).size());
        assertEquals(1, ehr.received().size(), ehr.received().toString());
        FakeEhr.Received received = ehr.received().get(0);
        assertEquals("/records/" + RECORD + "/problems/", received.path());
        assertEquals("limit=2&offset=1", received.query(), "the query without any OAuth parameter");
        assertEquals(EHR_CREDENTIAL, received.authorization(), "the container's credential, never the app's signature");
        assertEquals(HELPER, received.app());
        assertEquals(RECORD, received.record());
    }

    @Test
    @Order(11)
    @RunAsClient
    void aRestAppsDanceTokenAndASmartConnectTokenReadTheirRecordThroughTheProxy() throws Exception {
        installApps();
        for (OAuth1AccessToken token : List.of(dance(RECORD), launch(RECORD))) {
            ehr.forget();
            HttpResponse<String> medications = rest.call(Verb.GET, "/records/" + RECORD + "/medications/", token);
            assertEquals(200, medications.statusCode(), medications.body());
            assertEquals(ehr.patient(RECORD).filter(null, RDF.TYPE, sp("Medication")).size(),
                    rdf(medications).filter(null, RDF.TYPE, sp("Medication")).size());
            FakeEhr.Received received = ehr.received().get(ehr.received().size() - 1);
            assertEquals(REST, received.app());
            assertEquals(CLINICIAN, received.user(), "the acting user goes to the EHR");
            assertEquals(EHR_CREDENTIAL, received.authorization());
        }
    }

    @Test
    @Order(12)
    @RunAsClient
    void aTokenForOneRecordCannotReadAnotherThroughTheProxyAndNothingIsForwarded() throws Exception {
        installApps();
        String other = otherRecord();
        assertFalse(ehr.patient(other).isEmpty(), "the EHR does have the other record");
        List<OAuth1AccessToken> helperTokens = List.of(helperToken(RECORD));
        List<OAuth1AccessToken> restTokens = List.of(dance(RECORD), launch(RECORD));
        ehr.forget();
        for (String path : List.of("/medications/", "/demographics", "/problems/1", "/problems/?limit=1")) {
            for (OAuth1AccessToken token : helperTokens) {
                HttpResponse<String> r = helper.call(Verb.GET, "/records/" + other + path, token);
                assertEquals(403, r.statusCode(), path + " " + r.body());
                assertFalse(r.body().contains("<?xml") || r.body().contains(SP), r.body());
            }
            for (OAuth1AccessToken token : restTokens) {
                HttpResponse<String> r = rest.call(Verb.GET, "/records/" + other + path, token);
                assertEquals(403, r.statusCode(), path + " " + r.body());
                assertFalse(r.body().contains("<?xml") || r.body().contains(SP), r.body());
            }
        }
        assertEquals(List.of(), ehr.received(), "a refused call never reaches the EHR");
        // a path that an EHR decoding %2F or resolving dot segments would read as another record's
        for (String escape : List.of("/problems/1%2F..%2F..%2F" + other + "%2Fproblems%2F1", "/problems/%2E%2E%2F..%2F" + other
                + "%2Fdemographics", "/problems/..%5C..%5C" + other)) {
            HttpResponse<String> r = helper.call(Verb.GET, "/records/" + RECORD + escape, helperTokens.get(0));
            assertTrue(r.statusCode() == 400 || r.statusCode() == 401 || r.statusCode() == 404, escape + ": " + r.statusCode()
                    + " " + r.body());
            assertFalse(r.body().contains("<?xml") || r.body().contains(SP), r.body());
        }
        assertEquals(List.of(), ehr.received(), "no path that could leave the record reaches the EHR");
    }

    @Test
    @Order(13)
    @RunAsClient
    void unsignedOrBadlySignedRequestsAreRefusedBeforeAnythingIsForwarded() throws Exception {
        installApps();
        OAuth1AccessToken token = helperToken(RECORD);
        String path = "/records/" + RECORD + "/medications/";
        ehr.forget();
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(URI.create(SmartClient.API + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        OAuthRequest signed = helper.signed(Verb.GET, path, token, helper.service());
        String forged = signed.getHeaders().get("Authorization").replaceFirst("oauth_signature=\"[^\"]+\"",
                "oauth_signature=\"AAAAAAAAAAAAAAAAAAAAAAAAAAA%3D\"");
        HttpResponse<String> badSignature = HTTP.send(HttpRequest.newBuilder(URI.create(SmartClient.API + path))
                .header("Authorization", forged).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, badSignature.statusCode(), badSignature.body());
        SmartClient impostor = new SmartClient(HELPER, "not-the-secret-of-the-helper-0123456789");
        assertEquals(401, impostor.call(Verb.GET, path, token).statusCode(), "the wrong consumer secret");
        assertEquals(401, rest.call(Verb.GET, path, token).statusCode(), "another app's token");
        OAuthRequest replayed = helper.signed(Verb.GET, path, token, helper.service(0, "proxy-nonce-" + RUN));
        assertEquals(200, helper.send(replayed).statusCode());
        int forwarded = ehr.received().size();
        assertEquals(1, forwarded, "only the one good call reached the EHR");
        assertEquals(401, helper.send(replayed).statusCode(), "the same signed request again");
        assertEquals(401, helper.send(helper.signed(Verb.GET, path, token, helper.service(-3600, null))).statusCode(),
                "a stale timestamp");
        assertEquals(forwarded, ehr.received().size(), "no refused call reached the EHR");
    }

    @Test
    @Order(14)
    @RunAsClient
    void everyDataAccessThroughTheProxyIsAuditedAlsoTheRefusedOnes() throws Exception {
        installApps();
        OAuth1AccessToken token = helperToken(RECORD);
        String other = otherRecord();
        assertEquals(200, helper.call(Verb.GET, "/records/" + RECORD + "/allergies/", token).statusCode());
        assertEquals(403, helper.call(Verb.GET, "/records/" + other + "/allergies/", token).statusCode());
        List<JsonObject> read = auditEvents("app=" + HELPER + "&record=" + RECORD, e -> e.getString("path")
                .equals("/records/" + RECORD + "/allergies/") && e.getInt("status") == 200);
        assertEquals("get_allergies", read.get(0).getString("call"), read.toString());
        List<JsonObject> refused = auditEvents("app=" + HELPER + "&record=" + other, e -> e.getInt("status") == 403);
        assertFalse(refused.isEmpty());
    }

    /** The audit events matching a filter; the trail is written asynchronously, so this waits up to 30 s. */
    static List<JsonObject> auditEvents(String query, java.util.function.Predicate<JsonObject> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> trail = admin("GET", "/admin/audit?" + query + "&from=2000-01-01T00:00:00Z&limit=100", null);
            assertEquals(200, trail.statusCode(), trail.body());
            List<JsonObject> events = json(trail.body()).getJsonArray("events").getValuesAs(JsonObject.class).stream()
                    .filter(wanted).toList();
            if (!events.isEmpty() || System.nanoTime() > deadline) {
                assertFalse(events.isEmpty(), "no audit event for " + query + ": " + trail.body());
                return events;
            }
            Thread.sleep(500);
        }
    }
}
