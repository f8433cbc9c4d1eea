package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a hospital admin does: {@code asadmin deploy} of the built EAR onto a separately unpacked
 * Payara Server 6 (target/asadmin-check, its ports moved by +20000 so nothing else is disturbed).
 */
class AsadminDeployIT {

    private static final Path PAYARA = Path.of(System.getProperty("asadmin-check.payara.home",
            "target/asadmin-check/payara6"));
    private static final String HTTP_PORT = System.getProperty("asadmin-check.http.port", "28080");
    /** payara-ports.sh moves every port by the same offset: the admin port is 4848 plus the HTTP port's offset. */
    private static final String ADMIN_PORT = Integer.toString(Integer.parseInt(HTTP_PORT) - 8080 + 4848);
    private static final String HTTP = "http://localhost:" + HTTP_PORT;

    @BeforeAll
    static void startServerAndDeployWithAsadmin() throws Exception {
        assertTrue(Files.isExecutable(asadmin()), "Payara unpacked at " + PAYARA);
        asadmin(180, "start-domain", "domain1");
        asadmin(300, "--port", ADMIN_PORT, "deploy", "--name", "smart", SmartEar.file().getAbsolutePath());
    }

    @AfterAll
    static void stopServer() throws Exception {
        asadmin(120, "stop-domain", "domain1");
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
        String applications = asadmin(60, "--port", ADMIN_PORT, "list-applications", "--long");
        assertTrue(applications.contains("smart"), applications);
        String components = asadmin(60, "--port", ADMIN_PORT, "list-sub-components", "smart");
        for (String module : List.of("smart-ejb.jar", "smart-api.war", "smart-ui.war", "smart-apps.war")) {
            assertTrue(components.contains(module), components);
        }
    }

    private static Path asadmin() {
        return PAYARA.resolve("bin").resolve("asadmin");
    }

    private static String asadmin(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(asadmin().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), "asadmin " + String.join(" ", args) + ":\n" + output);
        return output;
    }
}
