package org.smartcontainer.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The SMART Connect passthrough under load (see bench/README.md, "SMART Connect passthrough"): N browsers' worth of
 * concurrent Connect calls, each client a clinician's portal session with an app launched for the record, sending
 * {@code GET /smart_passthrough/records/{id}/...} with its Connect token as the portal's host script does, side by
 * side with the same reads signed with OAuth 1.0a by a background app's helper token straight to {@code /api}, at 1,
 * 8, 32 and 64 concurrent calls. Each client sends one call after the other, going round the record's calls
 * (demographics, medications, problems, lab results, vital signs, allergies). Per run: throughput, p50/p99/max
 * latency, errors (anything but 200, by status; no answer within 30 s counts as status 0) and stalls (calls that took
 * more than 5 s). Not a test.
 *
 * <p>Set-up through the admin API and the portal: a background app and a record-scope UI app are installed (removed
 * at the end); the administrator (a clinician too) signs in once per client, and each client launches the UI app
 * for the record before each run (a new app instance, a new Connect token). The portal allows an app instance
 * {@code smart.connect.calls-per-minute} calls (600 by default): the server under test needs it raised
 * (bench/connect.sh does), or most passthrough calls are answered 429.
 */
public final class ConnectLoadDriver {

    private static final long STALL_MILLIS = 5_000;

    private final LoopbackApi api;

    private ConnectLoadDriver(LoopbackApi api) {
        this.api = api;
    }

