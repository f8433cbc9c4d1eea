package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcontainer.accounts.InitialAdmin;

/**
 * Proxy mode (proxy-mode-and-security.md §1) on the real EAR in front of a fake EHR ({@link FakeEhr}) on loopback:
 * record reads are forwarded with their query (no OAuth parameters, the container's own credential, the acting
 * context as headers), answered in the representation asked for with only the record's statements, EHR errors are
 * mapped (404 stays, 5xx becomes 502 without the EHR's body, a slow EHR 504 within the timeout, a dead one 503) and
 * the container recovers when the EHR does; writes to records are refused and not advertised.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "it.backend", matches = ".+") // its own backend configuration
class ProxyModeIT {

    static final String RECORD = "1032702";
    static final String EHR_CREDENTIAL = "Bearer ehr-credential-of-the-container";
    static final String SP = "http://smartplatforms.org/terms#";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static FakeEhr ehr;

    @Deployment(name = "smart")
    static EnterpriseArchive ear() throws Exception {
        ehr = new FakeEhr(TestServer.base() + "/api", Integer.getInteger("it.fake-ehr.port", 0)).start();
        return SmartEar.withConfig(Map.of("smart.records.backend", "proxy", "smart.records.proxy.base", ehr.base(),
                "smart.records.proxy.authorization", EHR_CREDENTIAL, "smart.records.proxy.read-timeout-ms", "3000",
                "smart.records.proxy.max-concurrent", "16", "smart.sample-patients.count", "0"), ProxyModeIT.class);
    }

    @AfterAll
    static void stopTheEhr() {
        if (ehr != null) {
            ehr.stop();
        }
    }

    @AfterEach
    void normalEhr() {
        if (ehr != null) {
            ehr.mode(FakeEhr.Mode.NORMAL);
        }
    }

    static HttpResponse<String> call(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.base() + "/api" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", TestServer.basic(InitialAdmin.USERNAME, TestServer.initialAdminPassword()))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Model rdf(HttpResponse<String> response) throws Exception {
        return Rio.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), "", RDFFormat.RDFXML);
    }

    static IRI sp(String name) {
        return SimpleValueFactory.getInstance().createIRI(SP, name);
    }

    @Test
    @Order(1)
    @RunAsClient
    void aCollectionIsForwardedWithTheContainersCredentialAndTheActingContext() throws Exception {
        ehr.forget();
        HttpResponse<String> response = call("GET", "/records/" + RECORD + "/medications/");
        assertEquals(200, response.statusCode(), response.body());
        Model medications = rdf(response);
        long expected = ehr.patient(RECORD).filter(null, RDF.TYPE, sp("Medication")).size();
        assertTrue(expected > 0);
        assertEquals(expected, medications.filter(null, RDF.TYPE, sp("Medication")).size());
        FakeEhr.Received received = ehr.received().get(ehr.received().size() - 1);
        assertEquals("/records/" + RECORD + "/medications/", received.path());
        assertEquals(EHR_CREDENTIAL, received.authorization(), "the container's credential, never the caller's");
        assertEquals(RECORD, received.record());
        assertEquals(InitialAdmin.USERNAME, received.user());
    }

    @Test
    @Order(2)
    @RunAsClient
    void theQueryStringReachesTheEhrWhichDoesThePaging() throws Exception {
        ehr.forget();
        HttpResponse<String> response = call("GET", "/records/" + RECORD + "/problems/?limit=2&offset=1");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, rdf(response).filter(null, RDF.TYPE, sp("Problem")).size());
        assertEquals("limit=2&offset=1", ehr.received().get(ehr.received().size() - 1).query());
    }

    @Test
    @Order(3)
    @RunAsClient
    void itemsAndDemographicsAreForwardedAndAnsweredInTheRepresentationAsked() throws Exception {
        HttpResponse<String> demographics = call("GET", "/records/" + RECORD + "/demographics");
        assertEquals(200, demographics.statusCode(), demographics.body());
        assertFalse(rdf(demographics).filter(null, RDF.TYPE, sp("Demographics")).isEmpty());
        HttpResponse<String> item = call("GET", "/records/" + RECORD + "/problems/1");
        assertEquals(200, item.statusCode(), item.body());
        assertEquals(1, rdf(item).filter(null, RDF.TYPE, sp("Problem")).size());
        HttpResponse<String> turtle = call("GET", "/records/" + RECORD + "/problems/1", "Accept", "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Model parsed = Rio.parse(new ByteArrayInputStream(turtle.body().getBytes(StandardCharsets.UTF_8)), "", RDFFormat.TURTLE);
        assertTrue(Models.isomorphic(rdf(item), parsed), "the same graph in the representation asked for");
    }

    @Test
    @Order(4)
    @RunAsClient
    void whatTheEhrDoesNotHaveIs404() throws Exception {
        assertEquals(404, call("GET", "/records/" + RECORD + "/problems/9999").statusCode());
        assertEquals(404, call("GET", "/records/no-such-patient/problems/").statusCode());
    }

    @Test
    @Order(5)
    @RunAsClient
    void statementsOfAnotherRecordInTheEhrsAnswerAreDropped() throws Exception {
        ehr.mode(FakeEhr.Mode.LEAKY);
        HttpResponse<String> response = call("GET", "/records/" + RECORD + "/problems/");
        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("leaked from another record"), response.body());
        assertFalse(response.body().contains("someone-else"));
        assertFalse(rdf(response).filter(null, RDF.TYPE, sp("Problem")).isEmpty());
    }

    @Test
    @Order(6)
    @RunAsClient
    void anEhrFailureIs502WithoutTheEhrsStackTrace() throws Exception {
        ehr.mode(FakeEhr.Mode.FAILING);
        HttpResponse<String> response = call("GET", "/records/" + RECORD + "/problems/");
        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("HTTP 500"), response.body());
        assertFalse(response.body().contains("NullPointerException") || response.body().contains("Secret.java"));
    }

    @Test
    @Order(7)
    @RunAsClient
    void aSlowEhrIs504WithinTheTimeoutForEveryWaitingCall() throws Exception {
        ehr.mode(FakeEhr.Mode.SLOW); // answers after 20 s; the container waits 3 s
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return call("GET", "/records/" + RECORD + "/medications/");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.get();
            assertEquals(504, r.statusCode(), r.body());
            assertTrue(r.body().contains("did not answer within 3000 ms"), r.body());
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertTrue(seconds < 15, "12 calls held by a slow EHR must end with the 3 s timeout, took " + seconds + " s");
        ehr.mode(FakeEhr.Mode.NORMAL);
        assertEquals(200, call("GET", "/records/" + RECORD + "/medications/").statusCode());
    }

    @Test
    @Order(8)
    @RunAsClient
    void aDeadEhrIs503AndTheContainerRecoversWhenItIsBack() throws Exception {
        ehr.stop();
        long start = System.nanoTime();
        HttpResponse<String> down = call("GET", "/records/" + RECORD + "/medications/");
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().startsWith("The EHR is unavailable"), down.body());
        assertTrue(down.headers().firstValue("Retry-After").isPresent());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "fails fast");
        assertEquals(200, call("GET", "/manifest").statusCode(), "the container's own calls still work");
        ehr.start();
        assertEquals(200, call("GET", "/records/" + RECORD + "/medications/").statusCode());
    }

    @Test
    @Order(9)
    @RunAsClient
    void recordWritesAreRefusedAndNotAdvertised() throws Exception {
        HttpResponse<String> post = call("POST", "/records/" + RECORD + "/clinical_notes/", "Content-Type", "application/rdf+xml");
        assertEquals(405, post.statusCode(), post.body());
        assertTrue(post.body().contains("proxy mode"));
        HttpResponse<String> manifest = call("GET", "/manifest");
        assertEquals(200, manifest.statusCode());
        String capabilities = manifest.body();
        int note = capabilities.indexOf(SP + "ClinicalNote");
        assertTrue(note > 0, capabilities);
        String noteEntry = capabilities.substring(note, capabilities.indexOf('}', note));
        assertFalse(noteEntry.contains("POST"), noteEntry);
        assertTrue(noteEntry.contains("GET"), noteEntry);
    }
}
