package org.smartcontainer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load driver for the SMART API of a server on this machine (loopback only): N clients each send
 * one request after the other for a fixed time, then throughput and latency percentiles are printed.
 * Requests authenticate as the administrator (HTTP Basic) until the benchmark signs with OAuth.
 * Not a test; run with {@code bench/load.sh}.
 */
public final class ApiLoadDriver {

    private ApiLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:8080";
        Path passwordFile = Path.of(".payara/payara6/glassfish/domains/domain1/smart-data/initial-admin-password.txt");
        int seconds = 10;
        List<String> paths = new ArrayList<>();
        int[] clients = {1, 8, 32};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--password-file" -> passwordFile = Path.of(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--path" -> paths.add(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (--base URL, --password-file FILE, --seconds N, --clients 1,8,32, --path /api/... repeated)");
            }
        }
        URI baseUri = URI.create(base);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(baseUri.getHost())) {
            throw new IllegalArgumentException("Load goes to this machine only (localhost), not " + baseUri.getHost());
        }
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + Files.readString(passwordFile).trim()).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("Load on %s, %d s per run, %d cores here%n", base, seconds, Runtime.getRuntime().availableProcessors());
        for (String path : paths) {
            HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path)).header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<byte[]> probe = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf("%n%s -> %d, %,d bytes%n", path, probe.statusCode(), probe.body().length);
            run(client, request, 1, 3); // warm-up
            for (int n : clients) {
                run(client, request, n, seconds);
            }
        }
    }

    private static void run(HttpClient client, HttpRequest request, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                while (System.nanoTime() < end && count < latencies.length) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies[count++] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] part = result.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf("  %2d clients: %,8.0f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%,d requests, %d not 200)%n",
                clients, all.length / (double) seconds, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99), all.length, errors.get());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }
}
