package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Cookie;

/**
 * The two-node cluster of scripts/cluster-up.sh (run by scripts/cluster-test.sh, not by the normal build):
 * two Payara Servers sharing PostgreSQL and a Hazelcast data grid behind one public address. Requests are
 * signed for the public address (smart.api.base of both nodes) and sent to one node or the other directly.
 *
 * <p>Records: each node has its own native record store, and both seeded the same sample patients; the
 * tokens, apps and nonces under test live in the shared database and data grid.
 *
 * <p>Portal sessions: the load balancer keeps a browser on one node (cookie SMARTNODE); the portal's sessions
 * are replicated through the data grid, so the other node takes over a signed-in session when that node is
 * gone. That test stops a node and starts it again, so it runs last.
 */
@EnabledIfSystemProperty(named = "it.cluster.node1", matches = "http.*")
@DisabledIfSystemProperty(named = "it.backend", matches = "sparql") // -Dit.test reaches failsafe's second execution too
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final URI PUBLIC = TestServer.base();
    private static final URI NODE1 = URI.create(System.getProperty("it.cluster.node1", "http://unset"));
    private static final URI NODE2 = URI.create(System.getProperty("it.cluster.node2", "http://unset"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static SmartClient helper;
    private static String helperId;

    @BeforeAll
    static void installABackgroundAppOnNodeOne() throws Exception {
        helperId = "cluster-helper-" + Long.toString(System.currentTimeMillis(), 36) + "@it.example.org";
        HttpResponse<String> installed = HTTP.send(HttpRequest.newBuilder(NODE1.resolve("/api/admin/apps"))
                .header("Authorization", TestServer.basic("admin", adminPassword()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id": "%s", "name": "Cluster helper", "description": "A background app", "mode": "background"}"""
                        .formatted(helperId)))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, installed.statusCode(), installed.body());
        JsonObject app = Json.createReader(new StringReader(installed.body())).readObject();
        helper = new SmartClient(app.getString("consumer_key"), app.getString("consumer_secret"));
    }

    @Test
    void theNodesAreTwoServersBehindOnePublicAddress() throws Exception {
        for (URI node : new URI[] {NODE1, NODE2, PUBLIC}) {
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(node.resolve("/api/manifest")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), node.toString());
        }
        assertTrue(NODE1.getPort() != NODE2.getPort() && NODE1.getPort() != PUBLIC.getPort());
    }

    @Test
    void anAppInstalledOnOneNodeSignsOnTheOther() throws Exception {
        HttpResponse<String> first = send(NODE2, signed(Verb.POST, "/apps/" + helperId + "/tokens/records/first", null, null));

        assertEquals(200, first.statusCode(), first.body());
        assertTrue(SmartClient.form(first.body()).containsKey("oauth_token"));
    }

    @Test
    void aTokenIssuedByOneNodeIsValidOnTheOther() throws Exception {
        Map<String, String> issued = SmartClient.form(send(NODE1,
                signed(Verb.POST, "/apps/" + helperId + "/tokens/records/first", null, null)).body());
        OAuth1AccessToken token = new OAuth1AccessToken(issued.get("oauth_token"), issued.get("oauth_token_secret"));
        String record = issued.get("smart_record_id");

        HttpResponse<String> onNode2 = send(NODE2, signed(Verb.GET, "/records/" + record + "/demographics", token, null));

        assertEquals(200, onNode2.statusCode(), onNode2.body());
        assertTrue(onNode2.body().contains("http://smartplatforms.org/terms"), "the record's demographics");
    }

    @Test
    void aNonceUsedOnOneNodeIsRefusedOnTheOther() throws Exception {
        String path = "/apps/" + helperId + "/tokens/records/first";
        OAuthRequest once = signed(Verb.POST, path, null, "cluster-nonce-" + System.nanoTime());

        assertEquals(200, send(NODE1, once).statusCode());
        HttpResponse<String> replayed = send(NODE2, once);

        assertEquals(401, replayed.statusCode(), replayed.body());
        assertTrue(!replayed.body().contains("oauth_token="), "no token for a replay");
        assertEquals(200, send(NODE2, signed(Verb.POST, path, null, "cluster-nonce-" + System.nanoTime())).statusCode(),
                "a fresh nonce is accepted on the same node");
    }

    /**
     * A session both nodes have served has a copy on each. Once it signs out through one node, its cookie (a
     * stale tab, a copied cookie) must sign nobody in on the other, although that node still holds its own
     * signed-in copy of the session and would write it back to the data grid (the load balancer normally
     * keeps a browser on one node; a failover, or a crafted cookie, brings it to the other).
     */
    @Test
    @Order(1)
    void aSessionSignedOutOnOneNodeIsSignedOutOnTheOther() throws Exception {
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, "admin", adminPassword());
            assertTrue(PortalPages.showsPatientList(browser), "signed in through the public address");
            String first = browser.driver().manage().getCookieNamed("SMARTNODE").getValue();
            String other = "node1".equals(first) ? "node2" : "node1";

            servedBy(browser, other);
            browser.open("/");
            assertTrue(PortalPages.showsPatientList(browser), "the other node knows the session too");
            servedBy(browser, first);
            browser.open("/");
            assertTrue(PortalPages.showsPatientList(browser), "and the first node still does: both hold a copy");

            servedBy(browser, other);
            browser.open("/");
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertNotNull(session, "the portal's session cookie");
            PortalPages.signOut(browser);

            for (String node : List.of(first, other)) {
                browser.driver().manage().deleteAllCookies();
                browser.driver().manage().addCookie(session);
                servedBy(browser, node);
                browser.open("/index.xhtml");
                browser.screenshot("cluster-signed-out-on-" + other + "-old-cookie-on-" + node);
                assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml"),
                        "the signed-out session's cookie on " + node + " is sent to sign in: " + browser.driver().getCurrentUrl());
                assertFalse(PortalPages.showsPatientList(browser));
            }
        }
    }

    /** Makes the load balancer send the browser's next requests to this node (its sticky cookie). */
    private static void servedBy(Browser browser, String node) {
        browser.driver().manage().deleteCookieNamed("SMARTNODE");
        browser.driver().manage().addCookie(new Cookie("SMARTNODE", node, "/"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aSignedInPortalSessionSurvivesTheLossOfItsNode() throws Exception {
        try (Browser browser = new Browser()) {
            PortalPages.signIn(browser, "admin", adminPassword());
            assertTrue(PortalPages.showsPatientList(browser), "signed in through the public address");
            PortalPages.patientRows(browser);
            PortalPages.choosePatient(browser, 0);
            String patient = PortalPages.text(browser, "bannerName");
            Cookie served = browser.driver().manage().getCookieNamed("SMARTNODE");
            assertNotNull(served, "the load balancer's sticky cookie");
            String node = served.getValue();
            browser.screenshot("cluster-before-failover-" + node);

            stopNode(node);
            try {
                browser.open("/");
                browser.screenshot("cluster-after-failover-" + node);
                String page = browser.driver().getPageSource();

                assertFalse(browser.driver().getCurrentUrl().contains("/login.xhtml"),
                        "not sent to sign in again: " + browser.driver().getCurrentUrl());
                assertTrue(PortalPages.showsPatientList(browser), "the patient list, as before; got: "
                        + page.substring(0, Math.min(page.length(), 2000)));
                assertEquals("Signed in as admin", PortalPages.text(browser, "signedInAs"));
                assertEquals(patient, PortalPages.text(browser, "bannerName"), "the chosen patient, kept in the session");
                Cookie now = browser.driver().manage().getCookieNamed("SMARTNODE");
                assertNotEquals(node, now == null ? null : now.getValue(), "served by the other node");
            } finally {
                startNode(node);
            }
        }
    }

    private static String adminPassword() throws Exception {
        return Files.readString(Path.of(System.getProperty("it.cluster.admin-password-file")), StandardCharsets.UTF_8).trim();
    }

    /** Stops a node's server as an operator would (asadmin stop-domain), waiting until it is gone. */
    private static void stopNode(String node) throws Exception {
        asadmin(node, "stop-domain", "domain1");
    }

    /** Starts the node again and waits until it answers, so that the cluster is whole for whatever runs next. */
    private static void startNode(String node) throws Exception {
        asadmin(node, "start-domain", "domain1");
        URI uri = "node1".equals(node) ? NODE1 : NODE2;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri.resolve("/api/manifest")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(2000);
        }
        throw new AssertionError(node + " did not come back within 10 minutes");
    }

    private static void asadmin(String node, String... command) throws Exception {
        Path dir = Path.of(System.getProperty("it.cluster.dir"));
        String port = System.getProperty("it.cluster." + node + ".admin-port");
        List<String> line = new ArrayList<>(List.of(
                dir.resolve(node).resolve("payara6/bin/asadmin").toString(), "--port", port));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(15, TimeUnit.MINUTES), "asadmin " + String.join(" ", command));
        assertEquals(0, process.exitValue(), "asadmin " + String.join(" ", command) + ": " + output);
    }

    /** Signed for the public address, as an app behind the load balancer signs. */
    private static OAuthRequest signed(Verb verb, String path, OAuth1AccessToken token, String nonce) {
        return helper.signed(verb, path, token, helper.service(0, nonce));
    }

    /** Sends a request signed for the public address to one node directly. */
    private static HttpResponse<String> send(URI node, OAuthRequest request) throws Exception {
        URI signedFor = URI.create(request.getCompleteUrl());
        URI target = URI.create(node.getScheme() + "://" + node.getRawAuthority() + signedFor.getRawPath()
                + (signedFor.getRawQuery() == null ? "" : "?" + signedFor.getRawQuery()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60));
        request.getHeaders().forEach(builder::header);
        byte[] body = request.getBodyParams().getParams().isEmpty() ? null : request.getByteArrayPayload();
        if (body != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        builder.method(request.getVerb().name(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
