package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.smartcontainer.records.query.QueryParameters;
import org.smartcontainer.records.query.RecordReader;
import org.smartcontainer.records.query.ResponseSummary;
import org.smartcontainer.records.query.StatementQuery;

/**
 * The remote SPARQL store answers with the native store's blank-node structure: the same upstream sample
 * patients in both stores give isomorphic graphs ({@link Models#isomorphic}) for every read of the store and for
 * the answers the API assembles from them, also after the SPARQL server was stopped and started again on its data,
 * and also when one answer is assembled from several reads that meet at the same blank nodes.
 *
 * <p>The SPARQL store gets each patient as the native store stored it (same minted statement URIs, blank nodes
 * kept blank), so that the two stores' answers can be compared whole.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparqlStoreBlankNodesTest {

    /** Medications with fulfillments, lab results, vital signs with encounters, problems, allergies. */
    static final List<String> RECORDS = List.of("1032702", "1869612", "1288992", "2169591", "8888802");
    static final List<String> TYPES = List.of("Medication", "Fulfillment", "LabResult", "VitalSignSet", "Encounter",
            "Problem", "Allergy", "AllergyExclusion", "Immunization", "SocialHistory");
    static final List<ValuePath> PATHS = List.of(ValuePath.of(sp("startDate")), ValuePath.of(sp("drugName")),
            ValuePath.of(sp("drugName"), sp("code")), ValuePath.of(sp("encounter"), sp("startDate")),
            ValuePath.of(sp("medication"), sp("drugName"), sp("code")));
    static final String BASE = Fixtures.API_BASE;

    @TempDir
    static Path dir;

    static FusekiServer fuseki;
    static SparqlStoreRecords sparql;
    static NativeStoreRecords nativeStore;
    /** The native store's answers, by what was asked. */
    static Map<String, Model> nativeAnswers;
    /** The SPARQL store's answers before its server was restarted. */
    static Map<String, Model> sparqlAnswersBefore;

    static IRI sp(String name) {
        return SimpleValueFactory.getInstance().createIRI(RecordTerms.SP, name);
    }

    @BeforeAll
    static void importTheSamplesIntoBothStores() throws Exception {
        fuseki = new FusekiServer(dir.resolve("fuseki-db")).start();
        sparql = new SparqlStoreRecords(new SparqlStoreRecords.Settings(fuseki.queryUrl(), fuseki.updateUrl(), null,
                null, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(60), 4),
                dir.resolve("sparql-documents"), Fixtures.types());
        nativeStore = Fixtures.openStore(dir.resolve("native"));
        for (String id : RECORDS) {
            nativeStore.importPatient(PatientData.parse(Fixtures.samplePatient(id)), null);
            sparql.importPatient(PatientData.of(id, storedTriples(nativeStore.dump(), id), "p" + id + ".xml as stored"),
                    null);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (sparql != null) {
            sparql.close();
        }
        if (nativeStore != null) {
            nativeStore.close();
        }
        if (fuseki != null) {
            fuseki.close();
        }
    }

    /** The quads of one record (its index graph and statement graphs). */
    static Model storedQuads(Model dump, String recordId) {
        Model quads = new LinkedHashModel();
        for (Statement q : dump) {
            if (q.getContext() instanceof IRI g && RecordUris.recordIdOf(g, null).filter(recordId::equals).isPresent()) {
                quads.add(q);
            }
        }
        return quads;
    }

    /** The triples of one record without their graphs: the patient as stored, as an import reads it. */
    static Model storedTriples(Model dump, String recordId) {
        Model triples = new LinkedHashModel();
        storedQuads(dump, recordId).forEach(q -> triples.add(q.getSubject(), q.getPredicate(), q.getObject()));
        return triples;
    }

    /** The answer without its processing time, which is measured anew for every answer. */
    static Model withoutTiming(Model answer) {
        Model copy = new LinkedHashModel(answer);
        copy.remove(null, ResponseSummary.PROCESSING_TIME_MS, null);
        return copy;
    }

    /** A listing as text: statement URI and the values at each path, blank nodes as {@code _:}. */
    static Model listing(List<StatementEntry> entries) {
        Model out = new LinkedHashModel();
        SimpleValueFactory vf = SimpleValueFactory.getInstance();
        for (StatementEntry e : entries) {
            for (int i = 0; i < PATHS.size(); i++) {
                for (Value v : e.values(PATHS.get(i))) {
                    out.add(e.uri(), vf.createIRI("urn:path:" + i), v);
                }
            }
        }
        return out;
    }

    /**
     * Every read the tests compare, by what was asked: per record and class the listing with its values, the
     * collection graph, each single statement, the demographics, and the API's assembled answers (a collection
     * with its summary; allergies with their exclusions, two reads in one answer).
     */
    static Map<String, Model> answers(RecordStore store) {
        Map<String, Model> answers = new LinkedHashMap<>();
        RecordReader reader = new RecordReader(store);
        for (String id : RECORDS) {
            for (String type : TYPES) {
                List<StatementEntry> entries = store.listStatements(id, sp(type), PATHS, BASE);
                List<IRI> uris = entries.stream().map(StatementEntry::uri).toList();
                answers.put(id + " " + type + " listStatements", listing(entries));
                answers.put(id + " " + type + " readStatements", store.readStatements(id, uris, BASE));
                for (IRI uri : uris) {
                    answers.put(id + " " + type + " readStatement " + uri,
                            store.readStatement(id, sp(type), uri, BASE).orElseThrow());
                }
                answers.put(id + " " + type + " API collection", withoutTiming(reader.collection(id,
                        StatementQuery.unfiltered(sp(type)), BASE + "/records/" + id + "/x/", QueryParameters.none(), BASE)));
            }
            answers.put(id + " readDemographics", store.readDemographics(id, BASE).orElseThrow());
            Model allergies = reader.collection(id, StatementQuery.unfiltered(sp("Allergy")), BASE + "/records/" + id
                    + "/allergies/", QueryParameters.none(), BASE);
            allergies.addAll(reader.all(id, sp("AllergyExclusion"), BASE));
            answers.put(id + " API allergies", withoutTiming(allergies));
        }
        return answers;
    }

    static void assertIsomorphic(Map<String, Model> expected, Map<String, Model> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same reads");
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, Model> e : expected.entrySet()) {
            Model other = actual.get(e.getKey());
            if (!Models.isomorphic(e.getValue(), other)) {
                differing.add(e.getKey() + " (" + e.getValue().size() + " vs " + other.size() + " triples, "
                        + blankNodes(e.getValue()) + " vs " + blankNodes(other) + " blank nodes)");
            }
        }
        if (!differing.isEmpty()) {
            fail(what + ": " + differing.size() + " of " + expected.size() + " answers are not isomorphic: "
                    + differing.stream().limit(15).collect(Collectors.joining("; ")));
        }
    }

    static long blankNodes(Model model) {
        return model.stream().flatMap(st -> Stream.of(st.getSubject(), st.getObject()))
                .filter(Value::isBNode).distinct().count();
    }

    @Test
    @Order(1)
    void bothStoresHoldTheSameQuadsWithTheSameBlankNodeStructure() {
        Model nativeDump = nativeStore.dump();
        Model sparqlDump = sparql.dump();
        for (String id : RECORDS) {
            Model expected = storedQuads(nativeDump, id);
            assertTrue(blankNodes(expected) > 0, id + " has blank nodes");
            assertTrue(Models.isomorphic(expected, storedQuads(sparqlDump, id)), id);
        }
    }

    @Test
    @Order(2)
    void everyReadAndEveryAssembledAnswerIsIsomorphicToTheNativeStores() {
        nativeAnswers = answers(nativeStore);
        assertTrue(nativeAnswers.values().stream().mapToLong(SparqlStoreBlankNodesTest::blankNodes).sum() > 1000,
                "the compared answers carry blank nodes");
        sparqlAnswersBefore = answers(sparql);
        assertIsomorphic(nativeAnswers, sparqlAnswersBefore, "SPARQL store");
        assertTrue(sparqlAnswersBefore.values().stream().flatMap(Model::stream)
                .flatMap(st -> Stream.of(st.getSubject(), st.getObject()))
                .noneMatch(v -> v.stringValue().contains("/.well-known/genid/")), "the store's skolem IRIs stay inside");
    }

    @Test
    @Order(3)
    void afterTheSparqlServerRestartsOnItsDataTheAnswersAreIsomorphicToThoseBefore() throws Exception {
        fuseki.stop();
        fuseki.start();
        Map<String, Model> after = answers(sparql);
        assertIsomorphic(sparqlAnswersBefore, after, "SPARQL store after a restart vs before");
        assertIsomorphic(nativeAnswers, after, "SPARQL store after a restart vs native store");
    }

    @Test
    @Order(4)
    void readsThatMeetAtTheSameBlankNodesMergeIntoOneAnswerAsInTheNativeStore() {
        for (String id : RECORDS) {
            List<IRI> medications = uris(sparql, id, "Medication");
            List<IRI> fulfillments = uris(sparql, id, "Fulfillment");
            assertEquals(new HashSet<>(uris(nativeStore, id, "Medication")), new HashSet<>(medications));
            for (RecordStore store : List.of(nativeStore, sparql)) {
                // a medication's answer holds its fulfillments and a fulfillment's its medication: the graphs overlap
                Model merged = store.readStatements(id, medications, BASE);
                merged.addAll(store.readStatements(id, fulfillments, BASE));
                merged.addAll(store.readStatements(id, medications, BASE));
                List<IRI> both = new ArrayList<>(medications);
                both.addAll(fulfillments);
                Model inOneRead = store.readStatements(id, both, BASE);
                assertTrue(Models.isomorphic(inOneRead, merged), id + " " + store.describe() + ": " + inOneRead.size()
                        + " triples read at once, " + merged.size() + " merged from three reads");
            }
        }
        assertFalse(uris(sparql, RECORDS.get(1), "Fulfillment").isEmpty(), "the test reads fulfillments");
    }

    @Test
    @Order(5)
    void aRecordStoredWithRealBlankNodesByAnEarlierVersionIsStillReadWhole() throws Exception {
        String id = RECORDS.get(1);
        assertTrue(sparql.deleteRecord(id));
        // the stored record as earlier versions wrote it: blank nodes as labels of one INSERT DATA
        StringBuilder update = new StringBuilder("INSERT DATA {\n");
        for (Statement q : storedQuads(nativeStore.dump(), id)) {
            update.append("GRAPH <").append(q.getContext().stringValue()).append("> { ")
                    .append(NTriplesUtil.toNTriplesString(q.getSubject())).append(' ')
                    .append(NTriplesUtil.toNTriplesString(q.getPredicate())).append(' ')
                    .append(NTriplesUtil.toNTriplesString(q.getObject())).append(" }\n");
        }
        HttpResponse<String> written = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(fuseki.updateUrl())).header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(update.append("}").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(2, written.statusCode() / 100, written.statusCode() + " " + written.body());
        assertTrue(sparql.exists(id));
        for (String type : TYPES) {
            String key = id + " " + type + " readStatements";
            List<IRI> uris = uris(sparql, id, type);
            assertTrue(Models.isomorphic(nativeAnswers.get(key), sparql.readStatements(id, uris, BASE)), key);
        }
        assertTrue(Models.isomorphic(nativeAnswers.get(id + " readDemographics"),
                sparql.readDemographics(id, BASE).orElseThrow()));
    }

    static List<IRI> uris(RecordStore store, String id, String type) {
        return store.listStatements(id, sp(type), List.of(), BASE).stream().map(StatementEntry::uri).toList();
    }
}
