package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a kill between RDF4J's two LMDB commits leaves (triples committed, their values not) is found at the next start
 * and repaired from the journal; a write interrupted before or after both commits is kept as it is.
 */
class TornLmdbWriteTest {

    @TempDir
    Path dir;

    @Test
    void triplesWhoseValuesAreMissingAreRebuiltFromTheJournal() throws Exception {
        int quads;
        try (NativeStoreRecords store = Fixtures.openStore(StoreEngine.LMDB, dir)) {
            store.importPatient(PatientData.parse(Fixtures.samplePatient("1032702")), null);
            store.importPatient(PatientData.parse(Fixtures.samplePatient("1081332")), null);
            quads = store.dump().size();
        }
        // the value environment as it was before the values of the torn write: here, before any value
        NativeStoreRecords.deleteTree(dir.resolve("records/values"));
        Files.writeString(dir.resolve("records-journal").resolve(RecordJournal.IN_FLIGHT), "1081332");

        try (NativeStoreRecords store = Fixtures.openStore(StoreEngine.LMDB, dir)) {
            assertTrue(store.rebuiltAtOpen());
            assertEquals(List.of("1032702", "1081332"), store.recordIds());
            assertEquals(quads, store.dump().size());
            assertEquals("Shaw", store.summary("1032702").orElseThrow().familyName());
        }
    }

    @Test
    void anInterruptedWriteWhoseRecordsAreWholeIsKeptWithoutARebuild() throws Exception {
        int quads;
        try (NativeStoreRecords store = Fixtures.openStore(StoreEngine.LMDB, dir)) {
            store.importPatient(PatientData.parse(Fixtures.samplePatient("1032702")), null);
            quads = store.dump().size();
        }
        Files.writeString(dir.resolve("records-journal").resolve(RecordJournal.IN_FLIGHT), "1032702\n1081332");

        try (NativeStoreRecords store = Fixtures.openStore(StoreEngine.LMDB, dir)) {
            assertFalse(store.rebuiltAtOpen());
            assertEquals(List.of("1032702"), store.recordIds());
            assertEquals(quads, store.dump().size());
        }
        assertFalse(Files.exists(dir.resolve("records-journal").resolve(RecordJournal.IN_FLIGHT)));
    }
}
