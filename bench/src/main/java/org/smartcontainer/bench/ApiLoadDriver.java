package org.smartcontainer.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

    private final LoopbackApi api;

    private ApiLoadDriver(LoopbackApi api) {
        this.api = api;
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
        ApiLoadDriver driver = new ApiLoadDriver(LoopbackApi.connect(base, domain));
        driver.run(record, calls, modes, seconds, clients, asadmin, staticDir);
    }

    private void run(String record, List<String> calls, List<String> modes, int seconds, int[] clients, Path asadmin,
            Path staticDir) throws Exception {
        System.out.printf("Load on %s, record %s, %d s per run, %d cores here, load average at start: %s%n", api.base,
                record, seconds, Runtime.getRuntime().availableProcessors(), LoopbackApi.loadAverage());
        boolean deployed = false;
        try (BackgroundApp app = BackgroundApp.install(api, "bench", "Load driver")) {
            OAuthSigner tokenSigner = app.helperToken(record);

            Map<String, byte[]> bodies = new LinkedHashMap<>();
            Files.createDirectories(staticDir.resolve("WEB-INF"));
            Files.writeString(staticDir.resolve("WEB-INF/web.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
                    """);
            for (String call : calls) {
                String path = "/api/records/" + record + "/" + call;
                HttpResponse<byte[]> probe = api.send(api.asAdmin("GET", path, null, null),
                        HttpResponse.BodyHandlers.ofByteArray());
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
                requests.put("signed", () -> api.signed(tokenSigner, "GET", path));
                HttpRequest basicRequest = api.asAdmin("GET", path, null, null);
                requests.put("basic", () -> basicRequest);
                HttpRequest staticRequest = HttpRequest.newBuilder(api.base.resolve("/bench-static/" + staticName(call)))
                        .timeout(Duration.ofSeconds(30)).GET().build();
                requests.put("static", () -> staticRequest);
                for (String mode : modes) {
                    HttpResponse<byte[]> check = api.send(requests.get(mode).get(), HttpResponse.BodyHandlers.ofByteArray());
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
            System.out.printf("%nSummary (load average at end: %s)%n", LoopbackApi.loadAverage());
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
        }
    }

    private static Result find(List<Result> rows, String mode, int clients) {
        return rows.stream().filter(r -> r.mode.equals(mode) && r.clients == clients).findFirst().orElse(null);
    }

    private static String staticName(String call) {
        return call.replaceAll("[^A-Za-z0-9]", "") + ".xml";
    }

    private Result measure(Supplier<HttpRequest> request, int clients, int seconds) throws Exception {
        ClosedLoopLoad.Outcome o = ClosedLoopLoad.run(api.client, c -> k -> request.get(), clients, seconds, Long.MAX_VALUE / 1_000_000L);
        return new Result("", clients, o.perSecond(), o.p50(), o.p95(), o.p99(), o.requests(), o.errorCount());
    }

    /** Runs {@code asadmin} with the arguments; anything but exit status 0 is an error. */
    static void asadmin(Path asadmin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(asadmin.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed");
        }
    }
}
