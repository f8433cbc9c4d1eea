package org.smartcontainer.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load run: N clients for a given time, each sending one request after the other and waiting for its
 * answer; the latencies (the request is built, and signed, before the clock starts), the answers other than 200 by
 * status (0: no answer in the request's timeout) and the calls slower than a stall threshold.
 */
final class ClosedLoopLoad {

    /** What a run measured. */
    record Outcome(double perSecond, double p50, double p95, double p99, double max, long requests, Map<Integer, Long> errors,
            long stalls) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ClosedLoopLoad() {
    }

    /**
     * Runs {@code clients} clients for {@code seconds}; client c's k-th request is {@code requests.apply(c).apply(k)}.
     * A call slower than {@code stallMillis} counts as a stall.
     */
    static Outcome run(HttpClient http, IntFunction<IntFunction<HttpRequest>> requests, int clients, int seconds, long stallMillis)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long stallNanos = stallMillis * 1_000_000L;
        Map<Integer, Long> errors = new ConcurrentHashMap<>();
        AtomicLong stalls = new AtomicLong();
        List<Future<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            IntFunction<HttpRequest> client = requests.apply(c);
            parts.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                while (System.nanoTime() < end && count < latencies.length) {
                    HttpRequest r = client.apply(count);
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(r, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                    } catch (IOException e) {
                        status = 0;
                    }
                    long took = System.nanoTime() - t0;
                    latencies[count++] = took;
                    if (status != 200) {
                        errors.merge(status, 1L, Long::sum);
                    }
                    if (took > stallNanos) {
                        stalls.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> collected = new ArrayList<>();
        try {
            for (Future<long[]> part : parts) {
                collected.add(part.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = collected.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Outcome(all.length / elapsed, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length, new TreeMap<>(errors), stalls.get());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }
}
