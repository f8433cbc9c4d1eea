package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.SmartOntology;

/**
 * The clinician portal runs SMART apps: the launcher, SMART Connect between the portal page and a
 * framed app of another origin (an app speaking only the raw wire protocol, written from the spec),
 * patient switching, an app firing 12 API calls at once (alone and beside another clinician's), the consent
 * page of the three-legged dance (the REST app is ScribeJava), My approvals, the record chooser, and the
 * attacks on all of it. Headless Chromium on the real EAR.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RunAsClient
class AppLaunchIT {

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withTestClasses(AppLaunchIT.class);
    }

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String NURSE = "launch-nurse-" + RUN;
    private static final String DOCTOR = "launch-doctor-" + RUN;
    private static final String PASSWORD = "Launch-test-password-1";
    private static final String RAW_APP = "raw-" + RUN + "@it.example.org";
    private static final String RAW_NAME = "Raw Protocol App " + RUN;
    private static final String ATTACK_APP = "attack-" + RUN + "@it.example.org";
    private static final String CONTAINER_APP = "container-" + RUN + "@it.example.org";
    private static final String FRAME_APP = "frame-" + RUN + "@it.example.org";
    private static final String REST_APP = "rest-" + RUN + "@it.example.org";
    private static final String REST_NAME = "REST Example " + RUN;
    private static final String TWELVE_APP = "twelve-" + RUN + "@it.example.org";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Fixture fixture;
    private static boolean twelveCallsInstalled;
    private static String icon;

    /** What the tests share: the second origins, the REST app's OAuth client, two patients. */
    record Fixture(SecondOrigin apps, SecondOrigin foreign, SmartClient restApp, String recordA, String recordB) {
    }

    private static synchronized Fixture fixture() throws Exception {
        if (fixture == null) {
            String password = TestServer.initialAdminPassword();
            SecondOrigin apps = SecondOrigin.start(0);
            SecondOrigin foreign = SecondOrigin.start(apps.port());
            String index = apps.origin() + "/raw-app/index.html";
            icon = apps.origin() + "/raw-app/icon.svg";
            install(password, manifest(RAW_APP, RAW_NAME, "record", index, null));
            install(password, manifest(ATTACK_APP, "Attack App " + RUN, "record", index + "?attack=1", null));
            install(password, manifest(CONTAINER_APP, "Container App " + RUN, "container", index, null));
            install(password, manifest(FRAME_APP, "Frame UI App " + RUN, "container", index + "?frame=1", null)
                    .replace("\"mode\": \"ui\"", "\"mode\": \"frame_ui\""));
            JsonObject rest = install(password, manifest(REST_APP, REST_NAME, "record", apps.origin() + "/rest-app/index.html",
                    apps.origin() + "/rest-app/after_auth"));
            for (String user : List.of(NURSE, DOCTOR)) {
                HttpResponse<String> created = admin(password, "POST", "/admin/accounts", "{\"username\": \"" + user
                        + "\", \"password\": \"" + PASSWORD + "\", \"given_name\": \"Test\", \"family_name\": \"Launcher\","
                        + " \"roles\": [\"clinician\"]}");
                assertEquals(201, created.statusCode(), created.body());
            }
            List<String> records = json(admin(password, "GET", "/admin/records", null).body()).getJsonArray("records")
                    .getValuesAs(JsonObject.class).stream().map(r -> r.getString("record_id")).sorted().toList();
            assertTrue(records.size() >= 2, "the first start seeded sample patients");
            apps.configure("other_record", records.get(1));
            apps.configure("foreign_origin", foreign.origin());
            apps.configure("delegate_app", RAW_APP);
            fixture = new Fixture(apps, foreign, new SmartClient(rest.getString("consumer_key"), rest.getString("consumer_secret")),
                    records.get(0), records.get(1));
        }
        return fixture;
    }

    @AfterAll
    static void stopOrigins() {
        if (fixture != null) {
            fixture.apps().close();
            fixture.foreign().close();
        }
    }

    private static String manifest(String id, String name, String scope, String index, String callback) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"description\": \"An app of the launch tests\","
                + " \"author\": \"Integration Tests Inc.\", \"mode\": \"ui\", \"scope\": \"" + scope + "\", \"index\": \"" + index + "\""
                + ", \"icon\": \"" + icon + "\""
                + (callback == null ? "" : ", \"oauth_callback\": \"" + callback + "\"")
                + ", \"requires\": {\"http://smartplatforms.org/terms#Demographics\": {\"methods\": [\"GET\"]},"
                + " \"http://smartplatforms.org/terms#Medication\": {\"methods\": [\"GET\"]}}}";
    }

    // ---------------------------------------------------------------- launcher and SMART Connect

    @Test
    @Order(1)
    void aRawProtocolAppOfAnotherOriginCompletesTheHandshakeAndShowsTheCurrentPatientsDemographics() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        f.foreign().mark();
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            LauncherPages.addToLauncher(browser, RAW_APP);
            LauncherPages.addToLauncher(browser, CONTAINER_APP);
            browser.screenshot("launcher-manage-apps");
            browser.open("/");
            assertTrue(LauncherPages.launcherApps(browser).contains(RAW_NAME), LauncherPages.launcherApps(browser).toString());

            LauncherPages.clickApp(browser, RAW_APP);
            assertTrue(LauncherPages.launcherMessage(browser).contains("choose a patient"), "record apps need a patient first");

            List<String> row = PortalPages.patientRows(browser).get(0);
            String recordA = LauncherPages.recordIdOfRow(browser, 0);
            PortalPages.choosePatient(browser, 0);
            browser.screenshot("launcher-patient-chosen");
            LauncherPages.launch(browser, RAW_APP);

            SecondOrigin.Event ready = f.apps().await("ready", e -> e.detail().startsWith(recordA + "|" + RAW_APP), WAIT);
            assertTrue(ready.detail().contains("api_base=" + URLEncoder.encode(TestServer.base() + "/api", StandardCharsets.UTF_8)),
                    ready.detail());
            assertTrue(ready.detail().contains("record_id=" + URLEncoder.encode(recordA, StandardCharsets.UTF_8)), ready.detail());
            String shown = LauncherPages.frameText(browser, RAW_APP, "result", t -> t.startsWith("application/rdf+xml"));
            assertTrue(shown.contains(row.get(0)), "the frame shows the patient's own demographics: " + shown);
            assertEquals(row.get(1) + " " + row.get(0) + " [" + recordA + "]",
                    LauncherPages.frameText(browser, RAW_APP, "record", t -> !t.equals("none")));
            assertTrue(LauncherPages.frameText(browser, RAW_APP, "user", t -> !t.isEmpty()).startsWith(NURSE + " (Test Launcher)"));
            browser.screenshot("launcher-app-in-frame");
        }
    }

    @Test
    @Order(2)
    void switchingThePatientDestroysRecordAppsAndRelaunchesTheForegroundAppForTheNewPatient() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        f.foreign().mark();
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            String recordA = LauncherPages.recordIdOfRow(browser, 0);
            String recordB = LauncherPages.recordIdOfRow(browser, 1);
            PortalPages.choosePatient(browser, 0);
            String nameA = PortalPages.text(browser, "bannerName");

            LauncherPages.launch(browser, CONTAINER_APP);
            SecondOrigin.Event containerReady = f.apps().await("ready", e -> e.detail().startsWith("none|" + CONTAINER_APP), WAIT);
            assertFalse(containerReady.detail().contains("record_id="), "container-scope apps get no record: " + containerReady);
            f.apps().await("container-call", e -> e.instance().equals(containerReady.instance()), WAIT);

            LauncherPages.launch(browser, RAW_APP);
            SecondOrigin.Event readyA = f.apps().await("ready", e -> e.detail().startsWith(recordA + "|" + RAW_APP), WAIT);
            f.apps().await("backgrounded", e -> e.instance().equals(containerReady.instance()), WAIT);

            LauncherPages.showPatients(browser);
            PortalPages.choosePatient(browser, 1);
            assertNotEquals(nameA, LauncherPages.awaitBannerChange(browser, nameA));

            f.apps().await("destroyed", e -> e.instance().equals(readyA.instance()) && e.detail().equals(recordA), WAIT);
            SecondOrigin.Event readyB = f.apps().await("ready", e -> e.detail().startsWith(recordB + "|" + RAW_APP), WAIT);
            assertNotEquals(readyA.instance(), readyB.instance(), "a new instance, with a new token, for the new patient");
            LauncherPages.awaitReady(browser, RAW_APP);
            assertTrue(LauncherPages.frameText(browser, RAW_APP, "record", t -> t.contains(recordB)).contains(recordB));
            LauncherPages.frameText(browser, RAW_APP, "result", t -> t.startsWith("application/rdf+xml"));
            assertEquals(1, LauncherPages.openTabs(browser, RAW_APP));
            assertEquals(1, LauncherPages.openTabs(browser, CONTAINER_APP), "container-scope apps keep running");
            assertFalse(f.apps().has("destroyed", e -> e.instance().equals(containerReady.instance())));
            browser.screenshot("launcher-after-patient-switch");
        }
    }

    @Test
    @Order(3)
    void anAppCanAskForFullScreenAndClosingItsTabSendsDestroyed() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        f.foreign().mark();
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            String record = LauncherPages.recordIdOfRow(browser, 2);
            PortalPages.choosePatient(browser, 2);
            LauncherPages.launch(browser, RAW_APP);
            SecondOrigin.Event ready = f.apps().await("ready", e -> e.detail().startsWith(record + "|" + RAW_APP), WAIT);
            LauncherPages.clickInFrame(browser, RAW_APP, "fullscreen");
            assertTrue(LauncherPages.isFullScreen(browser, RAW_APP));
            browser.screenshot("launcher-app-full-screen");
            LauncherPages.leaveFullScreen(browser, RAW_APP);
            LauncherPages.closeApp(browser, RAW_APP);
            f.apps().await("destroyed", e -> e.instance().equals(ready.instance()), WAIT);
            assertEquals(0, LauncherPages.openTabs(browser, RAW_APP));
        }
    }

    @Test
    @Order(10)
    void aFrameUiAppLaunchesAnotherAppThroughTheContainerAndCallsOnlyAsTheInstancesItLaunched() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            LauncherPages.addToLauncher(browser, FRAME_APP);
            browser.open("/");
            LauncherPages.launch(browser, FRAME_APP);
            assertEquals("refused|403", f.apps().await("delegated-before-launch", e -> true, WAIT).detail(),
                    "no calls for an instance the Frame UI app did not launch");
            SecondOrigin.Event launched = f.apps().await("delegated-launch", e -> true, WAIT);
            assertFalse(launched.detail().contains("connect_token"), "the Frame UI app gets no token: " + launched.detail());
            assertTrue(f.apps().await("delegated-call", e -> true, WAIT).detail().startsWith("application/rdf+xml|"));
            LauncherPages.frameText(browser, FRAME_APP, "result", t -> t.startsWith("application/rdf+xml"));
        }
    }

    // ---------------------------------------------------------------- an app that reads the ontology

    @Test
    @Order(11)
    void anAppReadingTheOntologyThroughSmartConnectListsEveryRecordCallWithItsTargetClassLabel() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        String app = "labels-" + RUN + "@it.example.org";
        install(TestServer.initialAdminPassword(), manifest(app, "Ontology Labels App " + RUN, "container",
                f.apps().origin() + "/raw-app/ontology-labels.html", null));
        f.apps().configure("client_library", TestServer.base() + "/sample-apps/smart-connect-client.js");
        Map<String, String> served = ServedOntology.recordCallTargetLabels(ServedOntology.fetch());
        assertEquals(SmartOntology.loadDefault().calls().stream().filter(c -> "record".equalsIgnoreCase(String.valueOf(c.category())))
                .map(ApiCall::clientMethodName).collect(Collectors.toCollection(TreeSet::new)), served.keySet(),
                "the served ontology declares every record call the API routes");
        assertEquals("Medication", served.get("get_medications"));
        assertEquals("Allergy", served.get("get_allergies"));
        assertTrue(served.values().stream().noneMatch(String::isBlank), "every target class is labelled: " + served);
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            LauncherPages.addToLauncher(browser, app);
            browser.open("/");
            LauncherPages.launch(browser, app);
            Map<String, String> listed = ServedOntology.fromAppReport(f.apps().await("ontology-calls", e -> true, WAIT).detail());
            assertEquals(served, listed, "the app names every record call's target as the ontology labels it");
            assertEquals(served.size() + " record calls", LauncherPages.frameText(browser, app, "status", t -> t.endsWith("calls")));
            browser.screenshot("launcher-ontology-labels-app");
        }
    }

    // ---------------------------------------------------------------- attacks

    @Test
    @Order(4)
    void callsFromAFrameOutsideItsPatientOrPathAndMessagesFromAForeignFrameAreRefused() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        f.foreign().mark();
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            LauncherPages.addToLauncher(browser, ATTACK_APP);
            browser.open("/");
            String record = LauncherPages.recordIdOfRow(browser, 0);
            PortalPages.choosePatient(browser, 0);
            LauncherPages.launch(browser, ATTACK_APP);
            SecondOrigin.Event ready = f.apps().await("ready", e -> e.detail().startsWith(record + "|" + ATTACK_APP), WAIT);
            String instance = ready.instance();
            for (String attack : List.of("dotdot", "absolute", "protocol-relative", "encoded-dotdot")) {
                SecondOrigin.Event answer = f.apps().await("attack-" + attack, e -> e.instance().equals(instance), WAIT);
                assertEquals("refused|400", answer.detail(), attack + " is refused by the host");
            }
            SecondOrigin.Event other = f.apps().await("attack-other-patient", e -> e.instance().equals(instance), WAIT);
            assertTrue(other.detail().equals("refused|403") || other.detail().equals("refused|401"),
                    "a token for one patient reads no other patient: " + other.detail());
            SecondOrigin.Event foreign = f.foreign().await("foreign-answers", e -> true, WAIT);
            assertEquals("0|", foreign.detail(), "a foreign frame gets no answer");
            f.apps().await("demographics", e -> e.instance().equals(instance), WAIT);
            assertFalse(f.apps().has("unexpected-response", e -> true), "the host ran nothing for the foreign frame");
        }
    }

    @Test
    @Order(5)
    void thePortalsConnectEndpointsServeNoPatientDataWithoutTheRightSessionTokenAndPatient() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        f.foreign().mark();
        String appPath = "/accounts/" + enc(NURSE) + "/apps/" + enc(RAW_APP) + "/launch?record_id=" + enc(f.recordA());
        // No session: 403, never a redirect or data.
        assertEquals(403, portal("GET", appPath, null, null, null).statusCode());
        assertEquals(403, portal("GET", "/smart_passthrough/records/" + enc(f.recordA()) + "/demographics", null, null,
                "OAuth smart_connect_token=\"anything\"").statusCode());
        for (String page : List.of("/authorize.xhtml?oauth_token=x", "/choose-record.xhtml?app=" + enc(REST_APP), "/my-approvals.xhtml")) {
            HttpResponse<String> response = portal("GET", page, null, null, null);
            assertEquals(302, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElse("").contains("/login.xhtml"), page);
        }
        try (Browser nurse = new Browser(); Browser doctor = new Browser()) {
            PortalPages.signIn(nurse, NURSE, PASSWORD);
            PortalPages.signIn(doctor, DOCTOR, PASSWORD);
            String[] session = LauncherPages.session(nurse);
            String[] otherSession = LauncherPages.session(doctor);

            HttpResponse<String> home = portal("GET", "/index.xhtml", session[0], null, null);
            assertEquals(200, home.statusCode());
            assertEquals("frame-ancestors 'self'", home.headers().firstValue("Content-Security-Policy").orElse(""),
                    "only the portal may frame its pages");
            assertTrue(portal("GET", "/login.xhtml", null, null, null).headers().firstValue("Content-Security-Policy").isEmpty(),
                    "an app's frame may show the sign-in page on its way to the consent page");

            assertEquals(403, portal("GET", appPath, session[0], null, null).statusCode(), "no anti-CSRF header");
            assertEquals(403, portal("GET", appPath, session[0], "wrong", null).statusCode(), "wrong anti-CSRF token");
            assertEquals(403, send(HttpRequest.newBuilder(TestServer.base().resolve(appPath)).header("Cookie", session[0])
                    .header("X-SMART-Portal-CSRF", session[1]).header("Origin", "http://evil.example").GET()).statusCode(),
                    "foreign Origin");
            assertEquals(403, portal("GET", "/accounts/" + enc(DOCTOR) + "/apps/" + enc(RAW_APP) + "/launch?record_id="
                    + enc(f.recordA()), session[0], session[1], null).statusCode(), "another account's launch");

            HttpResponse<String> launched = portal("GET", appPath, session[0], session[1], null);
            assertEquals(200, launched.statusCode(), launched.body());
            JsonObject credentials = json(launched.body());
            assertEquals(RAW_APP, credentials.getString("app_id"));
            assertEquals(f.apps().origin(), credentials.getString("origin"));
            for (String secret : List.of("connect_secret", "rest_secret", "oauth_header", "oauth_token_secret")) {
                assertFalse(credentials.containsKey(secret), secret + " never reaches the browser");
            }
            String token = "OAuth smart_connect_token=\"" + enc(credentials.getString("connect_token")) + "\"";
            String pathA = "/smart_passthrough/records/" + enc(f.recordA()) + "/demographics";
            String pathB = "/smart_passthrough/records/" + enc(f.recordB()) + "/demographics";

            HttpResponse<String> own = portal("GET", pathA, session[0], session[1], token);
            assertEquals(200, own.statusCode(), own.body());
            assertTrue(own.headers().firstValue("Content-Type").orElse("").startsWith("application/rdf+xml"));
            assertTrue(own.headers().firstValue("Cache-Control").orElse("").contains("no-cache"));

            // Bodies go through verbatim, signed with oauth_body_hash: the app's preferences, as text.
            String prefs = "/smart_passthrough/users/" + enc(NURSE) + "/apps/" + enc(RAW_APP) + "/preferences";
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(TestServer.base() + prefs)).timeout(WAIT)
                    .header("Cookie", session[0]).header("X-SMART-Portal-CSRF", session[1]).header("Authorization", token)
                    .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("zoom=2; theme=dark " + RUN)));
            assertTrue(put.statusCode() < 300, put.statusCode() + " " + put.body());
            HttpResponse<String> read = portal("GET", prefs, session[0], session[1], token);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals("zoom=2; theme=dark " + RUN, read.body());

            HttpResponse<String> otherPatient = portal("GET", pathB, session[0], session[1], token);
            assertTrue(otherPatient.statusCode() == 403 || otherPatient.statusCode() == 401, "token of A for B: " + otherPatient.statusCode());
            assertNoPatientData(otherPatient);
            HttpResponse<String> forged = portal("GET", pathA, session[0], session[1], "OAuth smart_connect_token=\"forged" + RUN + "\"");
            assertEquals(403, forged.statusCode());
            assertNoPatientData(forged);
            HttpResponse<String> stolen = portal("GET", pathA, otherSession[0], otherSession[1], token);
            assertEquals(403, stolen.statusCode(), "a token is only good in the session that launched it");
            assertNoPatientData(stolen);
            HttpResponse<String> dotted = portal("GET", "/smart_passthrough/records/" + enc(f.recordA()) + "/%2e%2e/"
                    + enc(f.recordB()) + "/demographics", session[0], session[1], token);
            assertEquals(400, dotted.statusCode());
            assertNoPatientData(dotted);
            HttpResponse<String> noToken = portal("GET", pathA, session[0], session[1], null);
            assertEquals(403, noToken.statusCode());

            // Closing the instance forgets the token at once.
            assertEquals(204, portal("DELETE", appPath.replace("?record_id=" + enc(f.recordA()), "?connect_token="
                    + enc(credentials.getString("connect_token"))), session[0], session[1], null).statusCode());
            assertEquals(403, portal("GET", pathA, session[0], session[1], token).statusCode());
        }
    }

    // ---------------------------------------------------------------- the consent page (three-legged dance)

    @Test
    @Order(6)
    void approvingARestAppSendsTheVerifierToItsCallbackAndTheApprovalIsRememberedUntilRevoked() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        f.foreign().mark();
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            List<String> row = PortalPages.patientRows(browser).get(0);
            String record = LauncherPages.recordIdOfRow(browser, 0);
            String patientName = row.get(1) + " " + row.get(0);

            OAuth1RequestToken first = f.restApp().requestToken(record);
            LauncherPages.openAuthorization(browser, first.getToken());
            LauncherPages.awaitConsent(browser);
            assertEquals(REST_NAME, LauncherPages.text(browser, "appName"));
            assertTrue(LauncherPages.text(browser, "consent:appAuthor").contains("Integration Tests Inc."));
            assertEquals(patientName, LauncherPages.text(browser, "patientName"));
            assertTrue(LauncherPages.text(browser, "requests").contains("Demographics (read)"));
            browser.screenshot("authorize-consent-page");
            LauncherPages.click(browser, "consent:approve");
            Map<String, String> callback = SecondOrigin.query(URI.create(
                    LauncherPages.awaitUrl(browser, f.apps().origin() + "/rest-app/after_auth")).getRawQuery());
            assertEquals(first.getToken(), callback.get("oauth_token"));
            OAuth1AccessToken access = f.restApp().service().getAccessToken(first, callback.get("oauth_verifier"));
            assertEquals(200, f.restApp().call(Verb.GET, "/records/" + enc(record) + "/demographics", access).statusCode());

            // Remembered: the next request token for the same patient is approved without asking.
            OAuth1RequestToken second = f.restApp().requestToken(record);
            LauncherPages.openAuthorization(browser, second.getToken());
            Map<String, String> silent = SecondOrigin.query(URI.create(
                    LauncherPages.awaitUrl(browser, f.apps().origin() + "/rest-app/after_auth")).getRawQuery());
            assertEquals(second.getToken(), silent.get("oauth_token"));
            assertTrue(silent.containsKey("oauth_verifier"));

            // Revoked on My approvals: the tokens stop working and the app must ask again.
            assertTrue(LauncherPages.listsApproval(browser, REST_NAME, patientName));
            browser.screenshot("my-approvals");
            LauncherPages.revoke(browser, REST_NAME, patientName);
            assertEquals(401, f.restApp().call(Verb.GET, "/records/" + enc(record) + "/demographics", access).statusCode());
            OAuth1RequestToken third = f.restApp().requestToken(record);
            LauncherPages.openAuthorization(browser, third.getToken());
            LauncherPages.awaitConsent(browser);
        }
    }

    @Test
    @Order(7)
    void denyingARestAppTellsItsCallbackTheUserRefusedAndTheTokenCannotBeExchanged() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        f.foreign().mark();
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            String record = LauncherPages.recordIdOfRow(browser, 3);
            OAuth1RequestToken token = f.restApp().requestToken(record);
            LauncherPages.openAuthorization(browser, token.getToken());
            LauncherPages.awaitConsent(browser);
            LauncherPages.click(browser, "consent:deny");
            Map<String, String> callback = SecondOrigin.query(URI.create(
                    LauncherPages.awaitUrl(browser, f.apps().origin() + "/rest-app/after_auth")).getRawQuery());
            assertEquals("user_refused", callback.get("oauth_problem"));
            assertFalse(callback.containsKey("oauth_verifier"));
            assertThrowsOAuth(() -> f.restApp().service().getAccessToken(token, "guessed-verifier"));
        }
    }

    @Test
    @Order(8)
    void theConsentPageAsksToSignInFirstAndIsNotUsableByAnotherAccount() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        f.foreign().mark();
        OAuth1RequestToken token = f.restApp().requestToken(f.recordB());
        try (Browser doctor = new Browser(); Browser nurse = new Browser()) {
            LauncherPages.signInVia(doctor, "/oauth/authorize?oauth_token=" + token.getToken(), DOCTOR, PASSWORD);
            LauncherPages.awaitConsent(doctor);
            assertEquals(REST_NAME, LauncherPages.text(doctor, "appName"));
            // The token is claimed by the doctor: the nurse cannot approve it.
            PortalPages.signIn(nurse, NURSE, PASSWORD);
            LauncherPages.openAuthorization(nurse, token.getToken());
            assertTrue(LauncherPages.errors(nurse).contains("another account"));
        }
    }

    // ---------------------------------------------------------------- standalone launch from outside

    @Test
    @Order(9)
    void anAppLaunchedFromOutsideGetsARecordChooserAndStartsForTheChosenRecord() throws Exception {
        Fixture f = fixture();
        f.apps().mark();
        f.foreign().mark();
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            List<String> row = PortalPages.patientRows(browser).get(1);
            String record = LauncherPages.recordIdOfRow(browser, 1);
            browser.open("/apps/" + enc(REST_APP) + "/launch");
            browser.screenshot("record-chooser");
            LauncherPages.chooseRecord(browser, row.get(0), record);
            String started = LauncherPages.awaitUrl(browser, f.apps().origin() + "/rest-app/index.html");
            Map<String, String> query = SecondOrigin.query(URI.create(started).getRawQuery());
            assertEquals(record, query.get("record_id"));
            assertEquals(TestServer.base() + "/api", query.get("api_base"));

            browser.open("/apps/" + enc("nobody-" + RUN + "@it.example.org") + "/launch");
            assertTrue(LauncherPages.errors(browser).contains("does not exist"));
        }
    }

    // ---------------------------------------------------------------- many calls at once

    @Test
    @Order(12)
    void anAppThatFiresTwelveCallsAtOnceRendersEveryAnswerWithinTwoSecondsAndTheOtherPatientIsRefused() throws Exception {
        Fixture f = fixture();
        String password = twelveCallsApp(f);
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, NURSE, PASSWORD);
            LauncherPages.addToLauncher(browser, TWELVE_APP);
            browser.open("/");
            String record = choosePatientOtherThan(browser, f.recordB());
            Instant start = Instant.now().minusSeconds(1);
            LauncherPages.launch(browser, TWELVE_APP);
            TwelveCallsApp.Rendered rendered = TwelveCallsApp.awaitRendered(browser, TWELVE_APP);
            browser.screenshot("launcher-twelve-calls");
            assertTwelveAnswers(password, rendered, record, "one app");
            assertAudited(password, NURSE, record, f.recordB(), start);
        }
    }

    @Test
    @Order(13)
    void twoCliniciansAppsFiringTwelveCallsEachAtTheSameTimeBothRenderEveryAnswerWithinTwoSeconds() throws Exception {
        Fixture f = fixture();
        String password = twelveCallsApp(f);
        try (Browser nurse = new Browser(); Browser doctor = new Browser()) {
            PortalPages.signIn(nurse, NURSE, PASSWORD);
            PortalPages.signIn(doctor, DOCTOR, PASSWORD);
            LauncherPages.addToLauncher(nurse, TWELVE_APP);
            LauncherPages.addToLauncher(doctor, TWELVE_APP);
            nurse.open("/");
            doctor.open("/");
            String nurseRecord = choosePatientOtherThan(nurse, f.recordB());
            String doctorRecord = choosePatientOtherThan(doctor, f.recordB());
            Instant start = Instant.now().minusSeconds(1);
            LauncherPages.clickApp(nurse, TWELVE_APP);
            LauncherPages.clickApp(doctor, TWELVE_APP);
            TwelveCallsApp.Rendered nurses = TwelveCallsApp.awaitRendered(nurse, TWELVE_APP);
            TwelveCallsApp.Rendered doctors = TwelveCallsApp.awaitRendered(doctor, TWELVE_APP);
            assertTwelveAnswers(password, nurses, nurseRecord, "the nurse's app, beside the doctor's");
            assertTwelveAnswers(password, doctors, doctorRecord, "the doctor's app, beside the nurse's");
            assertAudited(password, NURSE, nurseRecord, f.recordB(), start);
            assertAudited(password, DOCTOR, doctorRecord, f.recordB(), start);
        }
    }

    /** Installs the twelve-calls app once (its other patient is the fixture's record B); the admin password. */
    private static synchronized String twelveCallsApp(Fixture f) throws Exception {
        String password = TestServer.initialAdminPassword();
        if (!twelveCallsInstalled) {
            install(password, TwelveCallsApp.manifest(TWELVE_APP, "Twelve Calls " + RUN, f.apps().origin(), f.recordB()));
            twelveCallsInstalled = true;
        }
        return password;
    }

    /** Chooses the first patient of the picker who is not {@code other}; their record id. */
    private static String choosePatientOtherThan(Browser browser, String other) {
        PortalPages.patientRows(browser);
        int row = LauncherPages.recordIdOfRow(browser, 0).equals(other) ? 1 : 0;
        String record = LauncherPages.recordIdOfRow(browser, row);
        PortalPages.choosePatient(browser, row);
        return record;
    }

    /**
     * The eleven calls of the current patient answered with what the API gives the administrator for the same
     * path (200, the same characters) and name no other record; the other patient's call refused with no data;
     * the last answer rendered within 2 s of the app's start.
     */
    private static void assertTwelveAnswers(String password, TwelveCallsApp.Rendered rendered, String record, String which)
            throws Exception {
        int workers = TwelveCallsApp.httpWorkers();
        System.out.printf("Twelve calls (%s): all answers rendered %d ms after the app's start, %d ms after SMART.ready;"
                + " HTTP workers: %d; rendered at (ms): %s%n", which, rendered.sinceStartMs(), rendered.sinceReadyMs(), workers,
                rendered.answers().stream().map(a -> a.call() + "=" + a.renderedAtMs()).toList());
        assertEquals(12, rendered.answers().size(), rendered.answers().toString());
        for (var call : TwelveCallsApp.CALLS.entrySet()) {
            TwelveCallsApp.Answer answer = rendered.of(call.getKey());
            HttpResponse<String> direct = admin(password, "GET", "/records/" + enc(record) + "/" + call.getValue(), null);
            assertEquals(200, direct.statusCode(), call.getValue() + ": " + direct.body());
            assertEquals("ok", answer.status(), answer.toString());
            assertEquals("application/rdf+xml", answer.contentType(), answer.toString());
            assertEquals(direct.body().length(), answer.chars(), "the app got what the API has for the record: " + answer);
            assertTrue(answer.records().equals(record) || answer.records().equals("none") && answer.items() == 0,
                    "only the current patient's record: " + answer);
        }
        assertEquals(record, rendered.of("get_demographics").records());
        assertEquals(1, rendered.of("get_demographics").items());
        TwelveCallsApp.Answer other = rendered.of(TwelveCallsApp.OTHER_PATIENT);
        assertTrue(other.status().equals("403") || other.status().equals("401"), "another patient's record is refused: " + other);
        assertTrue(other.records().startsWith("none |"), "no record named: " + other);
        for (String marker : List.of("rdf:", "<?xml", "http://smartplatforms.org/terms", "vcard", "@context")) {
            assertFalse(other.records().contains(marker), other.toString());
        }
        assertTrue(rendered.sinceStartMs() <= 2000, "all 12 answers rendered within 2 s of the app's start (" + which
                + "), not " + rendered.sinceStartMs() + " ms (" + rendered.sinceReadyMs() + " ms after ready; " + workers
                + " HTTP workers)");
    }

    /** The audit trail names the app and the clinician for each of the calls, and for the refused one. */
    private static void assertAudited(String password, String clinician, String record, String otherRecord, Instant start)
            throws Exception {
        String query = "/admin/audit?account=" + enc(clinician) + "&app=" + enc(TWELVE_APP) + "&from=" + start + "&limit=500&record=";
        HttpResponse<String> own = admin(password, "GET", query + enc(record), null);
        assertEquals(200, own.statusCode(), own.body());
        List<JsonObject> events = json(own.body()).getJsonArray("events").getValuesAs(JsonObject.class);
        for (String call : TwelveCallsApp.CALLS.keySet()) {
            assertTrue(events.stream().anyMatch(e -> e.getString("call").equals(call) && e.getInt("status") == 200
                    && clinician.equals(e.getString("account", null)) && TWELVE_APP.equals(e.getString("app", null))),
                    call + " audited with the app and the clinician: " + events);
        }
        List<JsonObject> refused = json(admin(password, "GET", query + enc(otherRecord), null).body()).getJsonArray("events")
                .getValuesAs(JsonObject.class);
        assertTrue(refused.stream().anyMatch(e -> e.getInt("status") == 403 || e.getInt("status") == 401),
                "the refused call is audited with the app and the clinician: " + refused);
    }

    // ---------------------------------------------------------------- helpers

    private static void assertThrowsOAuth(ThrowingRunnable exchange) {
        try {
            exchange.run();
        } catch (Exception e) {
            return;
        }
        throw new AssertionError("the exchange of a denied request token succeeded");
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static HttpResponse<String> portal(String method, String path, String cookie, String csrf, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.base() + path)).timeout(WAIT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-SMART-Portal-CSRF", csrf);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject install(String password, String manifest) throws Exception {
        HttpResponse<String> installed = admin(password, "POST", "/admin/apps", manifest);
        assertEquals(201, installed.statusCode(), installed.body());
        return json(installed.body());
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

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Refusals are short texts: no RDF, no names, no record content. */
    private static void assertNoPatientData(HttpResponse<String> response) {
        String body = response.body();
        assertTrue(body.length() < 300, body);
        for (String marker : List.of("rdf:", "<?xml", "http://smartplatforms.org/terms", "vcard", "@context")) {
            assertFalse(body.contains(marker), body);
        }
    }
}
