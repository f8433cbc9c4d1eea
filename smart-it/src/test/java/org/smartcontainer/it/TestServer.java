package org.smartcontainer.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

/** Facts about, and HTTP access to, the Payara Server that the tests run against. */
final class TestServer {

    private TestServer() {
    }

    /** Base URL of the test server's HTTP listener, e.g. http://localhost:18080 . */
    static URI base() {
        return URI.create("http://localhost:" + System.getProperty("it.http.port", "18080"));
    }

    /** The domain directory of the managed test server. */
    static Path domainDirectory() {
        return Path.of(System.getProperty("payara.home"), "glassfish", "domains", "domain1");
    }

    /** The file in which the first start left the administrator's password. */
    static Path initialAdminPasswordFile() {
        return domainDirectory().resolve("smart-data").resolve("initial-admin-password.txt");
    }

    /** The size of the test server's log, rotated files included. */
    static long serverLogBytes() throws IOException {
        try (Stream<Path> files = Files.list(domainDirectory().resolve("logs"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("server.log")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The administrator's password written at the first start. */
    static String initialAdminPassword() throws IOException {
        return Files.readString(initialAdminPasswordFile(), StandardCharsets.UTF_8).trim();
    }

    /** An HTTP client that keeps cookies and does not follow redirects. */
    static HttpClient browserlessClient() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** GET a path of the test server. */
    static HttpResponse<String> get(HttpClient client, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of an HTTP Basic Authorization header. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
