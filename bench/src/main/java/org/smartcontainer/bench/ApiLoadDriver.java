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
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API load benchmark (see bench/README.md): against the server of {@code ./mvnw -Prun package} on this
 * machine, for each call (demographics, a typical patient's medications, the largest lab-results list) and each
 * number of clients (1, 8, 32), three runs side by side: requests signed with OAuth 1.0a HMAC-SHA1 by a
 * background app holding a helper token for the record (what an app does), the same requests as the
 * administrator with HTTP Basic (no signature to verify: the difference is the cost of verification), and a
 * static file with exactly the bytes of the response, served by the same server (the floor).
 *
 * <p>Set-up through the admin API: a background app is installed (and removed at the end), its helper token
 * for the record fetched; the static files go to a directory deployed as a web application
 * ({@code asadmin deploy}, context root {@code /bench-static}) and undeployed at the end. Not a test.
 */
public final class ApiLoadDriver {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String basic;

    private ApiLoadDriver(URI base, String basic) {
        this.base = base;
        this.basic = basic;
    }

    /** One measured run. */
    record Result(String mode, int clients, double perSecond, double p50, double p95, double p99, long requests, long failed) {
    }

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:8080";
        Path domain = Path.of(".payara/payara6/glassfish/domains/domain1");
        Path asadmin = Path.of(".payara/payara6/bin/asadmin");
        Path staticDir = Path.of("bench/target/static-floor");
        String record = "98719713";
        List<String> calls = new ArrayList<>(List.of("demographics", "medications/", "lab_results/"));
        List<String> modes = List.of("signed", "basic", "static");
        int seconds = 10;
        int[] clients = {1, 8, 32};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--domain" -> domain = Path.of(args[++i]);
                case "--asadmin" -> asadmin = Path.of(args[++i]);
                case "--record" -> record = args[++i];
                case "--calls" -> calls = List.of(args[++i].split(","));
                case "--modes" -> modes = List.of(args[++i].split(","));
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--base URL, --domain DIR,"
                        + " --asadmin FILE, --record ID, --calls demographics,medications/,lab_results/,"
                        + " --modes signed,basic,static, --seconds N, --clients 1,8,32)");
            }
        }
        URI baseUri = URI.create(base);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(baseUri.getHost())) {
            throw new IllegalArgumentException("Load goes to this machine only (localhost), not " + baseUri.getHost());
        }
        String password = Files.readString(domain.resolve("smart-data/initial-admin-password.txt")).trim();
        ApiLoadDriver driver = new ApiLoadDriver(baseUri, "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        driver.run(record, calls, modes, seconds, clients, asadmin, staticDir);
    }

    private void run(String record, List<String> calls, List<String> modes, int seconds, int[] clients, Path asadmin,
            Path staticDir) throws Exception {
        System.out.printf("Load on %s, record %s, %d s per run, %d cores here, load average at start: %s%n", base, record,
                seconds, Runtime.getRuntime().availableProcessors(), loadAverage());
        String appId = "bench-" + System.currentTimeMillis() + "@bench.localhost";
        Map<String, String> app = form(adminJson("POST", "/api/admin/apps", """
                {"id": "%s", "name": "Load driver", "description": "Benchmark background app", "mode": "background"}"""
                .formatted(appId)), true);
        Signer appSigner = new Signer(app.get("consumer_key"), app.get("consumer_secret"), "", "");
        boolean deployed = false;
        try {
            HttpResponse<String> tokenAnswer = send(signed(appSigner, "GET", "/api/apps/"
                    + URLEncoderLite.encode(appId) + "/tokens/records/" + record), HttpResponse.BodyHandlers.ofString());
            if (tokenAnswer.statusCode() != 200) {
                throw new IllegalStateException("Helper token: " + tokenAnswer.statusCode() + " " + tokenAnswer.body());
            }
            Map<String, String> token = form(tokenAnswer.body(), false);
            Signer tokenSigner = new Signer(appSigner.consumerKey, appSigner.consumerSecret, token.get("oauth_token"),
                    token.get("oauth_token_secret"));

            Map<String, byte[]> bodies = new LinkedHashMap<>();
            Files.createDirectories(staticDir.resolve("WEB-INF"));
            Files.writeString(staticDir.resolve("WEB-INF/web.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
                    """);
            for (String call : calls) {
                String path = "/api/records/" + record + "/" + call;
                HttpResponse<byte[]> probe = send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", basic)
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (probe.statusCode() != 200) {
                    throw new IllegalStateException(path + " -> " + probe.statusCode());
                }
                bodies.put(call, probe.body());
                Files.write(staticDir.resolve(staticName(call)), probe.body());
            }
            if (modes.contains("static")) {
                asadmin(asadmin, "deploy", "--force=true", "--name", "bench-static", "--contextroot", "bench-static",
                        staticDir.toAbsolutePath().toString());
                deployed = true;
            }
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (String call : calls) {
                String path = "/api/records/" + record + "/" + call;
                System.out.printf("%n%s (%,d bytes)%n", path, bodies.get(call).length);
                Map<String, Supplier<HttpRequest>> requests = new LinkedHashMap<>();
                requests.put("signed", () -> signed(tokenSigner, "GET", path));
                HttpRequest basicRequest = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", basic)
                        .timeout(Duration.ofSeconds(30)).GET().build();
                requests.put("basic", () -> basicRequest);
                HttpRequest staticRequest = HttpRequest.newBuilder(base.resolve("/bench-static/" + staticName(call)))
                        .timeout(Duration.ofSeconds(30)).GET().build();
                requests.put("static", () -> staticRequest);
                for (String mode : modes) {
                    HttpResponse<byte[]> check = send(requests.get(mode).get(), HttpResponse.BodyHandlers.ofByteArray());
                    if (check.statusCode() != 200 || check.body().length != bodies.get(call).length) {
                        throw new IllegalStateException(mode + " " + path + " -> " + check.statusCode() + ", "
                                + check.body().length + " bytes");
                    }
                    measure(requests.get(mode), 4, 2); // warm-up
                }
                List<Result> rows = new ArrayList<>();
                for (int n : clients) {
                    for (String mode : modes) {
                        Result r = measure(requests.get(mode), n, seconds);
                        rows.add(new Result(mode, n, r.perSecond, r.p50, r.p95, r.p99, r.requests, r.failed));
                        System.out.printf("  %-6s %2d clients: %,8.0f req/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms"
                                + "  (%,d requests, %d not 200)%n", mode, n, r.perSecond, r.p50, r.p95, r.p99, r.requests, r.failed);
                    }
                }
                results.put(path, rows);
            }
            System.out.printf("%nSummary (load average at end: %s)%n", loadAverage());
            System.out.println("| Call | Clients | Signed req/s | p50 / p95 / p99 ms | Basic req/s | Static req/s | Signed / static |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (var e : results.entrySet()) {
                for (int n : clients) {
                    Result s = find(e.getValue(), "signed", n);
                    Result b = find(e.getValue(), "basic", n);
                    Result f = find(e.getValue(), "static", n);
                    System.out.printf("| %s | %d | %s | %s | %s | %s | %s |%n", e.getKey(), n,
                            s == null ? "-" : String.format("%,.0f", s.perSecond),
                            s == null ? "-" : String.format("%.1f / %.1f / %.1f", s.p50, s.p95, s.p99),
                            b == null ? "-" : String.format("%,.0f", b.perSecond),
                            f == null ? "-" : String.format("%,.0f", f.perSecond),
                            s == null || f == null ? "-" : String.format("%.2f", s.perSecond / f.perSecond));
                }
            }
        } finally {
            if (deployed) {
                asadmin(asadmin, "undeploy", "bench-static");
            }
            adminJson("DELETE", "/api/admin/apps/" + URLEncoderLite.encode(appId), null);
        }
    }

    private static Result find(List<Result> rows, String mode, int clients) {
        return rows.stream().filter(r -> r.mode.equals(mode) && r.clients == clients).findFirst().orElse(null);
    }

    private static String staticName(String call) {
        return call.replaceAll("[^A-Za-z0-9]", "") + ".xml";
    }

    private Result measure(Supplier<HttpRequest> request, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicLong failed = new AtomicLong();
        List<Future<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            parts.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                while (System.nanoTime() < end && count < latencies.length) {
                    HttpRequest r = request.get(); // signing is the client's work, not timed
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
                    latencies[count++] = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> collected = new ArrayList<>();
        for (Future<long[]> part : parts) {
            collected.add(part.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = collected.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result("", clients, all.length / elapsed, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99), all.length, failed.get());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }

    private HttpRequest signed(Signer signer, String method, String path) {
        URI uri = base.resolve(path);
        return HttpRequest.newBuilder(uri).header("Authorization", signer.authorization(method, uri))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    private String adminJson(String method, String path, String json) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", basic);
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static void asadmin(Path asadmin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(asadmin.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed");
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The string values of a flat JSON object (enough for the admin API's answers) or a form body. */
    private static Map<String, String> form(String body, boolean json) {
        Map<String, String> values = new HashMap<>();
        if (json) {
            var m = java.util.regex.Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
            while (m.find()) {
                values.putIfAbsent(m.group(1), m.group(2));
            }
        } else {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    /** RFC 3986 percent-encoding as OAuth 1.0a wants it (unreserved characters kept). */
    static final class URLEncoderLite {
        private URLEncoderLite() {
        }

        static String encode(String s) {
            StringBuilder out = new StringBuilder();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                        || c == '_' || c == '~') {
                    out.append((char) c);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
            return out.toString();
        }
    }

    /** OAuth 1.0a HMAC-SHA1 signatures in the Authorization header (RFC 5849), a fresh nonce per request. */
    static final class Signer {
        final String consumerKey;
        final String consumerSecret;
        final String token;
        final String tokenSecret;

        Signer(String consumerKey, String consumerSecret, String token, String tokenSecret) {
            this.consumerKey = consumerKey;
            this.consumerSecret = consumerSecret;
            this.token = token;
            this.tokenSecret = tokenSecret;
        }

        String authorization(String method, URI uri) {
            TreeMap<String, String> oauth = new TreeMap<>();
            oauth.put("oauth_consumer_key", consumerKey);
            oauth.put("oauth_nonce", Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong()));
            oauth.put("oauth_signature_method", "HMAC-SHA1");
            oauth.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
            oauth.put("oauth_version", "1.0");
            if (!token.isEmpty()) {
                oauth.put("oauth_token", token);
            }
            List<String> params = new ArrayList<>();
            oauth.forEach((k, v) -> params.add(URLEncoderLite.encode(k) + "=" + URLEncoderLite.encode(v)));
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    params.add(URLEncoderLite.encode(k) + "=" + URLEncoderLite.encode(v));
                }
            }
            params.sort(null);
            String normalizedUrl = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + uri.getRawPath();
            String baseString = method + "&" + URLEncoderLite.encode(normalizedUrl) + "&"
                    + URLEncoderLite.encode(String.join("&", params));
            String signature;
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec((URLEncoderLite.encode(consumerSecret) + "&" + URLEncoderLite.encode(tokenSecret))
                        .getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
                signature = Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            oauth.put("oauth_signature", signature);
            StringBuilder header = new StringBuilder("OAuth ");
            oauth.forEach((k, v) -> header.append(k).append("=\"").append(URLEncoderLite.encode(v)).append("\", "));
            return header.substring(0, header.length() - 2);
        }
    }
}
