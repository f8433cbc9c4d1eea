package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.smartcontainer.records.generator.GeneratedPatient;
import org.smartcontainer.records.generator.SamplePatientGenerator;

/**
 * The remote SPARQL record store on a real Apache Jena Fuseki gives the native store's answers for the same
 * patients, writes a patient whole or not at all, and fails fast (then recovers) when the store goes away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparqlStoreRecordsTest {

    static final String SP = RecordTerms.SP;
    static final List<String> RECORDS = List.of("1032702", "1081332", "1098667", "1137192", "1134281");
    static final List<String> TYPES = List.of("Medication", "Fulfillment", "Problem", "LabResult", "VitalSignSet",
            "Encounter", "Allergy", "AllergyExclusion", "Immunization", "SocialHistory", "ClinicalNote", "Demographics");
    static final List<ValuePath> PATHS = List.of(ValuePath.of(sp("startDate")), ValuePath.of(sp("drugName"), sp("code")),
            ValuePath.of(sp("encounter"), sp("startDate")), ValuePath.of(sp("labName"), sp("code")),
            ValuePath.of(sp("medication"), sp("drugName"), sp("code")));

    @TempDir
    static Path dir;

    static FusekiServer fuseki;
    static SparqlStoreRecords sparql;
    static NativeStoreRecords nativeStore;

    static IRI sp(String name) {
        return SimpleValueFactory.getInstance().createIRI(SP, name);
    }

    static SparqlStoreRecords.Settings settings() {
        return new SparqlStoreRecords.Settings(fuseki.queryUrl(), fuseki.updateUrl(), null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(60), 8);
    }

    @BeforeAll
    static void importTheSamplesIntoBothStores() throws Exception {
        fuseki = new FusekiServer(dir.resolve("fuseki-db")).start();
        sparql = new SparqlStoreRecords(settings(), dir.resolve("sparql-documents"), Fixtures.types());
        nativeStore = Fixtures.openStore(dir.resolve("native"));
        for (String id : RECORDS) {
            PatientData patient = PatientData.parse(Fixtures.samplePatient(id));
            ImportResult a = sparql.importPatient(patient, null);
            ImportResult b = nativeStore.importPatient(patient, null);
            assertEquals(b.statements(), a.statements(), id);
            assertEquals(b.triples(), a.triples(), id);
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

    /** What a listing says, independent of the minted statement URIs: the values at each path, per statement. */
    static TreeSet<String> valuesOf(List<StatementEntry> entries) {
        TreeSet<String> out = new TreeSet<>();
        for (StatementEntry e : entries) {
            List<String> row = new ArrayList<>();
            PATHS.forEach(p -> row.add(e.values(p).stream().map(Object::toString).sorted().toList().toString()));
            out.add(row + " #" + out.size());
        }
        return out;
    }

    /** A graph's literals and predicates (URIs minted per store differ; the data must not). */
    static TreeSet<String> contentOf(Model model) {
        TreeSet<String> out = new TreeSet<>();
        for (Statement st : model) {
            out.add(st.getPredicate() + " " + (st.getObject() instanceof Literal l ? l.toString() : ""));
        }
        return out;
    }

    @Test
    @Order(1)
    void listingsFiltersKeysAndGraphsWithNeighboursAreTheNativeStores() {
        for (String id : RECORDS) {
            for (String type : TYPES) {
                List<StatementEntry> remote = sparql.listStatements(id, sp(type), PATHS, Fixtures.API_BASE);
                List<StatementEntry> local = nativeStore.listStatements(id, sp(type), PATHS, Fixtures.API_BASE);
                assertEquals(local.size(), remote.size(), id + " " + type);
                assertEquals(valuesOf(local).size(), valuesOf(remote).size());
                assertEquals(stripCounters(valuesOf(local)), stripCounters(valuesOf(remote)), id + " " + type);
                Model remoteGraph = sparql.readStatements(id, remote.stream().map(StatementEntry::uri).toList(), Fixtures.API_BASE);
                Model localGraph = nativeStore.readStatements(id, local.stream().map(StatementEntry::uri).toList(), Fixtures.API_BASE);
                assertEquals(localGraph.size(), remoteGraph.size(), id + " " + type + " graph");
                assertEquals(contentOf(localGraph), contentOf(remoteGraph), id + " " + type + " graph");
                remote.forEach(e -> assertTrue(e.uri().stringValue().startsWith(Fixtures.API_BASE + "/records/" + id + "/"),
                        "public, record-relative URI " + e.uri()));
            }
        }
    }

    static List<String> stripCounters(TreeSet<String> rows) {
        return rows.stream().map(r -> r.substring(0, r.lastIndexOf(" #"))).sorted().toList();
    }

    @Test
    @Order(2)
    void singleItemsDemographicsAndSearchAreTheNativeStores() {
        for (String id : RECORDS) {
            assertTrue(Models.isomorphic(nativeStore.readDemographics(id, Fixtures.API_BASE).orElseThrow(),
                    sparql.readDemographics(id, Fixtures.API_BASE).orElseThrow()), id);
            assertEquals(nativeStore.summary(id), sparql.summary(id));
            StatementEntry medication = sparql.listStatements(id, sp("Problem"), List.of(), Fixtures.API_BASE).get(0);
            Optional<Model> item = sparql.readStatement(id, sp("Problem"), medication.uri(), Fixtures.API_BASE);
            assertTrue(item.isPresent() && item.get().contains(medication.uri(), null, sp("Problem")));
            assertTrue(sparql.readStatement(id, sp("Medication"), medication.uri(), Fixtures.API_BASE).isEmpty(),
                    "exactly this type");
            String other = RECORDS.get((RECORDS.indexOf(id) + 1) % RECORDS.size());
            assertTrue(sparql.readStatement(other, sp("Problem"), medication.uri(), Fixtures.API_BASE).isEmpty(),
                    "records are isolated");
            assertTrue(sparql.readStatements(other, List.of(medication.uri()), Fixtures.API_BASE).isEmpty());
        }
        assertEquals(nativeStore.search(RecordQuery.all()), sparql.search(RecordQuery.all()));
        assertEquals(nativeStore.recordIds(), sparql.recordIds());
        assertTrue(sparql.listStatements("no-such-record", sp("Problem"), PATHS, Fixtures.API_BASE).isEmpty());
        assertFalse(sparql.exists("no-such-record"));
    }

    @Test
    @Order(3)
    void aSecondContainerOnTheSameStoreSeesTheRecordsAndTheirIndex() throws Exception {
        try (SparqlStoreRecords second = new SparqlStoreRecords(settings(), dir.resolve("second-documents"), Fixtures.types())) {
            assertEquals(RECORDS.size(), second.countRecords());
            assertEquals(sparql.search(RecordQuery.all()), second.search(RecordQuery.all()));
        }
    }

    @Test
    @Order(4)
    void replacingAndDeletingARecordLeavesNoStatementOfTheOldOne() throws Exception {
        String id = RECORDS.get(0);
        long before = sparql.dump().size();
        ImportResult again = sparql.importPatient(PatientData.parse(Fixtures.samplePatient(id)), null);
        assertTrue(again.replaced());
        assertEquals(before, sparql.dump().size(), "replaced, not added");
        assertTrue(sparql.deleteRecord(id));
        assertFalse(sparql.exists(id));
        assertTrue(sparql.dump().stream().noneMatch(q -> q.getContext().stringValue().contains("/records/" + id)));
        sparql.importPatient(PatientData.parse(Fixtures.samplePatient(id)), null);
        assertEquals(before, sparql.dump().size());
    }

    @Test
    @Order(5)
    void withTheStoreDownCallsFailFastAndNothingIsWrittenThenEverythingRecovers() throws Exception {
        String id = RECORDS.get(1);
        int problems = sparql.listStatements(id, sp("Problem"), List.of(), Fixtures.API_BASE).size();
        fuseki.stop();
        long start = System.nanoTime();
        RecordStoreUnavailableException down = assertThrows(RecordStoreUnavailableException.class,
                () -> sparql.listStatements(id, sp("Problem"), List.of(), Fixtures.API_BASE));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "fails fast");
        assertTrue(down.getMessage().startsWith("The record store is unavailable"), down.getMessage());
        RecordStoreUnavailableException check = assertThrows(RecordStoreUnavailableException.class, sparql::checkAvailable,
                "the readiness check asks the store, not the index");
        assertTrue(check.getMessage().startsWith("The record store is unavailable"), check.getMessage());
        List<PatientData> batch = generated(0, 3);
        assertThrows(RecordStoreUnavailableException.class, () -> sparql.importPatients(batch, null));
        assertTrue(sparql.search(RecordQuery.all()).stream().noneMatch(r -> r.recordId().equals(batch.get(0).recordId())));

        fuseki.start();
        sparql.checkAvailable();
        assertEquals(problems, sparql.listStatements(id, sp("Problem"), List.of(), Fixtures.API_BASE).size(), "recovered");
        assertEquals(RECORDS.size(), sparql.countRecords(), "the import during the outage wrote nothing");
        sparql.importPatients(batch, null);
        assertEquals(RECORDS.size() + 3, sparql.countRecords());
    }

    @Test
    @Order(6)
    void aStoreKilledDuringABulkImportKeepsAllOrNoneOfIt() throws Exception {
        List<PatientData> batch = generated(100, 25);
        long before = sparql.countRecords();
        long updates = fuseki.requests("/records/update");
        CompletableFuture<List<ImportResult>> importing = CompletableFuture.supplyAsync(() -> {
            try {
                return sparql.importPatients(batch, null);
            } catch (RecordImportException e) {
                throw new IllegalStateException(e);
            }
        });
        fuseki.awaitRequests("/records/update", updates + 1); // the request has reached the store
        fuseki.stop();
        boolean failed;
        try {
            importing.get();
            failed = false;
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof RecordStoreUnavailableException, e.getCause().toString());
            failed = true;
        }
        fuseki.start();
        long written = batch.stream().filter(p -> sparql.exists(p.recordId())).count();
        assertTrue(written == 0 || written == batch.size(), "all or none, found " + written);
        assertEquals(before + written, sparql.countRecords(), "index reloaded from the store (failed=" + failed + ")");
    }

    static List<PatientData> generated(int from, int count) {
        SamplePatientGenerator generator = new SamplePatientGenerator(SamplePatientGenerator.DEFAULT_SEED);
        List<PatientData> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            GeneratedPatient p = generator.generate(i);
            out.add(new PatientData(p.recordId(), p.rdf(), p.files(), "generated #" + i));
        }
        return out;
    }
}
