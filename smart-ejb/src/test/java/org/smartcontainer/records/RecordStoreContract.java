package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link RecordStore} that stores data must do, whatever its engine (as RDF4J's own store tests do for its
 * stores): a subclass opens a fresh, empty store of its backend, and every test here runs against it.
 */
abstract class RecordStoreContract {

    static final IRI MEDICATION = Values.iri(RecordTerms.SP, "Medication");
    static final IRI LAB_RESULT = Values.iri(RecordTerms.SP, "LabResult");
    static final IRI PROBLEM = Values.iri(RecordTerms.SP, "Problem");
    static final ValuePath START_DATE = ValuePath.of(Values.iri(RecordTerms.SP, "startDate"));
    static final ValuePath DRUG_CODE = ValuePath.of(Values.iri(RecordTerms.SP, "drugName"), Values.iri(RecordTerms.SP, "code"));
    /** A patient with medications, problems and more. */
    static final String AMY = "1032702";
    /** The patient with the largest lab list (919 KB of RDF/XML). */
    static final String LARGE = "1796238";

    @TempDir
    Path dir;

    RecordStore store;

    /** A fresh, empty store of the backend under test, its local files (if any) under {@code dir}. */
    abstract RecordStore open(Path dir) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open(dir);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    static PatientData sample(String recordId) throws RecordImportException {
        return PatientData.parse(Fixtures.samplePatient(recordId));
    }

    static PatientData sample(String file, String recordId) throws RecordImportException {
        return PatientData.parse(Fixtures.samplePatient(file), recordId);
    }

    @Test
    void aPutRecordIsListedCountedSummarisedAndRead() throws Exception {
        ImportResult result = store.importPatient(sample(AMY), null);

        assertFalse(result.replaced());
        assertEquals(1, store.countRecords());
        assertEquals(List.of(AMY), store.recordIds());
        assertTrue(store.exists(AMY));
        assertEquals("Shaw", store.summary(AMY).orElseThrow().familyName());
        List<StatementEntry> meds = store.listStatements(AMY, MEDICATION, List.of(START_DATE, DRUG_CODE), Fixtures.API_BASE);
        assertEquals(result.statements().get("Medication").intValue(), meds.size());
        for (StatementEntry med : meds) {
            assertTrue(med.uri().stringValue().startsWith(Fixtures.API_BASE + "/records/" + AMY + "/medications/"), med.uri().stringValue());
            assertEquals(1, med.values().get(START_DATE).size(), "one start date");
            assertEquals(1, med.values().get(DRUG_CODE).size(), "one drug code");
        }
        Model graphs = store.readStatements(AMY, meds.stream().map(StatementEntry::uri).toList(), Fixtures.API_BASE);
        assertEquals(meds.size(), graphs.filter(null, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, MEDICATION).size());
        assertTrue(store.readDemographics(AMY, Fixtures.API_BASE).orElseThrow().size() > 5);
    }

    @Test
    void aReplacedRecordHoldsOnlyItsNewStatementsAndANewRevision() throws Exception {
        store.importPatient(sample(AMY), null);
        long revision = store.revision(AMY);
        List<StatementEntry> oldMeds = store.listStatements(AMY, MEDICATION, List.of(), Fixtures.API_BASE);

        ImportResult result = store.importPatient(sample("1081332", AMY), null);

        assertTrue(result.replaced());
        assertEquals(1, store.countRecords());
        if (revision != RecordStore.NO_REVISION) {
            assertNotEquals(revision, store.revision(AMY));
        }
        List<StatementEntry> newMeds = store.listStatements(AMY, MEDICATION, List.of(), Fixtures.API_BASE);
        assertEquals(result.statements().getOrDefault("Medication", 0).intValue(), newMeds.size());
        assertTrue(store.readStatements(AMY, oldMeds.stream().map(StatementEntry::uri).toList(), Fixtures.API_BASE).isEmpty()
                || oldMeds.stream().allMatch(newMeds::contains), "the old statements are gone");
        assertEquals(store.summary(AMY), store.search(RecordQuery.all()).stream().findFirst());
    }

    @Test
    void aDeletedRecordIsGoneEverywhere() throws Exception {
        store.importPatient(sample(AMY), null);
        IRI med = store.listStatements(AMY, MEDICATION, List.of(), Fixtures.API_BASE).get(0).uri();

        assertTrue(store.deleteRecord(AMY));

        assertFalse(store.exists(AMY));
        assertEquals(0, store.countRecords());
        assertEquals(List.of(), store.listStatements(AMY, MEDICATION, List.of(), Fixtures.API_BASE));
        assertEquals(Optional.empty(), store.readStatement(AMY, MEDICATION, med, Fixtures.API_BASE));
        assertEquals(Optional.empty(), store.readDemographics(AMY, Fixtures.API_BASE));
        assertEquals(Optional.empty(), store.summary(AMY));
        assertFalse(store.deleteRecord(AMY), "a second delete finds nothing");
    }

    @Test
    void anItemIsReadWithItsTypeOnlyFromItsRecord() throws Exception {
        store.importPatient(sample(AMY), null);
        store.importPatient(sample("1081332"), null);
        IRI med = store.listStatements(AMY, MEDICATION, List.of(), Fixtures.API_BASE).get(0).uri();

        Model item = store.readStatement(AMY, MEDICATION, med, Fixtures.API_BASE).orElseThrow();

        assertTrue(item.contains(med, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, MEDICATION));
        assertEquals(Optional.empty(), store.readStatement(AMY, PROBLEM, med, Fixtures.API_BASE), "another type");
        assertEquals(Optional.empty(), store.readStatement("1081332", MEDICATION, med, Fixtures.API_BASE),
                "another record");
        assertEquals(Optional.empty(), store.readStatement(AMY, MEDICATION,
                Values.iri(med.stringValue() + "x"), Fixtures.API_BASE), "an unknown statement");
    }

