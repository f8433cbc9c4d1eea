package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an import accepts, rejects and replaces. */
class ImportRulesTest {

    static final IRI MEDICATION = Values.iri(RecordTerms.SP, "Medication");
    static final IRI FULFILLMENT = Values.iri(RecordTerms.SP, "Fulfillment");
    static final String PREFIXES = """
            @prefix sp: <http://smartplatforms.org/terms#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix v: <http://www.w3.org/2006/vcard/ns#> .
            @prefix foaf: <http://xmlns.com/foaf/0.1/> .
            """;

    @TempDir
    Path dir;

    NativeStoreRecords store;

    @BeforeEach
    void open() throws RecordImportException {
        store = Fixtures.openStore(dir);
        store.importPatient(PatientData.parse(Fixtures.samplePatient("1032702")), null);
        store.importPatient(PatientData.parse(Fixtures.samplePatient("1081332")), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static PatientData turtle(String recordId, String body) throws RecordImportException {
        return PatientData.parse(recordId, new ByteArrayInputStream((PREFIXES + body).getBytes(StandardCharsets.UTF_8)),
                RDFFormat.TURTLE, "test.ttl");
    }

    @Test
    void aMalformedFileIsRejectedWithItsNameAndLineAndChangesNothing() throws Exception {
        Model before = store.dump();
        Path bad = dir.resolve("p1032702.xml");
        Files.writeString(bad, "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"x\"><broken></rdf:RDF>\n");
        RecordImportException e = assertThrows(RecordImportException.class,
                () -> store.importPatient(PatientData.parse(bad), null));
        assertTrue(e.getMessage().startsWith("p1032702.xml: not valid RDF/XML (line "), e.getMessage());
        assertEquals(before, store.dump());
    }

    @Test
    void aStatementOfAnotherRecordIsRejectedByNameAndChangesNothing() throws Exception {
        Model before = store.dump();
        IRI foreign = store.listStatements("1081332", Values.iri(RecordTerms.SP, "Problem"), List.of(), Fixtures.API_BASE)
                .get(0).uri();
        PatientData attack = turtle("1032702", """
                <%s> a sp:Problem ; sp:startDate "2020-01-01" ;
                    sp:problemName [ a sp:CodedValue ; dcterms:title "Hacked" ] .
                """.formatted(foreign));
        RecordImportException e = assertThrows(RecordImportException.class, () -> store.importPatient(attack, Fixtures.API_BASE));
        assertTrue(e.getMessage().contains("<" + foreign + ">") && e.getMessage().contains("another record (1081332)"),
                e.getMessage());
        assertEquals(before, store.dump());
    }

    @Test
    void aLinkIntoAnotherRecordIsRejectedByName() throws Exception {
        IRI foreign = store.listStatements("1081332", Values.iri(RecordTerms.SP, "Problem"), List.of(), Fixtures.API_BASE)
                .get(0).uri();
        PatientData attack = turtle("1032702", """
                [] a sp:Problem ; sp:startDate "2020-01-01" ; sp:encounters <%s> .
                """.formatted(foreign));
        RecordImportException e = assertThrows(RecordImportException.class, () -> store.importPatient(attack, Fixtures.API_BASE));
        assertTrue(e.getMessage().contains("sp:encounters points into another record (1081332)"), e.getMessage());
    }

    @Test
    void aStatementOutsideTheContainerIsRejected() throws Exception {
        PatientData data = turtle("1032702", "<http://elsewhere.example/x> a sp:Medication ; sp:instructions \"x\" .");
        RecordImportException e = assertThrows(RecordImportException.class, () -> store.importPatient(data, Fixtures.API_BASE));
        assertTrue(e.getMessage().contains("<http://elsewhere.example/x> (sp:Medication) is not a record URI"), e.getMessage());
    }

    @Test
    void anUnknownSmartTypeAbortsTheImport() throws Exception {
        PatientData data = turtle("555", "[] a sp:Medicament ; sp:instructions \"x\" .");
        RecordImportException e = assertThrows(RecordImportException.class, () -> store.importPatient(data, null));
        assertTrue(e.getMessage().contains("rdf:type sp:Medicament, which the SMART ontology does not define"), e.getMessage());
        assertFalse(store.exists("555"));
    }

    @Test
    void twoMedicalRecordsAreRejected() throws Exception {
        PatientData data = turtle("555", "[] a sp:MedicalRecord . [] a sp:MedicalRecord .");
        RecordImportException e = assertThrows(RecordImportException.class, () -> store.importPatient(data, null));
        assertTrue(e.getMessage().contains("more than one sp:MedicalRecord"), e.getMessage());
    }

    @Test
    void theUpstreamOntologyMintsTheSameUrisAsOurs() throws Exception {
        StatementTypes upstream = Fixtures.upstreamTypes();
        for (String type : List.of("Medication", "Demographics", "SocialHistory", "VitalSignSet", "Encounter", "LabResult",
                "Photograph", "MedicalRecord")) {
            IRI iri = Values.iri(RecordTerms.SP, type);
            assertEquals(upstream.basePath(iri), Fixtures.types().basePath(iri), type);
            assertEquals(upstream.isStatementClass(iri), Fixtures.types().isStatementClass(iri), type);
        }
    }

    @Test
    void aBlankNodeSharedByTwoParentsBecomesOneStatement() throws Exception {
        ImportResult result = store.importPatient(turtle("555", """
                _:med a sp:Medication ; sp:instructions "1 tablet" ; sp:fulfillment _:f1, _:f2 .
                _:f1 a sp:Fulfillment ; dcterms:date "2020-01-01" ; sp:medication _:med .
                _:f2 a sp:Fulfillment ; dcterms:date "2020-02-01" ; sp:medication _:med .
                """), null);
        assertEquals(Map.of("Medication", 1, "Fulfillment", 2), result.statements());
        List<StatementEntry> meds = store.listStatements("555", MEDICATION, List.of(), Fixtures.API_BASE);
        assertEquals(1, meds.size());
        // reading the medication pulls in both fulfillments (one hop), not the record
        Model graph = store.readStatements("555", List.of(meds.get(0).uri()), Fixtures.API_BASE);
        assertEquals(2, graph.filter(null, RDF.TYPE, FULFILLMENT).size());
        assertEquals(Set.of(meds.get(0).uri()), graph.filter(null, Values.iri(RecordTerms.SP, "medication"), null).objects());
        assertTrue(graph.filter(null, RDF.TYPE, RecordTerms.MEDICAL_RECORD).isEmpty());
    }

    @Test
    void reimportReplacesTheRecordAsAWhole() throws Exception {
        int statementsBefore = recordGraphs("1032702").size();
        store.importPatient(turtle("1032702", """
                [] a sp:Demographics ; v:n [ a v:Name ; v:given-name "Amelia" ; v:family-name "Shaw" ] ;
                   foaf:gender "female" ; v:bday "1980-01-01" .
                [] a sp:Medication ; sp:instructions "once" .
                """), null);
        assertTrue(statementsBefore > 2);
        assertEquals(2, recordGraphs("1032702").size());
        assertEquals("Amelia", store.summary("1032702").orElseThrow().givenName());
        Set<Resource> contexts = store.dump().contexts();
        assertEquals(3, contexts.stream().filter(c -> c.stringValue().contains("/records/1032702")).count(),
                "index + 2 statements, the old graphs are gone");
    }

    @Test
    void reimportingAnExportedRecordKeepsItsUris() throws Exception {
        IRI med = store.listStatements("1032702", MEDICATION, List.of(), Fixtures.API_BASE).get(0).uri();
        Model exported = store.readStatements("1032702", List.of(med), Fixtures.API_BASE);
        store.importPatient(PatientData.of("1032702", exported, "export"), Fixtures.API_BASE);
        assertEquals(List.of(med), store.listStatements("1032702", MEDICATION, List.of(), Fixtures.API_BASE).stream()
                .map(StatementEntry::uri).toList());
    }

    @Test
    void changingThePublicBaseUrlServesTheSameDataUnderTheNewBase() {
        String newBase = "https://smart.example.org/api/";
        List<StatementEntry> oldUris = store.listStatements("1032702", MEDICATION, List.of(), Fixtures.API_BASE);
        List<StatementEntry> newUris = store.listStatements("1032702", MEDICATION, List.of(), newBase);
        assertEquals(oldUris.stream().map(e -> e.uri().stringValue().replace(Fixtures.API_BASE, "https://smart.example.org/api"))
                .toList(), newUris.stream().map(e -> e.uri().stringValue()).toList());
        Model old = store.readStatements("1032702", oldUris.stream().map(StatementEntry::uri).toList(), Fixtures.API_BASE);
        Model moved = store.readStatements("1032702", newUris.stream().map(StatementEntry::uri).toList(), newBase);
        assertEquals(old.size(), moved.size());
        String movedText = serialize(moved);
        assertFalse(movedText.contains(Fixtures.API_BASE) || movedText.contains(RecordUris.INTERNAL_BASE), movedText);
        assertEquals(serialize(old).replace(Fixtures.API_BASE, "https://smart.example.org/api").length(), movedText.length());
        assertTrue(store.readDemographics("1032702", newBase).orElseThrow()
                .contains(Values.iri("https://smart.example.org/api/records/1032702/demographics"), RDF.TYPE,
                        RecordTerms.DEMOGRAPHICS));
    }

    @Test
    void aSingleStatementIsFoundOnlyInItsRecordAndUnderItsType() {
        IRI med = store.listStatements("1032702", MEDICATION, List.of(), Fixtures.API_BASE).get(0).uri();
        assertTrue(store.readStatement("1032702", MEDICATION, med, Fixtures.API_BASE).isPresent());
        assertTrue(store.readStatement("1081332", MEDICATION, med, Fixtures.API_BASE).isEmpty());
        assertTrue(store.readStatement("1032702", Values.iri(RecordTerms.SP, "Problem"), med, Fixtures.API_BASE).isEmpty());
    }

    @Test
    void valuePathsReachIntoCodesAndLinkedStatements() throws RecordImportException {
        ValuePath date = ValuePath.of(Values.iri(RecordTerms.SP, "startDate"));
        ValuePath code = ValuePath.of(Values.iri(RecordTerms.SP, "drugName"), Values.iri(RecordTerms.SP, "code"));
        List<StatementEntry> meds = store.listStatements("1032702", MEDICATION, List.of(date, code), Fixtures.API_BASE);
        assertFalse(meds.isEmpty());
        for (StatementEntry e : meds) {
            assertEquals(1, e.values(date).size());
            assertTrue(e.values(code).get(0).stringValue().startsWith("http://purl.bioontology.org/ontology/RXNORM/"));
        }
        ValuePath encounterType = ValuePath.of(Values.iri(RecordTerms.SP, "encounter"),
                Values.iri(RecordTerms.SP, "encounterType"), Values.iri(RecordTerms.SP, "code"));
        store.importPatient(PatientData.parse(Fixtures.samplePatient("1540505")), null);
        List<StatementEntry> vitals = store.listStatements("1540505", Values.iri(RecordTerms.SP, "VitalSignSet"),
                List.of(encounterType), Fixtures.API_BASE);
        assertFalse(vitals.isEmpty());
        assertTrue(vitals.stream().allMatch(v -> v.values(encounterType).size() == 1 && v.values(encounterType).get(0)
                .stringValue().startsWith("http://smartplatforms.org/terms/codes/EncounterType#")));
    }

    @Test
    void deletingARecordRemovesAllItsGraphsAndNothingElse() {
        Set<Resource> other = recordGraphs("1081332");
        assertTrue(store.deleteRecord("1032702"));
        assertFalse(store.exists("1032702"));
        assertTrue(recordGraphs("1032702").isEmpty());
        assertEquals(other, recordGraphs("1081332"));
        assertFalse(store.deleteRecord("1032702"));
    }

    @Test
    void documentFilesAreStoredWithTheRecordAndRemovedWithIt() throws Exception {
        PatientData base = turtle("777", "[] a sp:Photograph ; sp:fileName \"face.png\" ; dcterms:date \"2020\" .");
        store.importPatient(new PatientData("777", base.rdf(), Map.of("face.png", new byte[] {1, 2, 3}), "t"), null);
        assertEquals(3, Files.size(store.documentDirectory("777").resolve("face.png")));
        PatientData evil = new PatientData("778", base.rdf(), Map.of("../escape.png", new byte[] {1}), "t");
        assertThrows(RecordImportException.class, () -> store.importPatient(evil, null));
        assertFalse(store.exists("778"));
        assertFalse(Files.exists(dir.resolve("documents/escape.png")));
        store.deleteRecord("777");
        assertFalse(Files.exists(store.documentDirectory("777")));
    }

    @Test
    void validationFindingsRejectOrAreReported() throws Exception {
        PatientValidator strict = model -> List.of("sp:Medication without sp:drugName");
        try (NativeStoreRecords rejecting = new NativeStoreRecords(dir.resolve("r2"), dir.resolve("d2"), Fixtures.types(),
                strict, ValidationMode.REJECT)) {
            RecordImportException e = assertThrows(RecordImportException.class,
                    () -> rejecting.importPatient(turtle("1", "[] a sp:Medication ."), null));
            assertTrue(e.getMessage().contains("sp:Medication without sp:drugName"));
            assertEquals(0, rejecting.countRecords());
        }
        try (NativeStoreRecords reporting = new NativeStoreRecords(dir.resolve("r3"), dir.resolve("d3"), Fixtures.types(),
                strict, ValidationMode.REPORT)) {
            ImportResult r = reporting.importPatient(turtle("1", "[] a sp:Medication ."), null);
            assertEquals(List.of("sp:Medication without sp:drugName"), r.warnings());
            assertEquals(1, reporting.countRecords());
        }
    }

    private Set<Resource> recordGraphs(String recordId) {
        String prefix = RecordUris.record(recordId).stringValue() + "/";
        return store.dump().contexts().stream().filter(c -> c.stringValue().startsWith(prefix)).collect(Collectors.toSet());
    }

    private static String serialize(Model m) {
        java.io.StringWriter w = new java.io.StringWriter();
        Rio.write(m, w, RDFFormat.NTRIPLES);
        return w.toString();
    }
}
