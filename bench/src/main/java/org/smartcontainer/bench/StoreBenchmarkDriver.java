package org.smartcontainer.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;

/**
 * The record store benchmark against a running server (bench/store.sh starts it, with the Fuseki peer): one phase
 * per call, the state between phases (the benchmark app's credentials, the acknowledged records) in {@code --state}.
 * <ul>
 * <li>{@code import --from A --to B}: patients A..B-1 ({@link PatientClones}) through the admin API
 * ({@code PUT /api/admin/records/{id}}, RDF/XML, as the administrator), one request after the other; triples/s per
 * {@code --block} patients, the sustained rate, first block against last. With {@code --kill-pid P} patient B is
 * sent too and the server killed ({@code SIGKILL}) while that request is in flight.</li>
 * <li>{@code peer-load --from A --to B}: the same patients into the Fuseki peer, one named graph each.</li>
 * <li>{@code reads}: a typical patient's medications and the largest lab list, signed (the benchmark app's helper
 * tokens), in RDF/XML, Turtle and JSON-LD, at each number of clients, side by side with the Fuseki peer answering the
 * same call with a SPARQL CONSTRUCT and the same server sending the same bytes as a static file.</li>
 * <li>{@code recover --since-ms T}: after a restart begun at T (epoch ms), the time to the first 200 of a signed read,
 * then every acknowledged record read whole (the number of triples of its demographics, medications, lab results and
 * problems equal to those of the upstream patient it copies).</li>
 * </ul>
 * Loopback only. Not a test.
 */
public final class StoreBenchmarkDriver {

