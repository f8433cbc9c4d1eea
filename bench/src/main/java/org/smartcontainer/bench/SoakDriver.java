package org.smartcontainer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak benchmark (see bench/README.md, "Soak"): for a fixed time, N clients (default 32) visit the patients of
 * the server one after the other with OAuth-signed reads (several calls per visit), clinical-note POSTs, scratchpad
 * PUTs and requests the access rules refuse; one more thread sends hostile inputs at a low rate (over-long ids, NUL
 * and control characters, encoded slashes and dots, bad UTF-8, SPARQL, SQL and HTML fragments); in the middle the
 * server's PostgreSQL is stopped for a while and started again. Afterwards it reports the requests by kind and
 * status class, the 5xx outside and inside the outage, whether the audit trail holds exactly one event for every
 * data request answered (by who, call and status), the heap after a full collection at fixed intervals, the
 * readiness figures and what the server log gained.
 *
 * <p>Against a server of its own ({@code bench/soak.sh} sets it up): loopback only, every loop bounded by time
 * and count. Not a test: it measures and reports, and exits 1 when a figure breaks a promise (a 5xx outside the
 * outage, an audit count that differs).
 */
public final class SoakDriver {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
    private static final Pattern LOG_RECORD = Pattern.compile("^\\[(\\d{4}-\\d\\d-\\d\\dT[^\\]]*)\\] \\[[^\\]]*\\] \\[([A-Z]+)\\]");
    private static final Pattern AUDIT_CHECK = Pattern.compile("\\{[^{}]*\"name\"\\s*:\\s*\"smart-audit\"[^{}]*\"data\"\\s*:\\s*(\\{[^{}]*\\})");

    /** What a request was for; the report counts requests by kind. */
    enum Kind {
        READ("signed read"), NOTE("signed clinical-note POST"), SCRATCHPAD("scratchpad PUT (administrator)"),
        REFUSED("signed, refused by the access rules"), FUZZ_SIGNED("hostile input, signed"),
        FUZZ_ANONYMOUS("hostile input, unsigned");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One request and what it must leave in the audit trail: {@code who} ({@code app}: the driver's app,
     * {@code admin}, {@code anonymous}, {@code signed-hostile}: the app with hostile input) and {@code call} (the
     * call name of a patient-data route, else null).
     */
    record Planned(Kind kind, HttpRequest request, String who, String call) {
    }

    /** A 5xx or a request without answer (status 0): when it was sent and answered, what it was. */
    record Failure(long sent, long answered, int status, Kind kind, String path) {
        boolean during(long outageStart, long outageEnd) {
            return answered >= outageStart && sent <= outageEnd;
        }

        @Override
        public String toString() {
            return CLOCK.format(Instant.ofEpochMilli(answered)) + " " + (status == 0 ? "no answer" : status) + " " + kind
                    + " " + (path.length() > 100 ? path.substring(0, 100) + "..." : path);
        }
    }

    /** A data call of a record and the call name the audit trail gives it. */
    record ReadCall(String path, String call) {
    }

    private static final List<ReadCall> READS = List.of(new ReadCall("demographics", "get_demographics"),
            new ReadCall("medications/", "get_medications"), new ReadCall("problems/", "get_problems"),
            new ReadCall("lab_results/", "get_lab_results"), new ReadCall("vital_sign_sets/", "get_vital_sign_sets"),
            new ReadCall("allergies/", "get_allergies"), new ReadCall("clinical_notes/", "get_clinical_notes"),
            new ReadCall("encounters/", "get_encounters"), new ReadCall("immunizations/", "get_immunizations"),
            new ReadCall("procedures/", "get_procedures"), new ReadCall("fulfillments/", "get_fulfillments"),
            new ReadCall("social_history", "get_social_history"));

    // options
    private String base = "http://localhost:30080";
    private Path domain = Path.of(".soak/payara6/glassfish/domains/domain1");
    private int minutes = 30;
    private int clients = 32;
    /** The clients (the first ones) whose HTTP client offers the h2c upgrade; -1: a quarter of them. */
    private int h2cClients = -1;
    private int thinkMs = 20;
    private double fuzzPerSecond = 3;
    private int outageSeconds = 20;
    private long seed = 1;
    private long maxRequests = 20_000_000;
    private Path postgresqlScript = Path.of("scripts/postgresql.sh");
    private Path postgresqlDir = Path.of(".soak/postgresql");
    private int postgresqlPort = 61432;
    private String psql = "psql";
    private Path report;

    private LoopbackApi api;
    private BackgroundApp app;
    private final Map<String, OAuthSigner> tokens = new TreeMap<>();
    private List<String> records;
    private long startMs;
    private long endMs;

    // what happened
    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> expectedEvents = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLongArray readLatencyMs = new AtomicLongArray(30_001);
    private AtomicLongArray perMinute;
    private AtomicLongArray perMinuteFailures;
    private volatile long outageStart = Long.MAX_VALUE;
    private volatile long outageEnd = Long.MAX_VALUE;
    private final List<String> readiness = new ArrayList<>();
    private volatile String lastReadyState = "";
    private final AtomicLong maxBacklog = new AtomicLong();
    private final List<String[]> heapRows = new ArrayList<>();
    private final AtomicLong noteCount = new AtomicLong();
    /** Requests sent by the clients that offer h2c, and those of them answered in HTTP/2. */
    private final LongAdder h2cOffered = new LongAdder();
    private final LongAdder h2cAnswered = new LongAdder();