    @Test
    void searchFiltersAndOrdersByFamilyNameGivenNameAndId() throws Exception {
        for (String id : List.of(AMY, "1081332", "1098667", "1137192", "1134281")) {
            store.importPatient(sample(id), null);
        }
        List<RecordSummary> all = store.search(RecordQuery.all());
        assertEquals(5, all.size());
        List<RecordSummary> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparing(RecordSummary::familyName).thenComparing(RecordSummary::givenName)
                .thenComparing(RecordSummary::recordId));
        assertEquals(sorted, all);
        assertEquals(List.of(AMY), store.search(RecordQuery.all().familyName("sha").givenName("a")).stream()
                .map(RecordSummary::recordId).toList());
        assertEquals(List.of(AMY), store.search(RecordQuery.all().medicalRecordNumber(AMY)).stream()
                .map(RecordSummary::recordId).toList());
        assertEquals(List.of(), store.search(RecordQuery.all().familyName("nobody")));
    }

    @Test
    void addedStatementsJoinTheRecordAndAnUnknownRecordRefusesThem() throws Exception {
        store.importPatient(sample(AMY), null);
        int before = store.listStatements(AMY, PROBLEM, List.of(), Fixtures.API_BASE).size();
        PatientData posted = PatientData.parse(AMY, new java.io.ByteArrayInputStream("""
                @prefix sp: <http://smartplatforms.org/terms#> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                [] a sp:Problem ; sp:startDate "2020-01-01" ;
                   sp:problemName [ a sp:CodedValue ; dcterms:title "Épistaxis — 鼻出血" ] .
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), RDFFormat.TURTLE, "posted");

        Model added = store.addStatements(AMY, posted.rdf(), Fixtures.API_BASE);

        assertEquals(before + 1, store.listStatements(AMY, PROBLEM, List.of(), Fixtures.API_BASE).size());
        IRI problem = (IRI) added.filter(null, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, PROBLEM).subjects()
                .iterator().next();
        Model read = store.readStatement(AMY, PROBLEM, problem, Fixtures.API_BASE).orElseThrow();
        assertTrue(read.objects().stream().anyMatch(o -> o.stringValue().equals("Épistaxis — 鼻出血")), "unicode kept");
        assertThrows(RecordImportException.class, () -> store.addStatements("404", posted.rdf(), null));
    }

    @Test
    void unicodeNamesAreStoredAndSearchedExactly() throws Exception {
        PatientData amy = sample(AMY);
        Model renamed = new LinkedHashModel();
        String name = "Ämý-李 Ōðinsdóttir 😀";
        for (Statement st : amy.rdf()) {
            if (st.getObject() instanceof Literal l && l.getLabel().equals("Amy")) {
                renamed.add(st.getSubject(), st.getPredicate(), Values.literal(name), st.getContext());
            } else {
                renamed.add(st);
            }
        }
        store.importPatient(PatientData.of(AMY, renamed, "renamed"), null);

        assertEquals(name, store.summary(AMY).orElseThrow().givenName());
        assertEquals(List.of(AMY), store.search(RecordQuery.all().givenName("ämý-李")).stream()
                .map(RecordSummary::recordId).toList());
        assertTrue(store.readDemographics(AMY, Fixtures.API_BASE).orElseThrow().contains(null, null, Values.literal(name)));
    }

    @Test
    void aLargeLabListIsWrittenAndReadWhole() throws Exception {
        ImportResult result = store.importPatient(sample(LARGE), null);
        int labs = result.statements().get("LabResult");
        assertTrue(labs > 400, labs + " lab results");

        List<StatementEntry> entries = store.listStatements(LARGE, LAB_RESULT, List.of(START_DATE), Fixtures.API_BASE);
        Model graphs = store.readStatements(LARGE, entries.stream().map(StatementEntry::uri).toList(), Fixtures.API_BASE);

        assertEquals(labs, entries.size());
        assertEquals(labs, graphs.filter(null, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, LAB_RESULT).size());
    }

    @Test
    void aBatchWithOneBadPatientWritesNothing() throws Exception {
        PatientData bad = PatientData.parse("555", new java.io.ByteArrayInputStream("""
                @prefix sp: <http://smartplatforms.org/terms#> .
                [] a sp:Medicament ; sp:instructions "x" .
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), RDFFormat.TURTLE, "bad");

        assertThrows(RecordImportException.class, () -> store.importPatients(List.of(sample(AMY), bad), null));

        assertEquals(0, store.countRecords());
        assertFalse(store.exists(AMY));
        assertEquals(List.of(), store.listStatements(AMY, MEDICATION, List.of(), Fixtures.API_BASE));
    }

    @Test
    void concurrentWritersAndReadersSeeWholeRecords() throws Exception {
        store.importPatient(sample(AMY), null);
        int meds = store.listStatements(AMY, MEDICATION, List.of(), Fixtures.API_BASE).size();
        List<String> files = List.of("1081332", "1098667", "1137192", "1134281");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < files.size(); i++) {
                        store.importPatient(sample(files.get(i), "w" + writer + "-" + i), null);
                        store.importPatient(sample(AMY), null); // replaces the record the readers read
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get() || reads == 0) {
                        List<StatementEntry> seen = store.listStatements(AMY, MEDICATION, List.of(START_DATE), Fixtures.API_BASE);
                        assertEquals(meds, seen.size(), "a whole medication list");
                        assertTrue(store.exists(AMY));
                        reads++;
                    }
                    return reads;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get(1, TimeUnit.MINUTES) > 0);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertEquals(1 + 3 * files.size(), store.countRecords());
    }
}
