package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All 59 upstream sample patients imported into one native store. */
class SamplePatientImportTest {

    @TempDir
    static Path dir;

    static NativeStoreRecords store;
    static Map<String, Integer> statementsPerType = new HashMap<>();
    static Map<String, Integer> patientsPerType = new HashMap<>();
    static Map<String, Integer> maxPerType = new HashMap<>();

    @BeforeAll
    static void importAll() throws RecordImportException {
        store = Fixtures.openStore(dir);
        for (Path file : Fixtures.samplePatients()) {
            ImportResult result = store.importPatient(PatientData.parse(file), null);
            result.statements().forEach((type, n) -> {
                statementsPerType.merge(type, n, Integer::sum);
                patientsPerType.merge(type, 1, Integer::sum);
                maxPerType.merge(type, n, Math::max);
            });
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everySamplePatientBecomesARecord() {
        assertEquals(59, store.countRecords());
        assertEquals(59, store.recordIds().size());
        assertTrue(store.exists("1032702"));
    }

    @Test
    void statementCountsPerTypeMatchTheSampleReadme() {
        // total, patients having it, max in one patient: the table of shared/sample-patients/README.md
        Map<String, int[]> readme = Map.ofEntries(
                Map.entry("Demographics", new int[] {59, 59, 1}),
                Map.entry("Medication", new int[] {294, 37, 21}),
                Map.entry("Fulfillment", new int[] {1107, 32, 147}),
                Map.entry("Problem", new int[] {556, 54, 18}),
                Map.entry("Procedure", new int[] {22, 8, 8}),
                Map.entry("LabResult", new int[] {3505, 37, 413}),
                Map.entry("VitalSignSet", new int[] {1050, 45, 39}),
                Map.entry("Encounter", new int[] {1050, 45, 39}),
                Map.entry("Immunization", new int[] {27, 8, 4}),
                Map.entry("Allergy", new int[] {18, 10, 4}),
                Map.entry("AllergyExclusion", new int[] {44, 44, 1}),
                Map.entry("SocialHistory", new int[] {50, 50, 1}),
                Map.entry("FamilyHistory", new int[] {16, 6, 6}),
                Map.entry("ClinicalNote", new int[] {32, 5, 8}));
        readme.forEach((type, expected) -> {
            assertEquals(expected[0], statementsPerType.getOrDefault(type, 0), type + " total");
            assertEquals(expected[1], patientsPerType.getOrDefault(type, 0), type + " patients");
            assertEquals(expected[2], maxPerType.getOrDefault(type, 0), type + " max");
        });
        assertEquals(readme.keySet(), statementsPerType.keySet(), "no other statement types");
    }

    @Test
    void theStoreAnswersCountsPerTypeFromItsIndex() {
        IRI medication = RecordUris.record("x").getNamespace().isEmpty() ? null
                : org.eclipse.rdf4j.model.util.Values.iri(RecordTerms.SP, "Medication");
        int total = 0;
        for (String id : store.recordIds()) {
            total += store.listStatements(id, medication, List.of(), Fixtures.API_BASE).size();
        }
        assertEquals(294, total);
    }

    @Test
    void everyStatementHasAUriUnderItsRecordAndAGraphOfItsOwn() {
        Model all = store.dump();
        for (String id : store.recordIds()) {
            IRI record = RecordUris.record(id);
            Set<Resource> linked = new HashSet<>();
            for (Statement link : all.getStatements(record, RecordTerms.HAS_STATEMENT, null, record)) {
                IRI s = (IRI) link.getObject();
                linked.add(s);
                assertTrue(s.stringValue().startsWith(record.stringValue() + "/"), s + " under " + record);
                assertTrue(all.contains(s, RecordTerms.BELONGS_TO, record, s), s + " belongs to its record in its graph");
                assertEquals(1, all.filter(s, RDF.TYPE, null, s).size(), s + " has one type in its own graph");
            }
            assertTrue(all.contains(record, RDF.TYPE, RecordTerms.MEDICAL_RECORD, record));
            // the index graph holds only the record's type and its links
            assertEquals(linked.size() + 1, all.filter(null, null, null, record).size());
        }
        // every graph is a record index or a statement linked from one
        Set<Resource> graphs = new HashSet<>(all.contexts());
        for (String id : store.recordIds()) {
            IRI record = RecordUris.record(id);
            graphs.remove(record);
            all.filter(record, RecordTerms.HAS_STATEMENT, null, record).objects().forEach(graphs::remove);
        }
        assertEquals(Set.of(), graphs, "orphan graphs");
    }

    @Test
    void nestedStatementsHoldOnlyTheLinkInTheirParentGraph() {
        Model all = store.dump();
        IRI encounterProperty = org.eclipse.rdf4j.model.util.Values.iri(RecordTerms.SP, "encounter");
        Statement link = all.filter(null, encounterProperty, null).stream().findFirst().orElseThrow();
        IRI vitalSigns = (IRI) link.getSubject();
        IRI encounter = (IRI) link.getObject();
        assertEquals(vitalSigns, link.getContext());
        assertTrue(encounter.stringValue().contains("/encounters/"));
        assertFalse(all.contains(encounter, null, null, vitalSigns), "the encounter's triples are not in the vital signs graph");
        assertTrue(all.contains(encounter, RDF.TYPE, null, encounter));
    }

    @Test
    void codeDescriptionsAreCopiedIntoEveryStatementGraphThatUsesThem() {
        Model all = store.dump();
        IRI system = org.eclipse.rdf4j.model.util.Values.iri(RecordTerms.SP, "system");
        Statement codeSystem = all.filter(null, system, null).stream()
                .filter(st -> st.getSubject() instanceof IRI).findFirst().orElseThrow();
        Resource graph = codeSystem.getContext();
        assertTrue(all.contains(null, null, codeSystem.getSubject(), graph), "the code is referenced in its graph");
    }
}