    /** One measured run of one mode at one concurrency. */
    record Result(String mode, int clients, double perSecond, double p50, double p99, double max, long requests,
            Map<Integer, Long> errors, long stalls) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:8080";
        Path domain = Path.of(".payara/payara6/glassfish/domains/domain1");
        String record = "98719713";
        List<String> calls = List.of("demographics", "medications/", "problems/", "lab_results/", "vital_sign_sets/", "allergies/");
        int seconds = 10;
        int[] clients = {1, 8, 32, 64};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--domain" -> domain = Path.of(args[++i]);
                case "--record" -> record = args[++i];
                case "--calls" -> calls = List.of(args[++i].split(","));
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--base URL, --domain DIR,"
                        + " --record ID, --calls demographics,medications/,..., --seconds N, --clients 1,8,32,64)");
            }
        }
        new ConnectLoadDriver(LoopbackApi.connect(base, domain)).run(record, calls, seconds, clients);
    }

    private void run(String record, List<String> calls, int seconds, int[] clients) throws Exception {
        System.out.printf("SMART Connect passthrough against direct signed calls on %s, record %s, %d s per run, calls %s,"
                + " %d cores here, load average at start: %s%n", api.base, record, seconds, calls,
                Runtime.getRuntime().availableProcessors(), LoopbackApi.loadAverage());
        String uiApp = "connect-bench-" + System.currentTimeMillis() + "@bench.localhost";
        api.adminJson("POST", "/api/admin/apps", """
                {"id": "%s", "name": "Connect load driver", "description": "Benchmark UI app, never framed", "mode": "ui",
                 "scope": "record", "index": "http://127.0.0.1:9/connect-bench/index.html",
                 "icon": "http://127.0.0.1:9/connect-bench/icon.svg"}""".formatted(uiApp));
        try (BackgroundApp app = BackgroundApp.install(api, "connect-bench-direct", "Connect load driver (direct)")) {
            OAuthSigner direct = app.helperToken(record);
            int most = Arrays.stream(clients).max().orElse(1);
            List<PortalSession> sessions = signIn(most);
            System.out.printf("%d portal sessions signed in (%s)%n", sessions.size(), LoopbackApi.loadAverage());
            List<String> paths = calls.stream().map(c -> "/records/" + record + "/" + c).toList();
            for (String path : paths) {
                check(api.signed(direct, "GET", "/api" + path), "direct " + path);
                check(sessions.get(0).passthrough(path, sessions.get(0).launch(api.client, uiApp, record)), "passthrough " + path);
            }
            // warm-up of both paths
            measure("passthrough", passthroughRequests(sessions, uiApp, record, paths, 4), 4, 3);
            measure("direct", directRequests(direct, paths), 4, 3);

            List<Result> results = new ArrayList<>();
            for (int n : clients) {
                for (Result r : List.of(measure("passthrough", passthroughRequests(sessions, uiApp, record, paths, n), n, seconds),
                        measure("direct", directRequests(direct, paths), n, seconds))) {
                    results.add(r);
                    print(r);
                }
            }
            System.out.printf("%nSummary (load average at end: %s)%n", LoopbackApi.loadAverage());
            System.out.println("| Concurrent calls | Path | Calls/s | p50 / p99 / max ms | Errors | Stalls (> 5 s) | Direct / passthrough calls/s |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int n : clients) {
                Result p = find(results, "passthrough", n);
                Result d = find(results, "direct", n);
                for (Result r : List.of(p, d)) {
                    System.out.printf("| %d | %s | %,.0f | %.1f / %.1f / %,.0f | %s | %d | %s |%n", n, r.mode, r.perSecond, r.p50, r.p99,
                            r.max, r.errorCount() == 0 ? "0" : r.errorCount() + " " + r.errors, r.stalls,
                            r == p ? String.format("%.2f", d.perSecond / Math.max(p.perSecond, 0.001)) : "");
                }
            }
        } finally {
            api.adminJson("DELETE", "/api/admin/apps/" + OAuthSigner.percentEncode(uiApp), null);
        }
    }

    /** {@code count} portal sessions of the administrator, signed in 8 at a time (each renders the patient list). */
    private List<PortalSession> signIn(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PortalSession>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.add(pool.submit(() -> PortalSession.signIn(api.base, "admin", api.adminPassword)));
            }
            List<PortalSession> sessions = new ArrayList<>();
            for (Future<PortalSession> session : pending) {
                sessions.add(session.get());
            }
            return sessions;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Client c's k-th request: session c's app instance (launched now, before the clock starts), call k mod the calls. */
    private IntFunction<IntFunction<HttpRequest>> passthroughRequests(List<PortalSession> sessions, String uiApp, String record,
            List<String> paths, int clients) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tokens.add(sessions.get(c).launch(api.client, uiApp, record));
        }
        return c -> k -> sessions.get(c).passthrough(paths.get((c + k) % paths.size()), tokens.get(c));
    }

    /** Client c's k-th request: call k mod the calls, signed now (the signing is not timed). */
    private IntFunction<IntFunction<HttpRequest>> directRequests(OAuthSigner direct, List<String> paths) {
        return c -> k -> api.signed(direct, "GET", "/api" + paths.get((c + k) % paths.size()));
    }

    private void check(HttpRequest request, String what) throws Exception {
        HttpResponse<byte[]> answer = api.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(what + " -> " + answer.statusCode() + " " + new String(answer.body()));
        }
    }

    private static void print(Result r) {
        System.out.printf("  %-11s %2d concurrent: %,8.0f calls/s  p50 %7.1f ms  p99 %7.1f ms  max %,8.0f ms  (%,d calls, errors %s,"
                + " %d stalls)%n", r.mode, r.clients, r.perSecond, r.p50, r.p99, r.max, r.requests, r.errors, r.stalls);
    }

    private static Result find(List<Result> rows, String mode, int clients) {
        return rows.stream().filter(r -> r.mode.equals(mode) && r.clients == clients).findFirst().orElseThrow();
    }

    private Result measure(String mode, IntFunction<IntFunction<HttpRequest>> requests, int clients, int seconds) throws Exception {
        ClosedLoopLoad.Outcome o = ClosedLoopLoad.run(api.client, requests, clients, seconds, STALL_MILLIS);
        return new Result(mode, clients, o.perSecond(), o.p50(), o.p99(), o.max(), o.requests(), o.errors(), o.stalls());
    }
}