    private static final String SP = "http://smartplatforms.org/terms#";
    /** What the "whole record" check reads of every acknowledged record. */
    private static final List<String> WHOLE_CALLS = List.of("demographics", "medications/", "lab_results/", "problems/");
    private static final Map<String, String> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("rdfxml", "application/rdf+xml");
        FORMATS.put("turtle", "text/turtle");
        FORMATS.put("jsonld", "application/ld+json");
    }

    private final Map<String, String> options = new HashMap<>();
    private LoopbackApi api;
    private Path state;

    public static void main(String[] args) throws Exception {
        StoreBenchmarkDriver d = new StoreBenchmarkDriver();
        for (int i = 1; i < args.length; i += 2) {
            d.options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        d.api = LoopbackApi.connect(d.option("base", null), Path.of(d.option("domain", null)));
        d.state = Path.of(d.option("state", "bench/target/store-bench"));
        Files.createDirectories(d.state);
        switch (args[0]) {
            case "import" -> d.importPatients();
            case "peer-load" -> d.peerLoad();
            case "reads" -> d.reads();
            case "recover" -> d.recover();
            default -> throw new IllegalArgumentException("Phase import, peer-load, reads or recover, not " + args[0]);
        }
    }

    private String option(String name, String fallback) {
        String v = options.getOrDefault(name, fallback);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is needed");
        }
        return v;
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private PatientClones patients() throws IOException {
        return PatientClones.read(Path.of(option("shared", "../shared")).resolve("sample-patients"));
    }

    private void importPatients() throws Exception {
        PatientClones clones = patients();
        int from = intOption("from", 0);
        int to = intOption("to", 2000);
        int block = intOption("block", 500);
        long killPid = Long.parseLong(option("kill-pid", "0"));
        Path acked = state.resolve("acknowledged.txt");
        System.out.printf("Import of patients %,d-%,d through PUT /api/admin/records/{id}, %d cores, load average %s%n",
                from, to - 1, Runtime.getRuntime().availableProcessors(), LoopbackApi.loadAverage());
        List<double[]> blocks = new ArrayList<>(); // {triples, seconds}
        long allTriples = 0;
        long allNanos = 0;
        try (Writer ack = Files.newBufferedWriter(acked, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            long blockTriples = 0;
            long blockStart = System.nanoTime();
            for (int i = from; i < to; i++) {
                PatientClones.Patient p = clones.patient(i);
                long t0 = System.nanoTime();
                HttpResponse<String> r = api.send(put(p), HttpResponse.BodyHandlers.ofString());
                allNanos += System.nanoTime() - t0;
                if (r.statusCode() != 200 && r.statusCode() != 201) {
                    throw new IllegalStateException("PUT " + p.recordId() + " -> " + r.statusCode() + " " + r.body());
                }
                ack.write(p.recordId() + " " + p.template().recordId() + "\n");
                ack.flush();
                long triples = Long.parseLong(r.body().replaceAll("(?s).*\"triples\"\\s*:\\s*(\\d+).*", "$1"));
                blockTriples += triples;
                allTriples += triples;
                if ((i + 1 - from) % block == 0 || i == to - 1) {
                    double s = (System.nanoTime() - blockStart) / 1e9;
                    int n = (i - from) % block + 1;
                    blocks.add(new double[] {blockTriples, s});
                    System.out.printf("  patients %,6d-%,6d: %,10d triples in %6.1f s = %,7.0f triples/s, %5.1f ms/patient"
                            + " (load %s)%n", i + 1 - n, i, blockTriples, s, blockTriples / s, s * 1000 / n,
                            LoopbackApi.loadAverage().split(" ")[0]);
                    blockTriples = 0;
                    blockStart = System.nanoTime();
                }
            }
        }
        if (!blocks.isEmpty()) {
            double first = blocks.get(0)[0] / blocks.get(0)[1];
            double last = blocks.get(blocks.size() - 1)[0] / blocks.get(blocks.size() - 1)[1];
            System.out.printf("Sustained: %,d triples of %,d patients in %.1f s (request time) = %,.0f triples/s;"
                    + " first block %,.0f, last block %,.0f triples/s (last/first %.2f)%n", allTriples, to - from,
                    allNanos / 1e9, allTriples / (allNanos / 1e9), first, last, last / first);
        }
        if (killPid != 0) {
            signer(option("med-record", "1768562")); // the recovery's first signed read needs a token from before
            PatientClones.Patient p = clones.patient(to);
            CompletableFuture<HttpResponse<String>> inFlight = api.client.sendAsync(put(p), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(ThreadLocalRandom.current().nextInt(20, 200));
            boolean killed = ProcessHandle.of(killPid).map(ProcessHandle::destroyForcibly).orElse(false);
            String answer;
            try {
                answer = Integer.toString(inFlight.get().statusCode());
            } catch (Exception e) {
                answer = "none (" + e.getCause().getClass().getSimpleName() + ")";
            }
            Files.writeString(state.resolve("in-flight.txt"), p.recordId() + " " + p.template().recordId() + "\n");
            System.out.printf("kill -9 of server process %d (%s) with PUT %s in flight; its answer: %s%n", killPid,
                    killed ? "signalled" : "NOT FOUND", p.recordId(), answer);
        }
    }

    private HttpRequest put(PatientClones.Patient p) {
        return api.asAdmin("PUT", "/api/admin/records/" + p.recordId(), "application/rdf+xml", p.rdfXml());
    }

    /**
     * Loads patients into the peer, 25 named graphs a request: each patient parsed here and sent as TriG (one
     * transaction per patient would make loading the peer as slow as the import it is not measured for).
     */
    private void peerLoad() throws Exception {
        PatientClones clones = patients();
        int from = intOption("from", 0);
        int to = intOption("to", 2000);
        String fuseki = option("fuseki", null);
        long t0 = System.nanoTime();
        long quads = 0;
        for (int start = from; start < to; start += 25) {
            StringWriter batch = new StringWriter();
            RDFWriter writer = Rio.createWriter(RDFFormat.TRIG, batch);
            writer.startRDF();
            for (int i = start; i < Math.min(to, start + 25); i++) {
                PatientClones.Patient p = clones.patient(i);
                IRI graph = Values.iri(peerGraph(p.recordId()));
                Model m = Rio.parse(new ByteArrayInputStream(p.rdfXml()), "urn:smart-peer:", RDFFormat.RDFXML);
                for (Statement st : m) {
                    writer.handleStatement(Values.getValueFactory().createStatement(st.getSubject(), st.getPredicate(),
                            st.getObject(), graph));
                }
                quads += m.size();
            }
            writer.endRDF();
            HttpRequest post = HttpRequest.newBuilder(URI.create(fuseki + "/data")).header("Content-Type", "application/trig")
                    .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build();
            HttpResponse<String> r = api.send(post, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("Fuseki POST of patients from " + start + " -> " + r.statusCode() + " " + r.body());
            }
        }
        System.out.printf("Fuseki peer: patients %,d-%,d (%,d quads) loaded in %.1f s%n", from, to - 1, quads,
                (System.nanoTime() - t0) / 1e9);
    }

    private static String peerGraph(String recordId) {
        return "urn:smart-peer:record:" + recordId;
    }

    /**
     * The peer's CONSTRUCT for a call: every statement of the type in the record's graph with everything reachable from
     * it but the way back to the record ({@code sp:belongsTo}): the fulfillments and codes of medications, the values,
     * ranges and codes of lab results (the reference container's SPARQL read of a list).
     */
    private static String peerQuery(String recordId, String type) {
        return "PREFIX sp: <" + SP + ">\nCONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + peerGraph(recordId) + "> {"
                + " ?item a sp:" + type + " . ?item (!sp:belongsTo)* ?s . ?s ?p ?o } }";
    }

    private OAuthSigner signer(String record) throws IOException {
        Path file = state.resolve("token-" + record + ".properties");
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            return new OAuthSigner(p.getProperty("key"), p.getProperty("secret"), p.getProperty("token"),
                    p.getProperty("token_secret"));
        }
        OAuthSigner token = BackgroundApp.install(api, "store-bench", "Store benchmark").helperToken(record);
        p.setProperty("key", token.consumerKey);
        p.setProperty("secret", token.consumerSecret);
        p.setProperty("token", token.token);
        p.setProperty("token_secret", token.tokenSecret);
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "store benchmark app and its helper token for record " + record);
        }
        return token;
    }

    private HttpRequest signedGet(OAuthSigner signer, String path, String accept) {
        URI uri = api.base.resolve(path);
        return HttpRequest.newBuilder(uri).header("Authorization", signer.authorization("GET", uri)).header("Accept", accept)
                .timeout(Duration.ofSeconds(60)).GET().build();
    }

    private void reads() throws Exception {
        String label = option("label", "");
        String fuseki = options.get("fuseki");
        int seconds = intOption("seconds", 10);
        int[] clients = Arrays.stream(option("clients", "8,32").split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> formats = List.of(option("formats", "rdfxml,turtle,jsonld").split(","));
        List<String> modes = new ArrayList<>(List.of(option("modes", "signed,peer,static").split(",")));
        if (fuseki == null) {
            modes.remove("peer");
        }
        Map<String, String[]> calls = new LinkedHashMap<>(); // call -> {record, peer type}
        for (String c : option("calls", "medications,lab_results").split(",")) {
            calls.put(c, new String[] {option(c.equals("medications") ? "med-record" : "lab-record",
                    c.equals("medications") ? "1768562" : "1796238"), c.equals("medications") ? "Medication" : "LabResult"});
        }
        Path asadmin = Path.of(option("asadmin", null));
        String adminPort = option("admin-port", "4848");
        Path staticDir = state.resolve("static-floor");
        Files.createDirectories(staticDir.resolve("WEB-INF"));
        Files.writeString(staticDir.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
                """);
        System.out.printf("Reads (%s), %d s per run, load average at start %s%n", label, seconds, LoopbackApi.loadAverage());
        Map<String, Supplier<HttpRequest>> requests = new LinkedHashMap<>();
        for (var call : calls.entrySet()) {
            String record = call.getValue()[0];
            OAuthSigner signer = signer(record);
            String path = "/api/records/" + record + "/" + call.getKey() + "/";
            for (String format : formats) {
                String accept = FORMATS.get(format);
                String key = call.getKey() + " " + format;
                requests.put(key + " signed", () -> signedGet(signer, path, accept));
                HttpResponse<byte[]> probe = api.send(signedGet(signer, path, accept), HttpResponse.BodyHandlers.ofByteArray());
                if (probe.statusCode() != 200) {
                    throw new IllegalStateException(path + " " + accept + " -> " + probe.statusCode());
                }
                String file = call.getKey() + "." + format;
                Files.write(staticDir.resolve(file), probe.body());
                HttpRequest staticGet = HttpRequest.newBuilder(api.base.resolve("/bench-store-static/" + file))
                        .timeout(Duration.ofSeconds(60)).GET().build();
                requests.put(key + " static", () -> staticGet);
                String detail = String.format("ours %,d bytes %,d triples", probe.body().length, triples(probe.body(), accept));
                if (fuseki != null) {
                    HttpRequest peerGet = HttpRequest.newBuilder(URI.create(fuseki + "/query?query="
                            + URLEncoder.encode(peerQuery(record, call.getValue()[1]), StandardCharsets.UTF_8)))
                            .header("Accept", accept).timeout(Duration.ofSeconds(60)).GET().build();
                    requests.put(key + " peer", () -> peerGet);
                    HttpResponse<byte[]> peer = api.send(peerGet, HttpResponse.BodyHandlers.ofByteArray());
                    if (peer.statusCode() != 200) {
                        throw new IllegalStateException("peer " + key + " -> " + peer.statusCode());
                    }
                    detail += String.format(", peer %,d bytes %,d triples", peer.body().length, triples(peer.body(), accept));
                }
                System.out.printf("  %s of record %s: %s%n", key, record, detail);
            }
        }
        ApiLoadDriver.asadmin(asadmin, "--port", adminPort, "deploy", "--force=true", "--name", "bench-store-static",
                "--contextroot", "bench-store-static", staticDir.toAbsolutePath().toString());
        StringBuilder table = new StringBuilder();
        try {
            for (String key : requests.keySet().stream().map(k -> k.substring(0, k.lastIndexOf(' '))).distinct().toList()) {
                for (String mode : modes) {
                    ClosedLoopLoad.run(api.client, c -> k -> requests.get(key + " " + mode).get(), 4, 2, Long.MAX_VALUE / 1_000_000L);
                }
                for (int n : clients) {
                    Map<String, ClosedLoopLoad.Outcome> row = new LinkedHashMap<>();
                    for (String mode : modes) {
                        ClosedLoopLoad.Outcome o = ClosedLoopLoad.run(api.client, c -> k -> requests.get(key + " " + mode).get(),
                                n, seconds, Long.MAX_VALUE / 1_000_000L);
                        row.put(mode, o);
                        System.out.printf("  %-22s %-6s %2d clients: %,8.1f req/s  p50 %7.1f ms  p99 %7.1f ms  (%,d requests,"
                                + " %d not 200)%n", key, mode, n, o.perSecond(), o.p50(), o.p99(), o.requests(), o.errorCount());
                    }
                    table.append(String.format("| %s | %s | %d | %s | %s | %s | %s | %s |%n", label, key, n, rate(row.get("signed")),
                            rate(row.get("peer")), rate(row.get("static")), ratio(row.get("signed"), row.get("peer")),
                            ratio(row.get("signed"), row.get("static"))));
                }
            }
        } finally {
            ApiLoadDriver.asadmin(asadmin, "--port", adminPort, "undeploy", "bench-store-static");
        }
        String header = "| Patients | Call, format | Clients | Ours, signed req/s (p50 ms) | Fuseki peer | Static |"
                + " Ours / peer | Ours / static |\n|---|---|---|---|---|---|---|---|\n";
        System.out.printf("%nSummary (load average at end %s)%n%s%s", LoopbackApi.loadAverage(), header, table);
        Files.writeString(state.resolve("reads.md"), table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String rate(ClosedLoopLoad.Outcome o) {
        return o == null ? "-" : String.format("%,.0f (%.0f)%s", o.perSecond(), o.p50(), o.errorCount() > 0 ? " ERR " + o.errorCount() : "");
    }

    private static String ratio(ClosedLoopLoad.Outcome a, ClosedLoopLoad.Outcome b) {
        return a == null || b == null ? "-" : String.format("%.2f", a.perSecond() / b.perSecond());
    }

    private static int triples(byte[] body, String mediaType) throws IOException {
        RDFFormat format = Rio.getParserFormatForMIMEType(mediaType).orElseThrow();
        Model m = Rio.parse(new StringReader(new String(body, StandardCharsets.UTF_8)), "urn:x:", format);
        return m.size();
    }

    private void recover() throws Exception {
        long since = Long.parseLong(option("since-ms", null));
        String record = option("med-record", "1768562");
        OAuthSigner signer = signer(record);
        String path = "/api/records/" + record + "/medications/";
        HttpClient http = api.client;
        int status = 0;
        while (status != 200) {
            if (System.currentTimeMillis() - since > 1_800_000L) {
                throw new IllegalStateException("No 200 within 30 minutes of the start");
            }
            try {
                status = http.send(signedGet(signer, path, "application/rdf+xml"), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = 0;
            }
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        System.out.printf("First 200 of a signed read (%s) %.1f s after the start-up began%n", path,
                (System.currentTimeMillis() - since) / 1000.0);
        List<String[]> records = new ArrayList<>();
        for (String line : Files.readAllLines(state.resolve("acknowledged.txt"))) {
            records.add(line.split(" "));
        }
        int acknowledged = records.size();
        Path inFlight = state.resolve("in-flight.txt");
        if (Files.exists(inFlight)) {
            records.add(Files.readString(inFlight).trim().split(" "));
        }
        Map<String, List<Integer>> expected = new HashMap<>();
        int whole = 0;
        List<String> broken = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            String id = records.get(i)[0];
            String template = records.get(i)[1];
            List<Integer> counts = wholeCounts(id);
            if (i == acknowledged) {
                System.out.printf("The record in flight at the kill (%s): %s%n", id,
                        counts == null ? "absent" : counts.equals(expected(expected, template)) ? "present and whole"
                                : "PRESENT BUT NOT WHOLE " + counts);
            } else if (counts != null && counts.equals(expected(expected, template))) {
                whole++;
            } else {
                broken.add(id + " " + counts);
            }
        }
        System.out.printf("Acknowledged records read whole: %,d of %,d (%s read each, %.1f s)%s%n", whole, acknowledged,
                WHOLE_CALLS, (System.nanoTime() - t0) / 1e9, broken.isEmpty() ? "" : "; NOT WHOLE: " + broken);
        if (!broken.isEmpty()) {
            System.exit(1);
        }
    }

    private List<Integer> expected(Map<String, List<Integer>> cache, String template) throws IOException {
        List<Integer> counts = cache.get(template);
        if (counts == null) {
            counts = wholeCounts(template);
            cache.put(template, counts);
        }
        return counts;
    }

    /** The number of triples of each {@link #WHOLE_CALLS} answer for the record, or null when it is not there. */
    private List<Integer> wholeCounts(String record) throws IOException {
        List<Integer> counts = new ArrayList<>();
        for (String call : WHOLE_CALLS) {
            HttpRequest get = HttpRequest.newBuilder(api.base.resolve("/api/records/" + record + "/" + call))
                    .header("Authorization", api.basic).header("Accept", "application/n-triples")
                    .timeout(Duration.ofSeconds(60)).GET().build();
            HttpResponse<String> r = api.send(get, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404 && call.equals("demographics")) {
                return null;
            }
            counts.add(r.statusCode() != 200 ? -r.statusCode() : (int) r.body().lines().filter(l -> !l.isBlank()).count());
        }
        return counts;
    }
}
