package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.records.generator.GeneratedPatient;
import org.smartcontainer.records.generator.SamplePatientGenerator;

/** Folder imports and generated patients, as the administration and the first-start seeding use them. */
class BulkLoadingTest {

    @TempDir
    Path dir;

    @Test
    void aFolderImportReportsEachFileAndKeepsTheGoodOnes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.copy(Fixtures.samplePatient("1032702"), folder.resolve("p1032702.xml"));
        Files.copy(Fixtures.samplePatient("1081332"), folder.resolve("p1081332.xml"));
        Files.writeString(folder.resolve("p999.xml"), "not rdf");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        try (NativeStoreRecords store = Fixtures.openStore(dir.resolve("store"))) {
            FolderImportReport report = PatientFolderImport.importFolder(store, folder, null);
            assertEquals(2, report.imported().size());
            assertEquals(List.of("p999.xml"), report.failedFiles());
            assertTrue(report.failed().get("p999.xml").startsWith("p999.xml: not valid RDF/XML"));
            assertEquals(List.of("1032702", "1081332"), store.recordIds());
        }
    }

    @Test
    void generatedPatientsAreImportedWithTheirFilesAndPassTheOntologyValidator() throws Exception {
        SmartOntology ontology = SmartOntology.loadDefault();
        try (NativeStoreRecords store = new NativeStoreRecords(dir.resolve("records"), dir.resolve("documents"),
                StatementTypes.of(ontology), ConfiguredRecordStore.ontologyValidator(ontology), ValidationMode.REJECT)) {
            assertEquals(30, PatientFolderImport.generate(store, 30, 7));
            assertEquals(30, store.countRecords());
            GeneratedPatient first = new SamplePatientGenerator(7).generate(0);
            RecordSummary summary = store.summary(first.recordId()).orElseThrow();
            assertEquals(first.familyName(), summary.familyName());
            assertEquals(first.medicalRecordNumber(), summary.medicalRecordNumber());
            for (int i = 0; i < 30; i++) {
                GeneratedPatient p = new SamplePatientGenerator(7).generate(i);
                for (String file : p.files().keySet()) {
                    assertTrue(Files.exists(store.documentDirectory(p.recordId()).resolve(file)), file);
                }
            }
        }
    }
}