    public static void main(String[] args) throws Exception {
        SoakDriver driver = new SoakDriver();
        driver.parse(args);
        System.exit(driver.run() ? 0 : 1);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--domain" -> domain = Path.of(args[++i]);
                case "--minutes" -> minutes = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--h2c-clients" -> h2cClients = Integer.parseInt(args[++i]);
                case "--think-ms" -> thinkMs = Integer.parseInt(args[++i]);
                case "--fuzz-per-second" -> fuzzPerSecond = Double.parseDouble(args[++i]);
                case "--outage-seconds" -> outageSeconds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--max-requests" -> maxRequests = Long.parseLong(args[++i]);
                case "--postgresql-script" -> postgresqlScript = Path.of(args[++i]);
                case "--postgresql-dir" -> postgresqlDir = Path.of(args[++i]);
                case "--postgresql-port" -> postgresqlPort = Integer.parseInt(args[++i]);
                case "--psql" -> psql = args[++i];
                case "--report" -> report = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--base URL, --domain DIR,"
                        + " --minutes N, --clients N, --h2c-clients N, --think-ms N, --fuzz-per-second N, --outage-seconds N, --seed N,"
                        + " --max-requests N, --postgresql-script FILE, --postgresql-dir DIR, --postgresql-port N,"
                        + " --psql FILE, --report FILE)");
            }
        }
        if (minutes < 2 || clients < 1 || clients > 256 || fuzzPerSecond < 0 || fuzzPerSecond > 50 || outageSeconds < 0) {
            throw new IllegalArgumentException("Out of range: --minutes >= 2, --clients 1-256, --fuzz-per-second 0-50");
        }
        if (h2cClients < 0) {
            h2cClients = clients / 4;
        }
        h2cClients = Math.min(h2cClients, clients);
    }

    private boolean run() throws Exception {
        api = LoopbackApi.connect(base, domain);
        long serverPid = Long.parseLong(Files.readString(domain.resolve("config/pid")).trim());
        String loadAtStart = LoopbackApi.loadAverage();
        LogState logAtStart = LogState.of(domain.resolve("logs"));
        app = BackgroundApp.install(api, "soak", "Soak driver");
        try {
            heap(serverPid, "start", logAtStart);
            startMs = System.currentTimeMillis();
            perMinute = new AtomicLongArray(minutes + 2);
            perMinuteFailures = new AtomicLongArray(minutes + 2);
            String list = api.adminJson("GET", "/api/admin/records", null);
            expect("admin", "admin_records", 200);
            records = LoopbackApi.jsonStrings(list, "record_id");
            if (records.size() < 2) {
                throw new IllegalStateException("The soak needs at least 2 records, the server has " + records.size());
            }
            for (String record : records) {
                tokens.put(record, app.helperToken(record));
            }
            endMs = startMs + minutes * 60_000L;
            long heapEveryMs = (minutes >= 10 ? 5 : 1) * 60_000L;
            System.out.printf("Soak on %s from %s UTC for %d minutes: %d clients (%d offer h2c), %d ms think time, %.1f hostile"
                    + " requests/s, %d records, PostgreSQL down %d s at minute %.1f; heap every %d min; load average %s%n", base,
                    CLOCK.format(Instant.ofEpochMilli(startMs)), minutes, clients, h2cClients, thinkMs, fuzzPerSecond,
                    records.size(),
                    outageSeconds, minutes / 2.0, heapEveryMs / 60_000, loadAtStart);

            ExecutorService pool = Executors.newFixedThreadPool(clients + 4);
            for (int c = 0; c < clients; c++) {
                int n = c;
                pool.submit(() -> guarded(() -> client(n)));
            }
            pool.submit(() -> guarded(this::fuzz));
            pool.submit(() -> guarded(this::outage));
            pool.submit(() -> guarded(this::watchReadiness));
            long nextHeap = startMs + heapEveryMs;
            long nextProgress = startMs + 60_000;
            while (System.currentTimeMillis() < endMs) {
                long now = System.currentTimeMillis();
                if (now >= nextProgress) {
                    int minute = (int) ((nextProgress - startMs) / 60_000) - 1;
                    System.out.printf("  minute %2d: %,7d requests, %d 5xx or no answer, backlog max %d, load %s%n",
                            minute + 1, perMinute.get(minute), perMinuteFailures.get(minute), maxBacklog.get(),
                            LoopbackApi.loadAverage());
                    nextProgress += 60_000;
                }
                if (now >= nextHeap && nextHeap < endMs) {
                    heap(serverPid, String.format("%d min", (nextHeap - startMs) / 60_000), logAtStart);
                    nextHeap += heapEveryMs;
                }
                Thread.sleep(Math.max(1, Math.min(1000, Math.min(nextHeap, nextProgress) - System.currentTimeMillis())));
            }
            pool.shutdown();
            if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
            long stoppedMs = System.currentTimeMillis();
            String backlogAtEnd = drainAudit();
            heap(serverPid, String.format("end (%d min)", minutes), logAtStart);
            String ready = readyJson();
            LogState logAtEnd = LogState.of(domain.resolve("logs"));
            return report(loadAtStart, stoppedMs, backlogAtEnd, ready, logAtStart, logAtEnd);
        } finally {
            app.close();
        }
    }

    private static void guarded(ThrowingRunnable body) {
        try {
            body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            e.printStackTrace();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---- the load ----

    /**
     * One client: visits a random patient with 3-6 reads, sometimes a write or a refused call, until the end. The first
     * {@link #h2cClients} prefer HTTP/2 (h2c upgrade), the others speak HTTP/1.1.
     */
    private void client(int n) throws InterruptedException {
        Random random = new Random(seed * 1_000 + n);
        HttpClient http = n < h2cClients ? api.h2c : api.client;
        while (System.currentTimeMillis() < endMs && requests.sum() < maxRequests) {
            String record = records.get(random.nextInt(records.size()));
            OAuthSigner token = tokens.get(record);
            int reads = 3 + random.nextInt(4);
            for (int i = 0; i < reads && System.currentTimeMillis() < endMs; i++) {
                ReadCall call = READS.get(random.nextInt(READS.size()));
                String query = call.call().equals("get_vital_sign_sets") && random.nextBoolean() ? "?date_from=2005-01-01" : "";
                execute(http, new Planned(Kind.READ, api.signed(token, "GET", "/api/records/" + record + "/" + call.path() + query),
                        "app", call.call()));
                think(random);
            }
            double dice = random.nextDouble();
            if (dice < 0.03) {
                long note = noteCount.incrementAndGet();
                execute(http, new Planned(Kind.NOTE, api.signed(token, "POST", "/api/records/" + record + "/clinical_notes/",
                        "application/rdf+xml", clinicalNote(note).getBytes(StandardCharsets.UTF_8)), "app",
                        "post_clinical_note"));
            } else if (dice < 0.06) {
                execute(http, new Planned(Kind.SCRATCHPAD, api.asAdmin("PUT", scratchpad(record), "text/plain",
                        ("soak " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)), "admin", "put_scratchpad_data"));
            } else if (dice < 0.07) {
                String other = records.get((records.indexOf(record) + 1) % records.size());
                execute(http, new Planned(Kind.REFUSED, api.signed(token, "GET", "/api/records/" + other + "/demographics"),
                        "app", "get_demographics"));
            } else if (dice < 0.075) {
                execute(http, new Planned(Kind.REFUSED, api.signed(token, "PUT", scratchpad(record), "text/plain",
                        "a background app may not write".getBytes(StandardCharsets.UTF_8)), "app", "put_scratchpad_data"));
            }
            think(random);
        }
    }

    private String scratchpad(String record) {
        return "/api/records/" + record + "/apps/" + app.id + "/scratchpad";
    }

    private void think(Random random) throws InterruptedException {
        if (thinkMs > 0) {
            Thread.sleep(random.nextInt(2 * thinkMs + 1));
        }
    }

    /** A clinical note as {@code post_clinical_note} takes it: one blank node, literals as property attributes. */
    private static String clinicalNote(long n) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
                    xmlns:sp="http://smartplatforms.org/terms#" xmlns:dcterms="http://purl.org/dc/terms/">
                  <sp:ClinicalNote dcterms:date="%s" dcterms:title="Soak note %d">
                    <dcterms:format><dcterms:MediaTypeOrExtent rdf:about="http://purl.org/NET/mediatypes/text/plain"
                        rdfs:label="text/plain"/></dcterms:format>
                    <sp:resource><sp:Resource><sp:content><sp:Content sp:encoding="UTF-8"
                        sp:value="Written by the soak benchmark."/></sp:content></sp:Resource></sp:resource>
                  </sp:ClinicalNote>
                </rdf:RDF>
                """.formatted(LocalDate.now(ZoneOffset.UTC), n);
    }

    /** Hostile inputs at a low rate: each is a case of {@link #hostile}, picked at random (seeded). */
    private void fuzz() throws InterruptedException {
        if (fuzzPerSecond == 0) {
            return;
        }
        Random random = new Random(seed * 1_000 + 999);
        long pauseMs = Math.max(1, Math.round(1000 / fuzzPerSecond));
        long next = System.currentTimeMillis();
        while (System.currentTimeMillis() < endMs && requests.sum() < maxRequests) {
            String record = records.get(random.nextInt(records.size()));
            execute(hostile(random.nextInt(HOSTILE_CASES), record, random));
            next += pauseMs;
            Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
        }
    }

    private static final int HOSTILE_CASES = 22;
    private static final String LONG = "a".repeat(5_000);

    /** Hostile case {@code i}: path segments, query parameters and headers a client should never send. */
    private Planned hostile(int i, String record, Random random) {
        String r = "/api/records/";
        OAuthSigner token = tokens.get(record);
        return switch (i) {
            case 0 -> anonymous(r + LONG + "/demographics", "get_demographics");
            case 1 -> anonymous(r + "%00%01%02%1B%7F/medications/", "get_medications");
            case 2 -> anonymous(r + "1%0D%0A%5B2026-01-01T00%3A00%3A00%5D%20%5BSEVERE%5D%20forged/problems/", "get_problems");
            case 3 -> anonymous(r + "%2e%2e/demographics", "get_demographics");
            case 4 -> anonymous(r + "..%2F..%2Fadmin%2Frecords/demographics", "get_demographics");
            case 5 -> anonymous(r + "%C3%28/lab_results/", "get_lab_results");
            case 6 -> anonymous(r + "x%27%20UNION%20%7B%3Fs%20%3Fp%20%3Fo%7D%20%23/vital_sign_sets/", "get_vital_sign_sets");
            case 7 -> anonymous(r + "1%27%20OR%20%271%27%3D%271%27--%3B%20DROP%20TABLE%20SMART_AUDIT_EVENT/demographics",
                    "get_demographics");
            case 8 -> anonymous(r + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/allergies/", "get_allergies");
            case 9 -> anonymous(r + record + "/lab_results/?date_from=" + LONG, "get_lab_results");
            case 10 -> anonymous(r + record + "/medications/?limit=999999999999999999999999&offset=-1", "get_medications");
            case 11 -> new Planned(Kind.FUZZ_ANONYMOUS, request("/api/records/" + record + "/demographics")
                    .header("Authorization", "OAuth oauth_consumer_key=\"" + LONG + "\", oauth_signature=\"%00%C3%28\"")
                    .build(), "anonymous", "get_demographics");
            case 12 -> anonymous("/api/admin/records/" + LONG, "admin_record");
            case 13 -> anonymous("/api/admin/records/%00%2F%2e%2e", "admin_record");
            case 14 -> anonymous("/api/records/search?family_name=%7D%20DROP%20ALL%20%23&given_name=" + LONG, "search_records");
            case 15 -> anonymous("/api/oauth/request_token?oauth_callback=%3Cscript%3Ealert(1)%3C%2Fscript%3E", null);
            case 16 -> anonymous("/api/apps/" + LONG + "/manifest", null);
            case 17 -> anonymous("/api/%2e%2e/%2e%2e/%2e%2e/etc/passwd", null);
            case 18 -> anonymous("/sample-apps/%2e%2e/WEB-INF/web.xml?%00=%C3%28", null);
            case 19 -> anonymous("/login.xhtml?x=%3Cscript%3E&y=" + LONG, null);
            case 20 -> new Planned(Kind.FUZZ_SIGNED, api.signed(token, "GET", r + record + "/lab_results/?date_from="
                    + List.of(LONG, "%27%20OR%201%3D1--", "%7D%20DROP%20ALL%20%23", "%3Cscript%3E", "%00",
                    "99999999999999999999-99-99").get(random.nextInt(6))), "signed-hostile", "get_lab_results");
            case 21 -> new Planned(Kind.FUZZ_SIGNED, api.signed(token, "GET", r + record + "/medications/?limit="
                    + List.of("999999999999999999999", "-1", "1e9", "%3Cb%3E").get(random.nextInt(4)) + "&offset=-5"),
                    "signed-hostile", "get_medications");
            default -> throw new IllegalArgumentException("No hostile case " + i);
        };
    }

    private Planned anonymous(String path, String call) {
        return new Planned(Kind.FUZZ_ANONYMOUS, request(path).build(), "anonymous", call);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private void execute(Planned p) {
        execute(api.client, p);
    }

    private void execute(HttpClient http, Planned p) {
        long sent = System.currentTimeMillis();
        long t0 = System.nanoTime();
        int status;
        try {
            HttpResponse<Void> response = http.send(p.request(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (http == api.h2c) {
                h2cOffered.increment();
                if (response.version() == HttpClient.Version.HTTP_2) {
                    h2cAnswered.increment();
                }
            }
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        long answered = System.currentTimeMillis();
        if (p.kind() == Kind.READ && status == 200) {
            readLatencyMs.incrementAndGet((int) Math.min(30_000, (System.nanoTime() - t0) / 1_000_000));
        }
        count(p.kind(), p.who(), p.call(), status, sent, answered, p.request().uri().getRawPath());
    }

    private void count(Kind kind, String who, String call, int status, long sent, long answered, String path) {
        requests.increment();
        byKind.computeIfAbsent(kind + " " + statusClass(status), k -> new LongAdder()).increment();
        int minute = (int) Math.min(minutes + 1, Math.max(0, (answered - startMs) / 60_000));
        perMinute.incrementAndGet(Math.min(minute, perMinute.length() - 1));
        if (status == 0 || status >= 500) {
            perMinuteFailures.incrementAndGet(Math.min(minute, perMinute.length() - 1));
            failures.add(new Failure(sent, answered, status, kind, path));
        }
        if (call != null && status > 0) {
            expect(who, call, status);
        }
    }

    /** One more data request answered: the audit trail must hold one more event of this who, call and status. */
    private void expect(String who, String call, int status) {
        expectedEvents.computeIfAbsent(who + " " + call + " " + status, k -> new LongAdder()).increment();
    }

    private static String statusClass(int status) {
        return status == 0 ? "none" : (status / 100) + "xx";
    }

    // ---- the outage, readiness, heap ----

    /** Stops PostgreSQL in the middle of the run and starts it again {@code outageSeconds} later. */
    private void outage() throws Exception {
        long at = startMs + minutes * 30_000L;
        Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
        outageStart = System.currentTimeMillis();
        System.out.printf("  %s PostgreSQL stop%n", CLOCK.format(Instant.ofEpochMilli(outageStart)));
        script("stop", postgresqlDir.toString());
        Thread.sleep(Math.max(0, outageStart + outageSeconds * 1000L - System.currentTimeMillis()));
        script("start", postgresqlDir.toString(), Integer.toString(postgresqlPort));
        outageEnd = System.currentTimeMillis();
        System.out.printf("  %s PostgreSQL started again (down %.1f s)%n", CLOCK.format(Instant.ofEpochMilli(outageEnd)),
                (outageEnd - outageStart) / 1000.0);
    }

    private void script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", postgresqlScript.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("postgresql.sh " + String.join(" ", args) + " failed: " + out);
        }
    }

    /** Polls /health/ready every 2 s; keeps each change of its state and the largest audit backlog. */
    private void watchReadiness() throws InterruptedException {
        while (System.currentTimeMillis() < endMs) {
            readyJson();
            Thread.sleep(2_000);
        }
    }

    private String readyJson() {
        String state;
        String body = "";
        try {
            HttpResponse<String> r = api.send(request("/health/ready").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            body = r.body();
            state = Integer.toString(r.statusCode());
            Matcher down = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"").matcher(body);
            List<String> downChecks = new ArrayList<>();
            while (down.find()) {
                downChecks.add(down.group(1));
            }
            if (!downChecks.isEmpty()) {
                state += " DOWN: " + String.join(", ", downChecks);
            }
            long backlog = auditFigure(body, "backlog");
            maxBacklog.accumulateAndGet(backlog, Math::max);
        } catch (IOException e) {
            state = "no answer";
        }
        synchronized (readiness) {
            if (!state.equals(lastReadyState)) {
                readiness.add(CLOCK.format(Instant.now()) + " " + state);
                lastReadyState = state;
            }
        }
        return body;
    }

    private static long auditFigure(String readyBody, String name) {
        Matcher check = AUDIT_CHECK.matcher(readyBody);
        if (!check.find()) {
            return -1;
        }
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?(-?\\d+)").matcher(check.group(1));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Waits (at most 3 minutes) until the audit backlog is empty; the figures of smart-audit then. */
    private String drainAudit() throws InterruptedException {
        long until = System.currentTimeMillis() + 180_000;
        String body = readyJson();
        while (auditFigure(body, "backlog") != 0 && System.currentTimeMillis() < until) {
            Thread.sleep(2_000);
            body = readyJson();
        }
        Matcher check = AUDIT_CHECK.matcher(body);
        return check.find() ? check.group(1) : "(no smart-audit check in /health/ready: " + body + ")";
    }

    /**
     * A full collection, then the heap's use (jcmd), the server log's size and the load average; a class histogram
     * (which collects first: the live bytes, Grizzly's HTTP/2 streams and RDF4J's value stores alive); and a thread
     * dump of the server (kept beside the report): its threads, those BLOCKED, and whether the JVM found a deadlock.
     */
    private void heap(long pid, String label, LogState logAtStart) {
        String used = "?";
        String total = "?";
        String live = "?";
        String streams = "?";
        String valueStores = "?";
        String threads = "?";
        try {
            String dump = jcmd(pid, "Thread.print");
            if (report != null) {
                Files.writeString(report.resolveSibling("threads-" + label.replaceAll("[^a-z0-9]+", "-") + ".txt"), dump);
            }
            long all = dump.lines().filter(l -> l.startsWith("\"")).count();
            long blocked = dump.lines().filter(l -> l.contains("java.lang.Thread.State: BLOCKED")).count();
            threads = String.format("%d, %d BLOCKED, %s", all, blocked,
                    dump.contains("Java-level deadlock") ? "**DEADLOCK**" : "no deadlock");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            threads = "jcmd failed: " + e.getMessage();
        }
        try {
            jcmd(pid, "GC.run");
            Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
            if (m.find()) {
                total = String.format("%.0f", Long.parseLong(m.group(1)) / 1024.0);
                used = String.format("%.1f", Long.parseLong(m.group(2)) / 1024.0);
            }
            String histogram = jcmd(pid, "GC.class_histogram");
            Matcher t = HISTOGRAM_TOTAL.matcher(histogram);
            live = t.find() ? String.format("%.1f", Long.parseLong(t.group(1)) / 1048576.0) : "?";
            streams = Long.toString(instances(histogram, "org.glassfish.grizzly.http2.Http2Stream"));
            valueStores = Long.toString(instances(histogram, "org.eclipse.rdf4j.sail.nativerdf.ValueStore"));
        } catch (IOException | InterruptedException | IllegalStateException e) {
            used = "jcmd failed: " + e.getMessage();
        }
        LogState log = LogState.of(domain.resolve("logs"));
        String[] row = {label, CLOCK.format(Instant.now()), used, total, live, streams, valueStores,
                String.format("%,d", log.totalBytes()), LoopbackApi.loadAverage(), threads};
        synchronized (heapRows) {
            heapRows.add(row);
        }
        System.out.printf("  heap after GC at %s (%s): %s MB used of %s MB, live %s MB, %s HTTP/2 streams, %s value"
                + " stores; logs %s bytes, load %s; threads %s%n", (Object[]) row);
    }

    /** The live instances of a class in a class histogram ({@code jcmd GC.class_histogram}). */
    private static long instances(String histogram, String className) {
        Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s.*)?$")
                .matcher(histogram);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(out.trim());
        }
        return out;
    }

    // ---- the audit trail ----

    /** Events since the start in the database, by who, call and status. */
    private Map<String, Long> auditEvents() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(psql, "-h", "127.0.0.1", "-p", Integer.toString(postgresqlPort), "-U", "smart", "-d",
                "smart", "-AtF", "\t", "-c", "SELECT COALESCE(app_id, ''), COALESCE(account, ''), call_name, status, count(*)"
                + " FROM smart_audit_event WHERE event_time >= " + startMs + " GROUP BY 1, 2, 3, 4")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("psql: " + out.trim());
        }
        Map<String, Long> events = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 5) {
                continue;
            }
            String who = f[0].equals(app.id) ? "app" : f[0].isEmpty() && f[1].equals("admin") ? "admin"
                    : f[0].isEmpty() && f[1].isEmpty() ? "anonymous" : "other(" + f[0] + "/" + f[1] + ")";
            events.merge(who + " " + f[2] + " " + f[3], Long.parseLong(f[4]), Long::sum);
        }
        return events;
    }

    private long auditTotalFromApi() throws IOException {
        String answer = api.adminJson("GET", "/api/admin/audit?limit=1&from=" + Instant.ofEpochMilli(startMs), null);
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(answer);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    // ---- the report ----

    private boolean report(String loadAtStart, long stoppedMs, String auditAtEnd, String readyAtEnd, LogState logAtStart,
            LogState logAtEnd) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        long total = requests.sum();
        double seconds = (stoppedMs - startMs) / 1000.0;
        out.append(String.format("### Soak run %s, %s-%s UTC%n%n", LocalDate.ofInstant(Instant.ofEpochMilli(startMs),
                ZoneOffset.UTC), CLOCK.format(Instant.ofEpochMilli(startMs)), CLOCK.format(Instant.ofEpochMilli(stoppedMs))));
        out.append(String.format("%d minutes, %d clients (think time 0-%d ms), %.1f hostile requests/s, %d records, seed %d;"
                + " %d cores; load average at start %s, at end %s.%n%n", minutes, clients, 2 * thinkMs, fuzzPerSecond,
                records.size(), seed, Runtime.getRuntime().availableProcessors(), loadAtStart, LoopbackApi.loadAverage()));

        out.append(String.format("**Requests: %,d** (%,.0f/s on average)%n%n", total, total / seconds));
        out.append("| Kind | Requests | 2xx | 3xx | 4xx | 5xx | no answer |\n|---|---|---|---|---|---|---|\n");
        for (Kind kind : Kind.values()) {
            long[] c = new long[6];
            String[] classes = {"2xx", "3xx", "4xx", "5xx", "none"};
            for (int i = 0; i < classes.length; i++) {
                LongAdder a = byKind.get(kind + " " + classes[i]);
                c[i] = a == null ? 0 : a.sum();
                c[5] += c[i];
            }
            out.append(String.format("| %s | %,d | %,d | %,d | %,d | %,d | %,d |%n", kind.label, c[5], c[0], c[1], c[2], c[3],
                    c[4]));
        }
        out.append(String.format("%nSigned reads answered 200: p50 %d ms, p99 %d ms.%n%n", readPercentile(0.5),
                readPercentile(0.99)));

        // 5xx and no answers, inside and outside the outage
        long in5xx = 0;
        long out5xx = 0;
        long inNone = 0;
        long outNone = 0;
        long lastAfter = -1;
        Map<String, Long> duringByStatus = new TreeMap<>();
        Map<String, Long> outsideByStatus = new TreeMap<>();
        for (Failure f : failures) {
            boolean during = f.during(outageStart, outageEnd);
            (during ? duringByStatus : outsideByStatus).merge((f.status() == 0 ? "no answer" : Integer.toString(f.status()))
                    + " " + f.kind().label, 1L, Long::sum);
            if (f.status() == 0) {
                if (during) {
                    inNone++;
                } else {
                    outNone++;
                }
            } else if (during) {
                in5xx++;
            } else {
                out5xx++;
            }
            if (!during && f.sent() > outageEnd) {
                lastAfter = Math.max(lastAfter, f.answered());
            }
        }
        out.append(String.format("**PostgreSQL outage:** stopped %s, running again %s (%.1f s).%n%n",
                outageStart == Long.MAX_VALUE ? "never" : CLOCK.format(Instant.ofEpochMilli(outageStart)),
                outageEnd == Long.MAX_VALUE ? "never" : CLOCK.format(Instant.ofEpochMilli(outageEnd)),
                outageEnd == Long.MAX_VALUE ? 0 : (outageEnd - outageStart) / 1000.0));
        out.append(String.format("**5xx outside the outage: %,d** (must be 0); no answer outside: %,d. During the outage:"
                + " %,d 5xx, %,d without answer.%s%n%n", out5xx, outNone, in5xx, inNone,
                lastAfter < 0 ? "" : " Last failure after the outage: " + CLOCK.format(Instant.ofEpochMilli(lastAfter)) + "."));
        if (!duringByStatus.isEmpty() || !outsideByStatus.isEmpty()) {
            out.append(String.format("By status and kind: during the outage %s; outside %s.%n%n", duringByStatus, outsideByStatus));
        }
        if (out5xx + outNone > 0) {
            out.append("First failures outside the outage (answer time, status, kind, path):\n\n```\n");
            failures.stream().filter(f -> !f.during(outageStart, outageEnd)).limit(20)
                    .forEach(f -> out.append(f).append('\n'));
            out.append("```\n\n");
        }

        // audit
        AuditComparison audit = AuditComparison.of(expectedEvents, auditEvents());
        out.append(String.format("**Audit trail** (backlog drained: `%s`): data requests answered %,d, of which an event is"
                + " certain for %,d (signed and administrator requests; hostile ones only when the API answered them:"
                + " 2xx or 5xx signed, 401 or 5xx unsigned) and possible for %,d more (hostile requests answered 4xx"
                + " otherwise, which the HTTP layer or the input edge may refuse before the API); **events in the database: %,d** (%,d of them name nobody although the driver signed"
                + " the request); events not the driver's: %,d. `GET /api/admin/audit?from=<start>` total: %,d.%n%n",
                auditAtEnd, audit.certain() + audit.possible(), audit.certain(), audit.possible(), audit.events(),
                audit.unattributed(), audit.others(), auditTotalFromApi()));
        if (audit.broken().isEmpty()) {
            out.append("Every (call, status) has an event for each request answered that must have one, and no more"
                    + " than could have one.\n\n");
        } else {
            out.append("**Where the events do not match** (call, status: certain, possible, events):\n\n");
            audit.broken().forEach(b -> out.append("- ").append(b).append('\n'));
            out.append('\n');
        }
        if (!audit.unattributedRows().isEmpty()) {
            out.append("Signed or administrator requests whose event names nobody (call, status: count): "
                    + String.join("; ", audit.unattributedRows()) + ".\n\n");
        }

        // heap and log
        out.append(String.format("HTTP/2: %d of the %d clients offered the h2c upgrade; they had %,d requests answered (%.1f %% of all), %,d of"
                + " them answered in HTTP/2.%n%n", h2cClients, clients, h2cOffered.sum(),
                100.0 * h2cOffered.sum() / Math.max(1, total), h2cAnswered.sum()));
        out.append("| Heap after a full GC at | UTC | Used MB | Heap MB | Live MB (histogram) | HTTP/2 streams | RDF4J value"
                + " stores | Logs (bytes) | Load average | Server threads |\n|---|---|---|---|---|---|---|---|---|---|\n");
        synchronized (heapRows) {
            for (String[] r : heapRows) {
                out.append("| ").append(String.join(" | ", r)).append(" |\n");
            }
        }
        out.append(String.format("%nReadiness (`/health/ready`, every 2 s; each change): %s; largest audit backlog seen %,d.%n"
                + "At the end, smart-audit: `%s`%n%n", String.join("; ", readiness), maxBacklog.get(), auditAtEnd));
        LogGrowth growth = LogGrowth.between(logAtStart, logAtEnd);
        out.append(String.format("**Server log:** %,d bytes at the start, %,d at the end (%d files, %d rotations);"
                + " the run added %,d SEVERE and %,d WARNING records.%n", logAtStart.totalBytes(), logAtEnd.totalBytes(),
                logAtEnd.files().size(), Math.max(0, logAtEnd.files().size() - logAtStart.files().size()),
                growth.count("SEVERE"), growth.count("WARNING")));
        if (!growth.messages().isEmpty()) {
            out.append("\n| Level | Records | First line of the message |\n|---|---|---|\n");
            growth.messages().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(15)
                    .forEach(e -> out.append(String.format("| %s | %,d | %s |%n", e.getKey().substring(0, e.getKey().indexOf(' ')),
                            e.getValue(), e.getKey().substring(e.getKey().indexOf(' ') + 1).replace("|", "\\|"))));
        }
        out.append(String.format("%nReadiness at the end: `%s`%n", readyAtEnd.replaceAll("\\s+", " ")));
        boolean kept = out5xx == 0 && audit.broken().isEmpty();
        out.append(String.format("%nVerdict: %s%n", kept ? "no 5xx outside the outage, and every signed and administrator"
                + " data request answered has its audit event" : "a promise is broken (see above)"));
        System.out.println();
        System.out.print(out);
        if (report != null) {
            Files.writeString(report, out);
        }
        return kept;
    }

    private long readPercentile(double q) {
        long n = 0;
        for (int i = 0; i < readLatencyMs.length(); i++) {
            n += readLatencyMs.get(i);
        }
        long seen = 0;
        for (int i = 0; i < readLatencyMs.length(); i++) {
            seen += readLatencyMs.get(i);
            if (n > 0 && seen >= q * n) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The driver's answered data requests against the events in the database, by call and status. An event of a
     * signed or administrator request may name nobody: when the database is down the server cannot resolve the
     * token or account, and refuses (503) before it knows who asked.
     */
    record AuditComparison(long certain, long possible, long events, long unattributed, long others, List<String> broken,
            List<String> unattributedRows) {

        static AuditComparison of(Map<String, LongAdder> expected, Map<String, Long> inDatabase) {
            // call and status -> certain, possible, events, answered signed or as admin, their events, anonymous certain
            Map<String, long[]> byCall = new TreeMap<>();
            long others = 0;
            for (var e : expected.entrySet()) {
                String[] k = e.getKey().split(" ");
                long[] row = byCall.computeIfAbsent(k[1] + " " + k[2], x -> new long[6]);
                int status = Integer.parseInt(k[2]);
                // hostile input may be refused before the API (at the HTTP layer or the input edge: 400, 414, ...)
                boolean apiAnswered = switch (k[0]) {
                    case "anonymous" -> status == 401 || status >= 500;
                    case "signed-hostile" -> status < 300 || status >= 500;
                    default -> true;
                };
                row[apiAnswered ? 0 : 1] += e.getValue().sum();
                if (!k[0].equals("anonymous") && apiAnswered) {
                    row[3] += e.getValue().sum();
                } else if (apiAnswered) {
                    row[5] += e.getValue().sum();
                }
            }
            for (var e : inDatabase.entrySet()) {
                String[] k = e.getKey().split(" ");
                if (k[0].startsWith("other")) {
                    others += e.getValue();
                    continue;
                }
                long[] row = byCall.computeIfAbsent(k[1] + " " + k[2], x -> new long[6]);
                row[2] += e.getValue();
                if (!k[0].equals("anonymous")) {
                    row[4] += e.getValue();
                }
            }
            long certain = 0;
            long possible = 0;
            long events = 0;
            long unattributed = 0;
            List<String> broken = new ArrayList<>();
            List<String> unattributedRows = new ArrayList<>();
            for (var e : byCall.entrySet()) {
                long[] r = e.getValue();
                certain += r[0];
                possible += r[1];
                events += r[2];
                if (r[2] < r[0] || r[2] > r[0] + r[1]) {
                    broken.add(String.format("%s: %,d, %,d, %,d", e.getKey(), r[0], r[1], r[2]));
                }
                long nobody = Math.min(r[3] - r[4], r[2] - r[4] - r[5]);
                if (nobody > 0) {
                    unattributed += nobody;
                    unattributedRows.add(String.format("%s: %,d", e.getKey(), nobody));
                }
            }
            return new AuditComparison(certain, possible, events, unattributed, others, broken, unattributedRows);
        }
    }

    // ---- the server log ----

    /** The server log's files ({@code server.log*}) with their size and identity, at one moment. */
    record LogState(Map<Object, Long> files, Map<Object, Path> paths) {
        static LogState of(Path logs) {
            Map<Object, Long> sizes = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
            Map<Object, Path> paths = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
            try (var list = Files.list(logs)) {
                for (Path p : list.filter(p -> p.getFileName().toString().startsWith("server.log")).toList()) {
                    var attributes = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                    Object key = attributes.fileKey() == null ? p.getFileName() : attributes.fileKey();
                    sizes.put(key, attributes.size());
                    paths.put(key, p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new LogState(sizes, paths);
        }

        long totalBytes() {
            return files.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The records the log gained between two states, counted by level and by the first line of their message. */
    record LogGrowth(Map<String, Long> levels, Map<String, Long> messages) {
        static LogGrowth between(LogState before, LogState after) throws IOException {
            Map<String, Long> levels = new TreeMap<>();
            Map<String, Long> messages = new TreeMap<>();
            for (var e : after.paths().entrySet()) {
                long skip = before.files().getOrDefault(e.getKey(), 0L);
                byte[] bytes = Files.readAllBytes(e.getValue());
                if (skip >= bytes.length) {
                    continue;
                }
                String text = new String(bytes, (int) skip, bytes.length - (int) skip, StandardCharsets.UTF_8);
                String level = null;
                for (String line : text.split("\n")) {
                    Matcher m = LOG_RECORD.matcher(line);
                    if (m.find()) {
                        level = m.group(2);
                        levels.merge(level, 1L, Long::sum);
                        continue;
                    }
                    String message = line.strip().replaceFirst("^\\[\\[\\s*", "");
                    if (level != null && !message.isEmpty() && (level.equals("SEVERE") || level.equals("WARNING"))) {
                        messages.merge(level + " " + (message.length() > 160 ? message.substring(0, 160) + "..." : message),
                                1L, Long::sum);
                        level = null;
                    } else if (level != null && !message.isEmpty()) {
                        level = null;
                    }
                }
            }
            return new LogGrowth(levels, messages);
        }

        long count(String level) {
            return levels.getOrDefault(level, 0L);
        }
    }
}
