package org.smartcontainer.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A separately unpacked Payara Server that a test drives as an operator does: {@code asadmin start-domain},
 * {@code deploy}, {@code stop-domain}, and a {@code kill -9} of the server's JVM. Its ports were moved by
 * {@code scripts/payara-ports.sh}, so the admin port follows from the HTTP port.
 */
final class StandaloneServer {

    private final Path home;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    StandaloneServer(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** e.g. http://127.0.0.1:38080 */
    URI base() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    String adminPort() {
        return Integer.toString(httpPort - 8080 + 4848);
    }

    Path domainDirectory() {
        return home.resolve("glassfish/domains/domain1");
    }

    /** Whether the server is unpacked (by the build's pre-integration-test phase). */
    boolean unpacked() {
        return Files.isExecutable(home.resolve("bin/asadmin"));
    }

    /** Whether asadmin sees the domain running. */
    boolean running() throws IOException, InterruptedException {
        return run(60, false, "list-domains").contains("domain1 running");
    }

    /** {@code asadmin start-domain}, never on a running domain (that would start a second JVM and lose the pid file). */
    void start() throws IOException, InterruptedException {
        if (!running()) {
            asadmin(300, "start-domain", "domain1");
        }
    }

    void deploy(Path ear) throws IOException, InterruptedException {
        asadmin(300, "--port", adminPort(), "deploy", "--force=true", "--name", "smart", ear.toString());
    }

    /** {@code asadmin stop-domain}: the graceful stop. */
    void stop() throws IOException, InterruptedException {
        asadmin(180, "stop-domain", "domain1");
    }

    /** The server JVM's process id, from the domain's pid file. */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(domainDirectory().resolve("config/pid")).trim());
    }

    /** SIGKILL to the server JVM; returns once the process is gone. */
    void kill() throws Exception {
        ProcessHandle server = ProcessHandle.of(pid()).orElseThrow(() -> new AssertionError("no server process"));
        if (!server.destroyForcibly()) {
            throw new AssertionError("could not kill " + server.pid());
        }
        server.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Waits until {@code path} answers 200 (with the given Authorization, or none); returns how long that took. */
    Duration awaitOk(String path, String authorization, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(20));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not answer 200 within " + limit + ": " + last);
    }

    /** The lines of the server's log files (server.log and rotated ones), oldest file first. */
    List<String> logLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(domainDirectory().resolve("logs"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log"))
                    .sorted((a, b) -> a.getFileName().toString().equals("server.log") ? 1
                            : b.getFileName().toString().equals("server.log") ? -1 : a.compareTo(b))
                    .toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /** Runs asadmin with these arguments; returns its output, and fails unless it succeeds in time. */
    String asadmin(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        return run(timeoutSeconds, true, args);
    }

    private String run(int timeoutSeconds, boolean mustSucceed, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mustSucceed && process.exitValue() != 0) {
            throw new AssertionError("asadmin " + String.join(" ", args) + " failed:\n" + output);
        }
        return output;
    }
}
