package org.smartcontainer.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * A small stand-in for an existing EHR that speaks SMART RDF (proxy-mode-and-security.md §1.3), for the proxy-mode
 * tests: on a loopback port it serves the upstream sample patients ({@code smart.shared.dir}) under the container's
 * {@code api_base} URIs (statements numbered per collection: {@code /records/{id}/medications/1}, ...), pages
 * collections by {@code limit}/{@code offset}, and remembers every request it received. It can be made slow,
 * failing, leaky (statements of another record) or be stopped and started again.
 */
final class FakeEhr implements AutoCloseable {

    enum Mode { NORMAL, SLOW, FAILING, LEAKY }

    /** One request as the EHR received it. */
    record Received(String path, String query, String authorization, String app, String user, String record) {
    }

    private static final String SP = "http://smartplatforms.org/terms#";
    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static final Map<String, String> COLLECTIONS = Map.ofEntries(Map.entry("Medication", "medications"),
            Map.entry("Problem", "problems"), Map.entry("Allergy", "allergies"),
            Map.entry("AllergyExclusion", "allergy_exclusions"), Map.entry("Immunization", "immunizations"),
            Map.entry("LabResult", "lab_results"), Map.entry("VitalSignSet", "vital_sign_sets"),
            Map.entry("Encounter", "encounters"), Map.entry("Fulfillment", "fulfillments"),
            Map.entry("Procedure", "procedures"), Map.entry("FamilyHistory", "family_history"),
            Map.entry("ClinicalNote", "clinical_notes"));
    private static final Map<String, String> SINGLETONS = Map.of("Demographics", "demographics",
            "SocialHistory", "social_history");

    private final String apiBase;
    private int port;
    private final Map<String, Model> patients = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.NORMAL;
    private volatile Duration delay = Duration.ofSeconds(20);
    private HttpServer server;
    private ExecutorService executor;

    FakeEhr(String apiBase, int port) {
        this.apiBase = apiBase;
        this.port = port;
    }

    /** Starts serving (again, on the same port). */
    synchronized FakeEhr start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort(); // the same port when started again
        return this;
    }

    /** Stops listening: the EHR is down. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The REST base the container is configured with. */
    String base() {
        return "http://localhost:" + port;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    /** A patient as this EHR serves it (statement URIs minted under the container's api_base). */
    Model patient(String recordId) {
        return patients.computeIfAbsent(recordId, this::load);
    }

    private Model load(String recordId) {
        Path file = SamplePatients.folder().resolve("p" + recordId + ".xml");
        if (!Files.isRegularFile(file)) {
            return new LinkedHashModel();
        }
        Model raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = Rio.parse(in, "", RDFFormat.RDFXML);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String record = apiBase + "/records/" + recordId;
        Map<Resource, Resource> minted = new HashMap<>();
        Map<String, Integer> counters = new HashMap<>();
        for (Statement st : raw.filter(null, RDF.TYPE, null)) {
            if (!(st.getSubject() instanceof BNode) || minted.containsKey(st.getSubject())) {
                continue;
            }
            String type = st.getObject().stringValue().startsWith(SP) ? st.getObject().stringValue().substring(SP.length()) : "";
            if (type.equals("MedicalRecord")) {
                minted.put(st.getSubject(), VF.createIRI(record));
            } else if (SINGLETONS.containsKey(type)) {
                minted.put(st.getSubject(), VF.createIRI(record + "/" + SINGLETONS.get(type)));
            } else if (COLLECTIONS.containsKey(type)) {
                String segment = COLLECTIONS.get(type);
                int n = counters.merge(segment, 1, Integer::sum);
                minted.put(st.getSubject(), VF.createIRI(record + "/" + segment + "/" + n));
            }
        }
        Model out = new LinkedHashModel();
        for (Statement st : raw) {
            Resource s = minted.getOrDefault(st.getSubject(), st.getSubject());
            Value o = st.getObject() instanceof Resource r ? minted.getOrDefault(r, r) : st.getObject();
            out.add(s, st.getPredicate(), o);
        }
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(path, query, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Smart-App"), exchange.getRequestHeaders().getFirst("X-Smart-User"),
                    exchange.getRequestHeaders().getFirst("X-Smart-Record")));
            Mode now = mode;
            if (now == Mode.SLOW) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (now == Mode.FAILING) {
                send(exchange, 500, "text/plain", "java.lang.NullPointerException\n\tat com.ehr.Secret.internal(Secret.java:42)\n");
                return;
            }
            String[] parts = path.split("/");
            // /records/{id}/{segment}[/{n}]
            if (parts.length < 4 || !parts[1].equals("records")) {
                send(exchange, 404, "text/plain", "no such path\n");
                return;
            }
            Model patient = patient(parts[2]);
            if (patient.isEmpty()) {
                send(exchange, 404, "text/plain", "no such record\n");
                return;
            }
            String record = apiBase + "/records/" + parts[2];
            List<IRI> selected = new ArrayList<>();
            if (parts.length == 4 && SINGLETONS.containsValue(parts[3]) && !path.endsWith("/")) {
                selected.add(VF.createIRI(record + "/" + parts[3]));
            } else if (parts.length == 4 && COLLECTIONS.containsValue(parts[3])) {
                String prefix = record + "/" + parts[3] + "/";
                patient.subjects().stream().filter(s -> s.stringValue().startsWith(prefix) && s instanceof IRI)
                        .map(IRI.class::cast).sorted((a, b) -> Integer.compare(number(a), number(b))).forEach(selected::add);
                Map<String, String> params = params(query);
                int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
                int limit = Integer.parseInt(params.getOrDefault("limit", Integer.toString(selected.size())));
                selected = selected.subList(Math.min(offset, selected.size()), Math.min(selected.size(), offset + limit));
            } else if (parts.length == 5 && COLLECTIONS.containsValue(parts[3])) {
                selected.add(VF.createIRI(record + "/" + parts[3] + "/" + parts[4]));
            }
            Model out = new LinkedHashModel();
            for (IRI s : selected) {
                closure(patient, s, out, new HashSet<>());
            }
            if (out.isEmpty() && !(parts.length == 4 && COLLECTIONS.containsValue(parts[3]))) {
                send(exchange, 404, "text/plain", "no such statement\n");
                return;
            }
            if (now == Mode.LEAKY) {
                IRI other = VF.createIRI(apiBase + "/records/someone-else/problems/1");
                out.add(other, RDF.TYPE, VF.createIRI(SP, "Problem"));
                out.add(other, DCTERMS.TITLE, VF.createLiteral("leaked from another record"));
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Rio.write(out, body, RDFFormat.RDFXML);
            send(exchange, 200, "application/rdf+xml", body.toString(StandardCharsets.UTF_8));
        }
    }

    private static int number(IRI statement) {
        String s = statement.stringValue();
        return Integer.parseInt(s.substring(s.lastIndexOf('/') + 1));
    }

    /** A statement's triples and those of the nodes it holds (not of other statements). */
    private void closure(Model patient, Resource node, Model out, Set<Resource> seen) {
        if (!seen.add(node)) {
            return;
        }
        for (Statement st : patient.filter(node, null, null)) {
            out.add(st);
            if (st.getObject() instanceof BNode b) {
                closure(patient, b, out, seen);
            } else if (st.getObject() instanceof IRI iri && !iri.stringValue().startsWith(apiBase + "/records/")) {
                closure(patient, iri, out, seen); // code descriptions
            }
        }
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
