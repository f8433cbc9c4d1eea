package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.smartcontainer.accounts.InitialAdmin;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.SmartOntology;

/**
 * A crash and a graceful stop under load, on a real server as an operator runs it (target/crash, started and
 * deployed with asadmin): 8 clients import patients and read, refused and unknown calls included, for a few
 * seconds; then the server's JVM gets SIGKILL (or {@code asadmin stop-domain} while the load runs) and is started
 * again. Afterwards (a) every import that was acknowledged is whole, (b) every import that was not (no answer,
 * or a 5xx while the server went down) is whole or absent, (c) every data request that the application
 * answered, allowed or refused (2xx, 401, 403, 404), has its audit event, (d) no answer was a server failure (a
 * stopping server refuses with 503 and Retry-After while it drains), (e) no answered import took effect without its
 * audit event, and (f) a stop drains the requests before the record store and the audit trail close. A 503 answered
 * while the server stops served no data; such answers are counted in the report, not looked for in the trail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashAndStopIT {

    private static final StandaloneServer SERVER = new StandaloneServer(
            Path.of(System.getProperty("crash.payara.home", "target/crash/payara6")),
            Integer.parseInt(System.getProperty("crash.http.port", "38080")));
    private static final SmartOntology ONTOLOGY = SmartOntology.loadDefault();
    private static final IRI TOTAL = SimpleValueFactory.getInstance()
            .createIRI("http://smartplatforms.org/terms/api#totalResultCount");
    private static final String APP_ID = "crash-test@apps.smartcontainer.org";
    /** Record ids that never exist: the 404s of the load. */
    private static final List<String> MISSING = List.of("crash-missing-1", "crash-missing-2");
    private static final int WRITERS = 3;
    private static final int READERS = 5;
    /** Each client stops after this many requests, and every client after this long, whatever happens. */
    private static final int MAX_REQUESTS_PER_CLIENT = 2000;
    private static final Duration MAX_LOAD = Duration.ofSeconds(90);
    private static final Duration LOAD_BEFORE_CRASH = Duration.ofSeconds(
            Long.getLong("crash.load-seconds", 6));
    private static final Duration START_LIMIT = Duration.ofSeconds(240);
    /** The server log's lines that begin each step of the application's shutdown. */
    private static final List<String> SHUTDOWN_STEPS = List.of("The application stops: new requests are refused",
            "Requests drained in", "Closed the record store", "Audit trail closed");

    /** When the kill or the stop was issued ({@link System#nanoTime()}). */
    private static long interruptedAt;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    private static String admin;
    private static OAuth10aService foreignApp;
    /** The sample patients the clients import, by file name: the file's bytes and its statements per collection. */
    private static final Map<String, Patient> PATIENTS = new LinkedHashMap<>();
    private static final List<String> REPORT = new CopyOnWriteArrayList<>();
    /** Part of every record id, so that a second run on the same server (no clean) imports new records. */
    private static final String RUN = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

    record Patient(byte[] rdfXml, Map<String, Integer> statementsPerCollection) {
    }

    /**
     * One request of the load and what came of it: {@code status} -1 is no answer; {@code answeredAt} its
     * {@link System#nanoTime()}; {@code patient} the imported file, null for a read.
     */
    record Exchange(String method, String path, String recordId, String patient, int status, String contentType,
            String retryAfter, long answeredAt) {
        boolean answered() {
            return status > 0;
        }

        /**
         * A success or a refusal by the application, which always names the media type of its answer. Not: a 5xx (the
         * server failed or was going down, no data served) or an answer without a body's media type (while a stop
         * unloads the web module, Payara answered a few requests with an empty 200 after a
         * ConcurrentModificationException in StandardContext.fireRequestInitializedEvent: the application never saw them).
         */
        boolean answeredByTheApplication() {
            return status >= 200 && status < 500 && !contentType.equals("-");
        }

        boolean acknowledgedImport() {
            return patient != null && status / 100 == 2 && contentType.startsWith("application/json");
        }

        String auditKey() {
            return method + " " + path + " " + status;
        }

        /** A failure of the server, not the refusal of a stopping (or overloaded) one: a 5xx other than 503 + Retry-After. */
        boolean serverFailure() {
            return status >= 500 && !(status == 503 && !retryAfter.equals("-"));
        }
    }

    @BeforeAll
    static void startDeployAndPrepare() throws Exception {
        assertTrue(SERVER.unpacked(), "no Payara Server unpacked for this test: " + SERVER.domainDirectory());
        long start = System.nanoTime();
        SERVER.start();
        SERVER.deploy(SmartEar.file().toPath().toAbsolutePath());
        String password = Files.readString(SERVER.domainDirectory().resolve("smart-data/initial-admin-password.txt")).trim();
        admin = TestServer.basic(InitialAdmin.USERNAME, password);
        SERVER.awaitOk("/api/admin/records/count", admin, START_LIMIT);
        REPORT.add("start + deploy: " + seconds(System.nanoTime() - start));
        foreignApp = installForeignApp();
        try (Stream<Path> files = Files.list(SamplePatients.folder())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().limit(12).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                Model model = Rio.parse(new ByteArrayInputStream(bytes), "urn:sample:", RDFFormat.RDFXML);
                Map<String, Integer> counts = new TreeMap<>();
                for (ApiCall call : recordCollections()) {
                    counts.put(call.path(), SamplePatients.statementsOf(model, call.target()).size());
                }
                PATIENTS.put(file.getFileName().toString(), new Patient(bytes, counts));
            }
        }
    }

    @AfterAll
    static void stopAndReadTheLog() throws Exception {
        try {
            if (SERVER.running()) {
                SERVER.stop();
            }
        } finally {
            Map<String, Long> severe = severeRecords(SERVER.logLines());
            REPORT.add("SEVERE records in server.log: " + severe.values().stream().mapToLong(Long::longValue).sum());
            severe.forEach((record, count) -> REPORT.add(String.format("%5d x %s", count, record)));
            System.out.println("---- CrashAndStopIT ----\n" + String.join("\n", REPORT));
        }
    }

    @Test
    @Order(1)
    void afterAKillEveryAcknowledgedWriteIsWholeAndEveryAnsweredRequestAudited() throws Exception {
        int logBefore = SERVER.logLines().size();
        List<Exchange> exchanges = loadThen("kill", () -> {
            long pid = SERVER.pid();
            SERVER.kill();
            return "SIGKILL to " + pid;
        });
        restartAndCheck("kill", exchanges, logBefore);
    }

    @Test
    @Order(2)
    void afterAStopUnderLoadEveryAcknowledgedWriteIsWholeAndEveryAnsweredRequestAudited() throws Exception {
        int logBefore = SERVER.logLines().size();
        List<Exchange> exchanges = loadThen("stop", () -> {
            long start = System.nanoTime();
            SERVER.stop();
            return "asadmin stop-domain took " + seconds(System.nanoTime() - start);
        });
        restartAndCheck("stop", exchanges, logBefore);
    }

    interface Interruption {
        String run() throws Exception;
    }

    /** Runs the load, interrupts the server while it runs, and returns every request with its outcome. */
    private static List<Exchange> loadThen(String scenario, Interruption interruption) throws Exception {
        List<Exchange> exchanges = new CopyOnWriteArrayList<>();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(WRITERS + READERS);
        long deadline = System.nanoTime() + MAX_LOAD.toNanos();
        AtomicBoolean interrupted = new AtomicBoolean();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < WRITERS + READERS; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                Random random = new Random(client);
                List<String> patients = List.copyOf(PATIENTS.keySet());
                for (int n = 0; n < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; n++) {
                    Exchange exchange = client < WRITERS
                            ? importPatient(scenario + "-" + RUN + "-" + client + "-" + n,
                                    patients.get((client * 7 + n) % patients.size()))
                            : read(random, acknowledged);
                    exchanges.add(exchange);
                    if (exchange.acknowledgedImport()) {
                        acknowledged.add(exchange.recordId());
                    }
                    // once the server is going down, a client stops at its first request it does not serve
                    if (interrupted.get() && (!exchange.answered() || exchange.status() >= 500)) {
                        return null;
                    }
                }
                return null;
            }));
        }
        Thread.sleep(LOAD_BEFORE_CRASH.toMillis());
        long answeredBefore = exchanges.stream().filter(Exchange::answered).count();
        interrupted.set(true);
        interruptedAt = System.nanoTime();
        REPORT.add(scenario + ": " + interruption.run() + ", issued after " + answeredBefore + " answered requests ("
                + acknowledged.size() + " imports acknowledged)");
        for (Future<?> client : done) {
            client.get(MAX_LOAD.toSeconds() + 30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        return exchanges;
    }

    private static void restartAndCheck(String scenario, List<Exchange> exchanges, int logBefore) throws Exception {
        long start = System.nanoTime();
        SERVER.start();
        long started = System.nanoTime();
        Duration ready = SERVER.awaitOk("/api/admin/records/count", admin, START_LIMIT);
        REPORT.add(scenario + ": start-domain " + seconds(started - start) + ", then the API answered after "
                + seconds(ready.toNanos()) + " more");
        List<String> log = SERVER.logLines().stream().skip(logBefore).toList();
        log.stream().filter(l -> l.contains("record store") || l.contains("audit events")).limit(10)
                .forEach(l -> REPORT.add(scenario + ": log: " + l.strip()));
        List<String> shutdown = shutdownSteps(log);
        REPORT.add(scenario + ": shutdown steps in the log: " + shutdown);
        REPORT.add(scenario + ": SEVERE records logged from the load to the restart: "
                + severeRecords(log).values().stream().mapToLong(Long::longValue).sum());

        List<Exchange> answered = exchanges.stream().filter(Exchange::answeredByTheApplication).toList();
        List<Exchange> imports = exchanges.stream().filter(e -> e.patient() != null).toList();
        Map<String, Long> statuses = exchanges.stream().collect(Collectors.groupingBy(e -> e.status() + " " + e.contentType(),
                TreeMap::new, Collectors.counting()));
        REPORT.add(scenario + ": " + exchanges.size() + " requests " + statuses + "; imports: "
                + imports.stream().filter(Exchange::acknowledgedImport).count() + " acknowledged, "
                + imports.stream().filter(e -> !e.acknowledgedImport()).count() + " not");
        exchanges.stream().filter(e -> e.answered() && !e.answeredByTheApplication() && e.status() < 500).limit(5)
                .forEach(e -> REPORT.add(scenario + ": not the application's answer: " + e.auditKey() + " (answered "
                        + (e.answeredAt() - interruptedAt) / 1_000_000 + " ms after the " + scenario + " was issued)"));

        long checks = System.nanoTime();
        // the audit first: the checks below read records, which adds events
        Map<String, Long> trail = new LinkedHashMap<>();
        List<Exchange> unaudited = unaudited(answered, trail);
        List<String> unwhole = new ArrayList<>();
        List<String> halfPresent = new ArrayList<>();
        List<String> presentUnacknowledged = new ArrayList<>();
        // a write that took effect although its answer was a failure: only a crash may leave it unaudited, never an answer
        List<String> unauditedWrites = new ArrayList<>();
        for (Exchange i : imports) {
            String state = recordState(i);
            if (i.acknowledgedImport() && !state.equals("whole")) {
                unwhole.add(i.recordId() + " (" + i.status() + "): " + state);
            } else if (!i.acknowledgedImport() && !state.equals("whole") && !state.equals("absent")) {
                halfPresent.add(i.recordId() + " (" + i.status() + "): " + state);
            } else if (!i.acknowledgedImport() && state.equals("whole")) {
                long audited = trail.entrySet().stream().filter(e -> e.getKey().startsWith("PUT " + i.path() + " "))
                        .mapToLong(Map.Entry::getValue).sum();
                presentUnacknowledged.add(i.recordId() + " (" + i.status() + ", audit events of the PUT: " + audited + ")");
                if (i.answered() && audited == 0) {
                    unauditedWrites.add(i.recordId() + " (" + i.status() + ")");
                }
            }
        }
        REPORT.add(scenario + ": checks took " + seconds(System.nanoTime() - checks));
        REPORT.add(scenario + ": (a) acknowledged imports not whole: " + unwhole.size() + "; (b) unacknowledged imports "
                + "half-present: " + halfPresent.size() + ", whole: " + presentUnacknowledged + "; (c) audit events missing: "
                + unaudited.size() + " of " + answered.size() + " answered data requests" + ages(unaudited));
        unaudited.stream().limit(20).forEach(e -> REPORT.add("  missing: " + e.auditKey() + " (answered "
                + (interruptedAt - e.answeredAt()) / 1_000_000 + " ms before the " + scenario + ")"));
        List<String> failures = exchanges.stream().filter(Exchange::serverFailure).map(e -> e.auditKey() + " (answered "
                + (e.answeredAt() - interruptedAt) / 1_000_000 + " ms after the " + scenario + " was issued)").toList();
        assertAll(
                () -> {
                    if (scenario.equals("stop")) {
                        assertDrainedFirst(shutdown);
                    }
                },
                () -> assertEquals(List.of(), failures, "(d) no server failure: a stopping server answers 503 + Retry-After"),
                () -> assertEquals(List.of(), unwhole, "(a) every acknowledged import whole"),
                () -> assertEquals(List.of(), halfPresent, "(b) no unacknowledged import half-present"),
                () -> assertEquals(List.of(), unauditedWrites, "(e) no answered import took effect without its audit event"),
                (Executable) () -> assertEquals(List.of(), unaudited.stream().map(Exchange::auditKey).toList(),
                        "(c) every answered data request audited: " + unaudited.size() + " of " + answered.size()
                                + " events missing" + ages(unaudited)));
    }

    /**
     * The steps of the application's shutdown that the log shows, each once, in the order of the log: the drain
     * ({@code RequestDrain}) must come first; the record store and the audit trail close in either order after it.
     */
    private static List<String> shutdownSteps(List<String> log) {
        return log.stream().map(String::strip).flatMap(line -> SHUTDOWN_STEPS.stream().filter(line::startsWith))
                .distinct().toList();
    }

    /** A stop's shutdown: every step in the log, the drain's two first. */
    private static void assertDrainedFirst(List<String> shutdown) {
        assertEquals(Set.copyOf(SHUTDOWN_STEPS), Set.copyOf(shutdown), "(f) every step of the shutdown logged");
        assertEquals(SHUTDOWN_STEPS.subList(0, 2), shutdown.subList(0, 2),
                "(f) the requests drained before the record store and the audit trail close");
    }

    /** How long before the interruption the unaudited requests were answered (negative: after it was issued). */
    private static String ages(List<Exchange> unaudited) {
        if (unaudited.isEmpty()) {
            return "";
        }
        LongSummaryStatistics ages = unaudited.stream().mapToLong(e -> (interruptedAt - e.answeredAt()) / 1_000_000)
                .summaryStatistics();
        return " (answered " + ages.getMin() + " to " + ages.getMax() + " ms before the interruption was issued)";
    }

    // ---- the load ---------------------------------------------------------------------------------------------

    private static Exchange importPatient(String recordId, String patient) {
        String path = "/admin/records/" + recordId;
        HttpRequest request = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", admin).header("Content-Type", "application/rdf+xml")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PATIENTS.get(patient).rdfXml())).build();
        return exchange("PUT", path, recordId, patient, request);
    }

    /** A read of an acknowledged record (admin, 200), unsigned (401), by an app without a token (403), or of a missing record (404). */
    private static Exchange read(Random random, List<String> acknowledged) {
        int kind = random.nextInt(5);
        if (acknowledged.isEmpty() || kind == 4) {
            String recordId = MISSING.get(random.nextInt(MISSING.size()));
            String path = "/records/" + recordId + "/demographics";
            return exchange("GET", path, recordId, null, get(path).header("Authorization", admin).build());
        }
        String recordId = acknowledged.get(random.nextInt(acknowledged.size()));
        List<ApiCall> collections = recordCollections();
        String path = collections.get(random.nextInt(collections.size())).path().replace("{record_id}", recordId);
        HttpRequest request = switch (kind) {
            case 2 -> get(path).build();
            case 3 -> {
                OAuthRequest signed = new OAuthRequest(Verb.GET, api(path).toString());
                foreignApp.signRequest(new OAuth1AccessToken("", ""), signed);
                HttpRequest.Builder b = get(path);
                signed.getHeaders().forEach(b::header);
                yield b.build();
            }
            default -> get(path).header("Authorization", admin).build();
        };
        return exchange("GET", path, recordId, null, request);
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(60)).GET();
    }

    private static Exchange exchange(String method, String path, String recordId, String patient, HttpRequest request) {
        try {
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            return new Exchange(method, path, recordId, patient, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("-"),
                    response.headers().firstValue("Retry-After").orElse("-"), System.nanoTime());
        } catch (IOException e) {
            return new Exchange(method, path, recordId, patient, -1, e.getClass().getSimpleName(), "-", System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(method, path, recordId, patient, -1, "interrupted", "-", System.nanoTime());
        }
    }

    // ---- the checks -------------------------------------------------------------------------------------------

    /** "whole", "absent" or what is wrong: every collection of the record holds exactly the file's statements, or none exists. */
    private static String recordState(Exchange imported) throws Exception {
        Map<String, Integer> expected = PATIENTS.get(imported.patient()).statementsPerCollection();
        List<String> differences = new ArrayList<>();
        int found = 0;
        int missing = 0;
        HttpResponse<String> demographics = send(get("/records/" + imported.recordId() + "/demographics")
                .header("Authorization", admin).build());
        if (demographics.statusCode() == 200) {
            found++;
        } else if (demographics.statusCode() == 404) {
            missing++;
        } else {
            differences.add("demographics " + demographics.statusCode());
        }
        for (Map.Entry<String, Integer> collection : expected.entrySet()) {
            String path = collection.getKey().replace("{record_id}", imported.recordId());
            HttpResponse<String> response = send(get(path).header("Authorization", admin)
                    .header("Accept", "application/rdf+xml").build());
            if (response.statusCode() == 404) {
                missing++;
                continue;
            }
            if (response.statusCode() != 200) {
                differences.add(path + " " + response.statusCode());
                continue;
            }
            found++;
            Model model = Rio.parse(new StringReader(response.body()), SERVER.base() + "/api/", RDFFormat.RDFXML);
            int total = Models.objectLiteral(model.filter(null, TOTAL, null)).map(Literal::intValue).orElse(-1);
            if (total != collection.getValue()) {
                differences.add(path + ": " + total + " of " + collection.getValue());
            }
        }
        if (found > 0 && missing > 0) {
            differences.add(found + " parts present, " + missing + " absent");
        }
        return !differences.isEmpty() ? String.join("; ", differences) : missing > 0 ? "absent" : "whole";
    }

    /**
     * The answered requests whose audit event is not in the trail: per record, the events of each method, path and
     * status are counted. {@code trail} receives every event found, counted by method, path and status.
     */
    private static List<Exchange> unaudited(List<Exchange> answered, Map<String, Long> trail) throws Exception {
        Map<String, List<Exchange>> byRecord = answered.stream().collect(Collectors.groupingBy(Exchange::recordId,
                TreeMap::new, Collectors.toList()));
        List<Exchange> missing = new ArrayList<>();
        for (Map.Entry<String, List<Exchange>> record : byRecord.entrySet()) {
            Map<String, Long> found = auditEvents(record.getKey()).stream().collect(Collectors.groupingBy(
                    Function.identity(), Collectors.counting()));
            trail.putAll(found);
            Map<String, List<Exchange>> expected = record.getValue().stream().collect(Collectors.groupingBy(
                    Exchange::auditKey));
            expected.forEach((key, requests) -> {
                long lacking = requests.size() - found.getOrDefault(key, 0L);
                // the latest answers of a key are the ones whose events a crash can lose
                requests.stream().sorted(Comparator.comparingLong(Exchange::answeredAt).reversed()).limit(Math.max(0, lacking))
                        .forEach(missing::add);
            });
        }
        return missing;
    }

    /** The audit trail's events of one record as "method path status", from the admin API. */
    private static List<String> auditEvents(String recordId) throws Exception {
        List<String> events = new ArrayList<>();
        for (int offset = 0; offset < 20_000; offset += 500) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(api("/admin/audit?record=" + recordId
                    + "&limit=500&offset=" + offset)).header("Authorization", admin).timeout(Duration.ofSeconds(60)).build());
            assertEquals(200, response.statusCode(), response.body());
            JsonObject page = Json.createReader(new StringReader(response.body())).readObject();
            for (JsonValue event : page.getJsonArray("events")) {
                JsonObject e = event.asJsonObject();
                events.add(e.getString("method") + " " + e.getString("path") + " " + e.getInt("status"));
            }
            if (offset + 500 >= page.getJsonNumber("total").longValue()) {
                break;
            }
        }
        return events;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static URI api(String path) {
        return SERVER.base().resolve("/api" + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<ApiCall> recordCollections() {
        return ONTOLOGY.calls().stream().filter(c -> "record".equals(c.category()) && "GET".equals(c.httpMethod())
                && c.multiple()).toList();
    }

    /** Installs a UI app through the admin API: signing two-legged it may not read records (403). */
    private static OAuth10aService installForeignApp() throws Exception {
        String manifest = """
                {"name": "Crash test", "description": "Crash test app", "author": "IT", "id": "%s", "version": "1",
                 "mode": "ui", "scope": "record", "index": "http://localhost/crash/index.html",
                 "icon": "http://localhost/crash/icon.png", "smart_version": "0.6"}""".formatted(APP_ID);
        HttpResponse<String> installed = send(HttpRequest.newBuilder(api("/admin/apps")).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(manifest)).build());
        if (installed.statusCode() == 409 || installed.statusCode() / 100 == 4 && installed.body().contains("already")) {
            installed = send(HttpRequest.newBuilder(api("/admin/apps/" + APP_ID + "/secret")).header("Authorization", admin)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        assertTrue(installed.statusCode() / 100 == 2, installed.statusCode() + " " + installed.body());
        String secret = Json.createReader(new StringReader(installed.body())).readObject().getString("consumer_secret");
        return new ServiceBuilder(APP_ID).apiSecret(secret).build(new DefaultApi10a() {
            @Override
            public String getRequestTokenEndpoint() {
                return api("/oauth/request_token").toString();
            }

            @Override
            public String getAccessTokenEndpoint() {
                return api("/oauth/access_token").toString();
            }

            @Override
            protected String getAuthorizationBaseUrl() {
                return SERVER.base() + "/oauth/authorize";
            }
        });
    }

    /** The SEVERE records of the log, by logger and first message line (incident ids and numbers blanked), counted. */
    static Map<String, Long> severeRecords(List<String> lines) {
        Map<String, Long> records = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("[SEVERE]")) {
                String logger = lines.get(i).replaceFirst(".*\\[SEVERE\\] \\[[^]]*\\] \\[([^]]*)\\].*", "$1");
                String message = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
                String cause = i + 2 < lines.size() && !lines.get(i + 2).startsWith("[20") ? " | " + lines.get(i + 2).strip() : "";
                String key = (logger + ": " + message + cause).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…")
                        .replaceAll("\\d+", "N");
                records.merge(key.length() > 240 ? key.substring(0, 240) : key, 1L, Long::sum);
            }
        }
        return records;
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
