package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcontainer.accounts.InitialAdmin;
import org.smartcontainer.records.query.ResponseSummary;

/**
 * The container on a remote SPARQL store (it.backend=sparql) when that store goes away: record calls answer
 * {@code 503} with a clear message within the configured timeouts, many at once (no request waits for a store that
 * is not there), an import during the outage is refused and leaves nothing behind, the readiness check reports the
 * store DOWN with the reason (liveness stays UP), and everything works again as soon as the store is back. The
 * container's own data (accounts, apps, tokens, audit) lives in PostgreSQL meanwhile: remote SPARQL + PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "it.backend", matches = "sparql")
class SparqlStoreOutageIT {

    static final String RECORD = "outage-1032702";
    static final String REFUSED = "outage-refused";
    // HTTP/1.1: the JDK client's default h2c upgrade ended long (30 s) answers with "EOF reached while reading"
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final List<String> READS = List.of("/medications/", "/problems/", "/lab_results/", "/vital_sign_sets/",
            "/demographics", "/allergies/", "/encounters/", "/immunizations/");

    static Model medicationsBefore;

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withTestClasses(SparqlStoreOutageIT.class, SamplePatients.class);
    }

    static HttpResponse<String> call(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.base() + "/api" + path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", TestServer.basic(InitialAdmin.USERNAME, TestServer.initialAdminPassword()))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Model rdf(HttpResponse<String> response) throws Exception {
        return Rio.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), "", RDFFormat.RDFXML);
    }

    /** The statements without blank nodes of one graph that the other lacks (for failure messages). */
    static List<String> without(Model graph, Model other) {
        return graph.stream().filter(st -> !st.getSubject().isBNode() && !st.getObject().isBNode() && !other.contains(st))
                .map(Object::toString).limit(20).toList();
    }

    /** An answer without its summary's processing time, which is measured anew for every answer. */
    static Model withoutProcessingTime(Model answer) {
        Model copy = new LinkedHashModel(answer);
        copy.remove(null, ResponseSummary.PROCESSING_TIME_MS, null);
        return copy;
    }

    static byte[] samplePatient() throws Exception {
        return Files.readAllBytes(SamplePatients.folder().resolve("p1032702.xml"));
    }

    /** GET of a health endpoint: status and the named check's status and data. */
    static JsonObject health(String path, int expectedStatus) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + path))
                .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, r.statusCode(), path + " " + r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    @Test
    @Order(0)
    @RunAsClient
    void theContainersOwnDataIsInThePostgresqlDatabaseTheBuildStarted() throws Exception {
        String url = System.getProperty("it.postgresql.url");
        assertTrue(url != null && url.startsWith("jdbc:postgresql:"), "this backend runs on PostgreSQL: " + url);
        try (Connection db = DriverManager.getConnection(url, "smart", "smart")) {
            assertEquals("PostgreSQL", db.getMetaData().getDatabaseProductName());
            try (ResultSet r = db.createStatement().executeQuery(
                    "SELECT COUNT(*), MIN(CAST(success AS INT)) FROM flyway_schema_history WHERE version IS NOT NULL")) {
                assertTrue(r.next());
                assertTrue(r.getInt(1) >= 2, "the versioned migrations ran there");
                assertEquals(1, r.getInt(2), "every migration succeeded");
            }
            try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM smart_account WHERE username = ?")) {
                q.setString(1, InitialAdmin.USERNAME);
                try (ResultSet r = q.executeQuery()) {
                    assertTrue(r.next());
                    assertEquals(1, r.getInt(1), "the first start created the administrator in PostgreSQL");
                }
            }
        }
        assertEquals("UP", check(health("/health/ready", 200), "smart-record-store").getString("status"));
    }

    @Test
    @Order(1)
    @RunAsClient
    void aPatientImportedIntoTheRemoteStoreIsServed() throws Exception {
        HttpResponse<String> put = call("PUT", "/admin/records/" + RECORD, samplePatient(), "Content-Type", "application/rdf+xml");
        assertTrue(put.statusCode() == 200 || put.statusCode() == 201, put.statusCode() + " " + put.body());
        HttpResponse<String> medications = call("GET", "/records/" + RECORD + "/medications/", null);
        assertEquals(200, medications.statusCode(), medications.body());
        assertTrue(medications.body().contains("Medication"));
        medicationsBefore = rdf(medications);
    }

    @Test
    @Order(2)
    @RunAsClient
    void withTheStoreDownRecordCallsAnswer503FastWithAClearMessageAndImportsAreRefused() throws Exception {
        SparqlBackend.instance().stop();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String read : READS) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return call("GET", "/records/" + RECORD + read, null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
        }
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.get();
            assertEquals(503, r.statusCode(), r.uri() + " " + r.body());
            assertTrue(r.body().startsWith("The record store is unavailable"), r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertTrue(seconds < 20, calls.size() + " calls took " + seconds + " s: they must fail fast, not wait");

        HttpResponse<String> put = call("PUT", "/admin/records/" + REFUSED, samplePatient(), "Content-Type", "application/rdf+xml");
        assertEquals(503, put.statusCode(), put.body());
        assertTrue(put.body().contains("record store is unavailable"), put.body());
        HttpResponse<String> unknown = call("GET", "/records/" + REFUSED + "/problems/", null);
        assertEquals(503, unknown.statusCode(), "no answer about a record the store cannot be asked about");
    }

    @Test
    @Order(3)
    @RunAsClient
    void withTheStoreDownTheServerIsNotReadyAndSaysWhyButStaysLive() throws Exception {
        JsonObject ready = health("/health/ready", 503);
        assertEquals("DOWN", ready.getString("status"));
        JsonObject store = check(ready, "smart-record-store");
        assertEquals("DOWN", store.getString("status"));
        String error = store.getJsonObject("data").getString("error");
        assertTrue(error.startsWith("The record store is unavailable (the SPARQL store did not answer"), error);
        assertEquals("UP", check(ready, "smart-database").getString("status"), "only the store is missing");
        JsonObject live = health("/health/live", 200);
        assertEquals("UP", live.getString("status"), "a restart would not bring the store back: " + live);
    }

    @Test
    @Order(4)
    @RunAsClient
    void whenTheStoreReturnsEverythingRecoversAndTheRefusedImportLeftNothing() throws Exception {
        SparqlBackend.instance().start();
        JsonObject ready = health("/health/ready", 200);
        assertEquals("UP", check(ready, "smart-record-store").getString("status"), ready::toString);
        HttpResponse<String> medications = call("GET", "/records/" + RECORD + "/medications/", null);
        assertEquals(200, medications.statusCode(), medications.body());
        // the same answer, blank nodes included (not the same bytes: blank node labels are the writer's)
        Model after = rdf(medications);
        assertEquals(List.of(), without(medicationsBefore, after), "statements lost in the outage");
        assertEquals(List.of(), without(after, medicationsBefore), "statements gained in the outage");
        assertTrue(Models.isomorphic(withoutProcessingTime(medicationsBefore), withoutProcessingTime(after)),
                "the whole answer, blank-node structure included, is the one before the outage");
        assertEquals(404, call("GET", "/records/" + REFUSED + "/problems/", null).statusCode(), "nothing half-written");
        HttpResponse<String> put = call("PUT", "/admin/records/" + REFUSED, samplePatient(), "Content-Type", "application/rdf+xml");
        assertEquals(201, put.statusCode(), put.body());
        assertEquals(200, call("GET", "/records/" + REFUSED + "/problems/", null).statusCode());
        assertEquals(204, call("DELETE", "/admin/records/" + REFUSED, null).statusCode());
    }

    @Test
    @Order(5)
    @RunAsClient
    void aFrozenStoreTimesOutWith503InsteadOfHoldingRequestsThenRecovers() throws Exception {
        SparqlBackend fuseki = SparqlBackend.instance();
        fuseki.freeze();
        try {
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (String read : READS) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return call("GET", "/records/" + RECORD + read, null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CompletableFuture<HttpResponse<String>> c : calls) {
                HttpResponse<String> r = c.get();
                assertEquals(503, r.statusCode(), r.uri() + " " + r.body());
                assertTrue(r.body().contains("Read timed out"), r.body());
            }
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            // query timeout 30 s (SparqlBackend), the calls wait in parallel, not one after the other
            assertTrue(seconds < 90, "answered within the timeouts, not held: " + seconds + " s");
        } finally {
            fuseki.thaw();
        }
        assertEquals(200, call("GET", "/records/" + RECORD + "/medications/", null).statusCode());
    }
}
