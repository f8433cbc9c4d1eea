package org.smartcontainer.records;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Apache Jena Fuseki (the standalone server jar the build copies to {@code target/fuseki}) run as a child
 * process on a loopback port with a persistent TDB2 dataset {@code /records}: it can be stopped and started
 * again with its data, as a remote store that goes down and comes back.
 */
final class FusekiServer implements AutoCloseable {

    private final Path jar;
    private final Path database;
    private final int port;
    private final Path log;
    private Process process;

    FusekiServer(Path database) throws IOException {
        this.jar = Path.of(System.getProperty("fuseki.jar", "target/fuseki/fuseki-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No Fuseki server jar at " + jar + " (the build copies it there)");
        }
        this.database = database;
        this.port = freePort(System.getProperty("fuseki.ports", ""));
        this.log = database.resolveSibling("fuseki-" + port + ".log");
    }

    /**
     * A free loopback port: from the range {@code fuseki.ports} ({@code first-last}) when it is set (builds that share
     * a machine give each its own range), else any free port.
     */
    private static int freePort(String range) throws IOException {
        if (range.isBlank()) {
            try (ServerSocket free = new ServerSocket(0)) {
                return free.getLocalPort();
            }
        }
        String[] bounds = range.strip().split("-", 2);
        int first = Integer.parseInt(bounds[0].strip());
        int last = bounds.length > 1 ? Integer.parseInt(bounds[1].strip()) : first;
        for (int candidate = first; candidate <= last; candidate++) {
            try (ServerSocket free = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return free.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("No free port in fuseki.ports=" + range);
    }

    String queryUrl() {
        return "http://localhost:" + port + "/records/query";
    }

    String updateUrl() {
        return "http://localhost:" + port + "/records/update";
    }

    /** Starts the server and waits until it answers. */
    FusekiServer start() throws IOException, InterruptedException {
        Files.createDirectories(database);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", jar.toString(), "--localhost",
                "--port", Integer.toString(port), "--tdb2", "--loc=" + database, "--update", "/records"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Fuseki exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(URI.create(queryUrl() + "?query=ASK%7B%7D"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ping.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        stop();
        throw new IllegalStateException("Fuseki did not answer on port " + port + " within 90 s");
    }

    /** How many requests to a path the server has logged so far. */
    long requests(String path) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("POST http://localhost:" + port + path)).count();
        }
    }

    /** Waits (up to 30 s) until the server has logged the n-th request to a path. */
    void awaitRequests(String path, long n) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (requests(path) < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Fuseki did not receive request " + n + " to " + path);
            }
            Thread.sleep(5);
        }
    }

    /** Stops the server the hard way (as a crash or a pulled cable would). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
