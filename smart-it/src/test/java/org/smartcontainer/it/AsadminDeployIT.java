package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a hospital admin does: {@code asadmin deploy} of the built EAR onto a separately unpacked
 * Payara Server 6 (target/asadmin-check, its ports moved by +20000 so nothing else is disturbed).
 */
class AsadminDeployIT {

    private static final String HTTP_PORT = System.getProperty("asadmin-check.http.port", "28080");
    private static final StandaloneServer SERVER = new StandaloneServer(Path.of(System.getProperty(
            "asadmin-check.payara.home", "target/asadmin-check/payara6")), Integer.parseInt(HTTP_PORT));
    private static final String ADMIN_PORT = SERVER.adminPort();
    private static final String HTTP = "http://localhost:" + HTTP_PORT;

    @BeforeAll
    static void startServerAndDeployWithAsadmin() throws Exception {
        assertTrue(SERVER.unpacked(), "Payara unpacked at " + SERVER.domainDirectory());
        SERVER.asadmin(180, "start-domain", "domain1");
        SERVER.asadmin(300, "--port", ADMIN_PORT, "deploy", "--name", "smart", SmartEar.file().getAbsolutePath());
    }

    @AfterAll
    static void stopServer() throws Exception {
        SERVER.asadmin(120, "stop-domain", "domain1");
    }

    @Test
    void deployedEarServesTheApiThePortalAndHealth() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> manifest = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(HTTP + "/api/manifest")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, manifest.statusCode());
        assertTrue(manifest.body().contains("\"api_base\":\"" + HTTP + "/api\""), manifest.body());

        HttpResponse<String> health = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(HTTP + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());

        HttpResponse<String> login = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(HTTP + "/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
    }

    @Test
    void asadminListsTheApplicationWithItsModules() throws Exception {
        String applications = SERVER.asadmin(60, "--port", ADMIN_PORT, "list-applications", "--long");
        assertTrue(applications.contains("smart"), applications);
        String components = SERVER.asadmin(60, "--port", ADMIN_PORT, "list-sub-components", "smart");
        for (String module : List.of("smart-ejb.jar", "smart-api.war", "smart-ui.war", "smart-apps.war")) {
            assertTrue(components.contains(module), components);
        }
    }
}
