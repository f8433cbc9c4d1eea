package org.smartcontainer.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fetching a manifest from a URL an administrator typed: http(s) only, bounded in time and size. */
class ManifestDownloadTest {

    /** A loopback port of this helper's range (43500-43599). */
    private static final int PORT = Integer.getInteger("manifest.test.port", 43517);
    private static final String MANIFEST = "{\"id\": \"x@apps.example.org\", \"name\": \"X\"}";

    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
        server.createContext("/manifest.json", exchange -> {
            byte[] body = MANIFEST.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/huge.json", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length announced
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[8192];
                for (int i = 0; i < 20; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: the client stops reading at the limit
            }
        });
        server.createContext("/slow.json", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/missing.json", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }

    @Test
    void aManifestIsFetchedAsText() throws Exception {
        assertEquals(MANIFEST, new ManifestDownload().fetch(url("/manifest.json")));
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefused() {
        var e = assertThrows(ManifestDownload.DownloadException.class,
                () -> new ManifestDownload(Duration.ofSeconds(5), 64 * 1024).fetch(url("/huge.json")));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsGivenUpOn() {
        long start = System.nanoTime();
        var e = assertThrows(ManifestDownload.DownloadException.class,
                () -> new ManifestDownload(Duration.ofMillis(500), 1024).fetch(url("/slow.json")));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        assertTrue(System.nanoTime() - start < 2_500_000_000L, "gave up well before the server answered");
    }

    @Test
    void anErrorStatusIsReported() {
        var e = assertThrows(ManifestDownload.DownloadException.class, () -> new ManifestDownload().fetch(url("/missing.json")));
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void onlyHttpAndHttpsUrlsAreFetched() {
        for (String bad : new String[] {"file:///etc/passwd", "ftp://example.org/m.json", "jar:file:/x!/y",
            "javascript:alert(1)", "/relative/manifest.json", "http:///nohost", "", "not a url"}) {
            assertThrows(ManifestDownload.DownloadException.class, () -> ManifestDownload.checked(bad), bad);
        }
    }
}
