package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.Verb;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcontainer.accounts.Account;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.InitialAdmin;
import org.smartcontainer.accounts.Role;

/** The whole EAR deployed on a real Payara Server: modules, context roots, first start, health, metrics. */
@ExtendWith(ArquillianExtension.class)
class ContainerDeploymentIT {

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withTestClasses(ContainerDeploymentIT.class);
    }

    @EJB
    private AccountService accounts;

    @Test
    void firstStartCreatesExactlyOneAdministratorWithBothRoles() {
        Account admin = accounts.findByUsername(InitialAdmin.USERNAME).orElseThrow();
        assertTrue(admin.hasRole(Role.admin));
        assertTrue(admin.hasRole(Role.clinician));
        assertEquals(1, accounts.countWithRole(Role.admin));
    }

    @Test
    @RunAsClient
    void initialAdminPasswordIsInAFileOnlyTheServerUserCanRead() throws Exception {
        var file = TestServer.initialAdminPasswordFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(TestServer.initialAdminPassword().length() >= 20, "a long random password");
    }

    @Test
    @RunAsClient
    void manifestAnswersFromTheApiModuleWithItsApiBase() throws Exception {
        HttpResponse<String> response = TestServer.get(HttpClient.newHttpClient(), "/api/manifest");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject manifest = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(TestServer.base() + "/api", manifest.getString("api_base"));
        assertEquals(TestServer.base() + "/api/oauth/request_token",
                manifest.getJsonObject("launch_urls").getString("request_token"));
        assertTrue(manifest.containsKey("capabilities"));
        assertTrue(manifest.getString("smart_version").matches("\\d+(\\.\\d+){0,2}"));
    }

    @Test
    @RunAsClient
    void healthReportsTheDatabaseTheRecordStoreAndTheAuditTrailUp() throws Exception {
        HttpResponse<String> response = TestServer.get(HttpClient.newHttpClient(), "/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("UP", health.getString("status"));
        var checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals(Map.of("smart-database", "UP", "smart-record-store", "UP", "smart-audit", "UP"), checks);
        JsonObject audit = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("smart-audit")).findFirst().orElseThrow().getJsonObject("data");
        // Payara's MicroProfile Health writes the numbers of the data as JSON strings
        assertEquals("0", audit.get("deadLetters").toString().replace("\"", ""), audit.toString());
        assertTrue(audit.containsKey("backlog") && audit.containsKey("oldestPendingSeconds"), audit.toString());
    }

    @Test
    @RunAsClient
    void apiRefusesAnonymousCallersAndWrongPasswordsButAdmitsTheAdministrator() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = TestServer.get(client, "/api/admin/records/count");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").isPresent());

        HttpResponse<String> wrong = TestServer.get(client, "/api/admin/records/count",
                "Authorization", TestServer.basic(InitialAdmin.USERNAME, "not-the-password"));
        assertEquals(401, wrong.statusCode());

        HttpResponse<String> admin = TestServer.get(client, "/api/admin/records/count",
                "Authorization", TestServer.basic(InitialAdmin.USERNAME, TestServer.initialAdminPassword()));
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(Json.createReader(new StringReader(admin.body())).readObject().containsKey("records"));
    }

    /**
     * Java's default client offers the HTTP/2 cleartext upgrade (h2c) on http://; the listener does not take
     * it (scripts/production-listener.sh), and the answers come back at once over HTTP/1.1: the request's body
     * ends where HTTP/1.1 ends it, not with the connection (docs/operations.md, "HTTP listener settings").
     */
    @Test
    @RunAsClient
    void clientsOfferingH2cGetTheirHttp11AnswersPromptly() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String[][] calls = {{"GET", "/api/manifest", null, "200"}, {"GET", "/api/admin/records/count", null, "401"},
            {"POST", "/api/admin/records/count", "a=b", "401"}, {"GET", "/api/no-such-call", null, "404"},
            {"POST", "/api/no-such-call", "a=b", "404"}};
        for (String[] call : calls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(TestServer.base().resolve(call[1]))
                    .timeout(Duration.ofSeconds(10));
            request = call[2] == null ? request.GET()
                    : request.header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(call[2]));
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Integer.parseInt(call[3]), response.statusCode(), call[0] + " " + call[1]);
            assertEquals(HttpClient.Version.HTTP_1_1, response.version(), call[0] + " " + call[1]);
            assertTrue(millis < 5000, call[0] + " " + call[1] + " took " + millis + " ms");
        }
    }

    /**
     * An answer larger than the response buffer to a client that offers h2c: Grizzly used to write its head, while
     * the request was served, without Content-Type and without framing. It comes framed, with its type, the same
     * bytes as over plain HTTP/1.1; and the client's next request on it is answered (the edge's
     * UpgradeOfferResponse; docs/operations.md, "HTTP listener settings").
     */
    @Test
    @RunAsClient
    void aLargeAnswerToAClientOfferingH2cKeepsItsContentTypeAndLength() throws Exception {
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> plain = getBytes(http11, "/api/ontology");
        assertEquals(200, plain.statusCode());
        assertTrue(plain.body().length > 100_000, "the ontology is larger than a response buffer");
        for (int round = 0; round < 2; round++) {
            HttpResponse<byte[]> offered = getBytes(h2c, "/api/ontology");
            assertEquals(200, offered.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, offered.version());
            assertEquals(plain.headers().firstValue("Content-Type").orElseThrow(),
                    offered.headers().firstValue("Content-Type").orElse(""), "round " + round);
            assertEquals(String.valueOf(plain.body().length),
                    offered.headers().firstValue("Content-Length").orElse(""), "round " + round);
            assertArrayEquals(plain.body(), offered.body(), "round " + round);
        }
    }

    private static HttpResponse<byte[]> getBytes(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(TestServer.base().resolve(path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @RunAsClient
    void metricsCountAKnownWorkloadExactlyAndAreForAdministratorsOnly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String password = TestServer.initialAdminPassword();
        String appId = "metrics-" + Long.toString(System.currentTimeMillis(), 36) + "@it.example.org";
        HttpResponse<String> installed = admin(client, password, "POST", "/admin/apps", """
                {"id": "%s", "name": "Metrics IT", "description": "A background app", "mode": "background"}"""
                .formatted(appId));
        assertEquals(201, installed.statusCode(), installed.body());
        JsonObject app = Json.createReader(new StringReader(installed.body())).readObject();
        SmartClient helper = new SmartClient(app.getString("consumer_key"), app.getString("consumer_secret"));
        SmartClient forger = new SmartClient(app.getString("consumer_key"), "not-the-secret-0123456789abcdef");
        HttpResponse<String> first = helper.call(Verb.POST, "/apps/" + appId + "/tokens/records/first", null);
        assertEquals(200, first.statusCode(), "the first start seeded sample patients: " + first.body());
        Map<String, String> form = SmartClient.form(first.body());
        OAuth1AccessToken token = new OAuth1AccessToken(form.get("oauth_token"), form.get("oauth_token_secret"));
        String medications = "/records/" + form.get("smart_record_id") + "/medications/";

        String before = scrape(client, password);
        int reads = 7;
        int forged = 4;
        int anonymousScrapes = 3;
        int generated = 2;
        for (int i = 0; i < reads; i++) {
            assertEquals(200, helper.call(Verb.GET, medications, token).statusCode());
        }
        for (int i = 0; i < forged; i++) {
            assertEquals(401, forger.call(Verb.GET, medications, token).statusCode(), "a signature with the wrong secret");
        }
        for (int i = 0; i < anonymousScrapes; i++) {
            HttpResponse<String> anonymous = TestServer.get(client, "/api/admin/metrics");
            assertEquals(401, anonymous.statusCode());
            assertFalse(anonymous.body().contains("smart_api_requests"), "no figures without the admin role");
        }
        // sample patients of the default seed: the first start's records, imported once more
        HttpResponse<String> generate = admin(client, password, "POST", "/admin/records/generate?count=" + generated, "");
        assertEquals(200, generate.statusCode(), generate.body());
        String after = scrape(client, password);

        String call = "smart_api_requests_seconds_count{call=\"get_medications\",front=\"api\",status=";
        assertEquals(reads, delta(before, after, call + "\"200\"}"), after);
        assertEquals(forged, delta(before, after, call + "\"401\"}"), after);
        assertEquals(forged, delta(before, after, "smart_oauth_refusals_total{reason=\"invalid_signature\"}"), after);
        assertEquals(reads, delta(before, after, "smart_response_cache_hits_total")
                + delta(before, after, "smart_response_cache_misses_total"), "every signed read went through the cache");
        assertFalse(after.contains("/api/admin/metrics") || after.contains(form.get("smart_record_id")),
                "no path or record id in a label");
        JsonObject count = Json.createReader(new StringReader(admin(client, password, "GET", "/admin/records/count", null)
                .body())).readObject();
        assertEquals(count.getJsonNumber("records").longValue(), (long) value(after, "smart_records"));
        assertEquals(0, value(after, "smart_audit_dead_letters"));
        assertTrue(after.contains("\nsmart_audit_backlog "), "the audit backlog is exposed");
        assertEquals(generated, delta(before, after, "smart_records_imported_total"));
    }

    /** {@code GET /api/admin/metrics} as the administrator: the Prometheus text. */
    private static String scrape(HttpClient client, String password) throws Exception {
        HttpResponse<String> scrape = admin(client, password, "GET", "/admin/metrics", null);
        assertEquals(200, scrape.statusCode(), scrape.body());
        String type = scrape.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4"), type);
        return scrape.body();
    }

    /** The value of one series (name and labels exactly as exposed); 0 for a series not exposed yet. */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long delta(String before, String after, String series) {
        return Math.round(value(after, series) - value(before, series));
    }

    private static HttpResponse<String> admin(HttpClient client, String password, String method, String path,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SmartClient.API + path))
                .header("Authorization", TestServer.basic(InitialAdmin.USERNAME, password)).timeout(Duration.ofSeconds(60));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @RunAsClient
    void portalSendsStrangersToItsSignInPageWhichRenders() throws Exception {
        HttpClient client = TestServer.browserlessClient();
        HttpResponse<String> home = TestServer.get(client, "/");
        assertEquals(302, home.statusCode());
        assertTrue(home.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));

        HttpResponse<String> login = TestServer.get(client, "/login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("id=\"login:username\""));
        assertTrue(login.body().contains("id=\"login:password\""));
    }

    @Test
    @RunAsClient
    void administratorSignsInToThePortalWithTheInitialPassword() throws Exception {
        HttpClient client = TestServer.browserlessClient();
        HttpResponse<String> form = TestServer.get(client, "/login.xhtml");
        HttpResponse<String> signedIn = postLogin(client, form.body(), InitialAdmin.USERNAME, TestServer.initialAdminPassword());
        assertEquals(302, signedIn.statusCode(), signedIn.body());

        HttpResponse<String> home = TestServer.get(client, "/index.xhtml");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Signed in as admin"), home.body());
        assertTrue(home.body().contains("id=\"picker:patients\""), "the patient picker");
    }

    @Test
    @RunAsClient
    void wrongPortalPasswordShowsAnErrorAndNoPatientPage() throws Exception {
        HttpClient client = TestServer.browserlessClient();
        HttpResponse<String> form = TestServer.get(client, "/login.xhtml");
        HttpResponse<String> refused = postLogin(client, form.body(), InitialAdmin.USERNAME, "wrong-password");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Wrong user name or password."));
        assertFalse(refused.body().contains("id=\"picker:patients\""));
        assertEquals(302, TestServer.get(client, "/index.xhtml").statusCode());
    }

    private static HttpResponse<String> postLogin(HttpClient client, String formPage, String user, String password)
            throws Exception {
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(formPage);
        assertTrue(viewState.find(), "the sign-in form carries a view state");
        String body = Map.of("login", "login", "login:username", user, "login:password", password,
                        "login:signIn", "", "jakarta.faces.ViewState", viewState.group(1))
                .entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(TestServer.base().resolve("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
