package org.smartcontainer.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The remote record store of the {@code it.backend=sparql} runs: a real Apache Jena Fuseki (the standalone server
 * jar the build copies to {@code target/fuseki}) as a child process of the test JVM on loopback
 * ({@code it.fuseki.port}, a free port if 0), with a persistent TDB2 dataset so that it can be stopped and started
 * again with its data. Started once, before the first deployment, stopped when the test JVM exits.
 */
final class SparqlBackend {

    private static SparqlBackend running;

    private final Path jar;
    private final Path database;
    private final Path log;
    private final int port;
    private Process process;

    private SparqlBackend(Path jar, Path database, int port) {
        this.jar = jar;
        this.database = database;
        this.port = port;
        this.log = database.resolveSibling("fuseki.log");
    }

    /** Whether this run's container uses the SPARQL store. */
    static boolean selected() {
        return "sparql".equals(System.getProperty("it.backend"));
    }

    /** The Fuseki of this run, started if it is not yet. */
    static synchronized SparqlBackend instance() {
        if (running == null) {
            try {
                Path jar = Path.of(System.getProperty("fuseki.jar", "target/fuseki/fuseki-server.jar"));
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("No Fuseki server jar at " + jar + " (the build copies it there)");
                }
                int port = Integer.getInteger("it.fuseki.port", 0);
                if (port == 0) {
                    try (ServerSocket free = new ServerSocket(0)) {
                        port = free.getLocalPort();
                    }
                }
                Path dir = jar.resolveSibling("run-" + System.currentTimeMillis());
                SparqlBackend fuseki = new SparqlBackend(jar, dir.resolve("tdb2"), port);
                fuseki.start();
                Runtime.getRuntime().addShutdownHook(new Thread(fuseki::stop));
                running = fuseki;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start Fuseki: " + e, e);
            }
        }
        return running;
    }

    /**
     * The container settings that select this store; queries wait 30 s at most (what the frozen-store test waits
     * for), updates (imports) 180 s, as this loaded shared build machine needs.
     */
    Map<String, String> containerSettings() {
        return Map.of("smart.records.backend", "sparql",
                "smart.records.sparql.query-url", "http://localhost:" + port + "/records/query",
                "smart.records.sparql.update-url", "http://localhost:" + port + "/records/update",
                "smart.records.sparql.connect-timeout-ms", "2000",
                "smart.records.sparql.read-timeout-ms", "30000",
                "smart.records.sparql.update-timeout-ms", "180000");
    }

    /** Starts the server and waits until it answers. */
    synchronized void start() throws IOException {
        Files.createDirectories(database);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString(), "--localhost",
                "--port", Integer.toString(port), "--tdb2", "--loc=" + database, "--update", "/records"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Fuseki exited with " + process.exitValue() + ", see " + log);
                }
                try {
                    HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/records/query?query=ASK%7B%7D"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (ping.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
        throw new IllegalStateException("Fuseki did not answer on port " + port + ", see " + log);
    }

    /** Freezes the server process (SIGSTOP): it keeps its connections but answers nothing, like a hung store. */
    synchronized void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a frozen server run again (SIGCONT). */
    synchronized void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed with " + exit);
        }
    }

    /** Stops the server the hard way, as a crash or a pulled cable would. */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
