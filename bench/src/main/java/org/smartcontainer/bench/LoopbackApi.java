package org.smartcontainer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A container on this machine as the benchmark drivers reach it: loopback only (anything else is refused), the
 * administrator's HTTP Basic credentials read from the domain's initial password file, OAuth-signed requests.
 */
final class LoopbackApi {

    private static final Pattern JSON_STRING = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * A client that prefers HTTP/2: on {@code http://} it offers the cleartext upgrade ({@code Upgrade: h2c}) on a new
     * connection and goes on in HTTP/2 when the server accepts it, else stays with HTTP/1.1.
     */
    final HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final URI base;
    /** The administrator's ({@code admin}) password, for signing in to the portal. */
    final String adminPassword;
    /** The {@code Authorization} header of the administrator (HTTP Basic). */
    final String basic;

    private LoopbackApi(URI base, String adminPassword) {
        this.base = base;
        this.adminPassword = adminPassword;
        this.basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The server at {@code base} (which must be this machine) with the administrator password of {@code domain}.
     */
    static LoopbackApi connect(String base, Path domain) throws IOException {
        URI baseUri = URI.create(base);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(baseUri.getHost())) {
            throw new IllegalArgumentException("Load goes to this machine only (localhost), not " + baseUri.getHost());
        }
        String password = Files.readString(domain.resolve("smart-data/initial-admin-password.txt")).trim();
        return new LoopbackApi(baseUri, password);
    }

    /** A request signed by {@code signer}, without a body. */
    HttpRequest signed(OAuthSigner signer, String method, String path) {
        return signed(signer, method, path, null, null);
    }

    /** A request signed by {@code signer}, with a body of the given media type (not part of the signature). */
    HttpRequest signed(OAuthSigner signer, String method, String path, String contentType, byte[] body) {
        URI uri = base.resolve(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", signer.authorization(method, uri))
                .timeout(Duration.ofSeconds(30));
        return withBody(b, method, contentType, body).build();
    }

    /** A request as the administrator (HTTP Basic). */
    HttpRequest asAdmin(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", basic)
                .timeout(Duration.ofSeconds(30));
        return withBody(b, method, contentType, body).build();
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder b, String method, String contentType, byte[] body) {
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    /** An admin API call with a JSON body (or none); anything but 2xx is an error. */
    String adminJson(String method, String path, String json) throws IOException {
        HttpResponse<String> r = send(asAdmin(method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The string values of a flat JSON object (enough for the admin API's answers). */
    static Map<String, String> jsonStrings(String body) {
        Map<String, String> values = new HashMap<>();
        var m = JSON_STRING.matcher(body);
        while (m.find()) {
            values.putIfAbsent(m.group(1), m.group(2));
        }
        return values;
    }

    /** Every string value of {@code key} in a JSON text, in order. */
    static List<String> jsonStrings(String body, String key) {
        List<String> values = new ArrayList<>();
        var m = JSON_STRING.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                values.add(m.group(2));
            }
        }
        return values;
    }

    /** The parameters of a form-encoded body (a token answer). */
    static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
