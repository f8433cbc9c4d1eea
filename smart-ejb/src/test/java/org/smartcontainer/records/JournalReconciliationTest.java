package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.nativerdf.NativeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At every start the store and its journal are compared, and whichever lacks a record gets it back. */
class JournalReconciliationTest {

    @TempDir
    Path dir;

    @Test
    void aRecordTheStoreLostIsRestoredFromTheJournalAtTheNextStart() throws Exception {
        List<String> before = importTwoPatients();
        String prefix = RecordUris.record("lost").stringValue();
        SailRepository raw = new SailRepository(new NativeStore(dir.resolve("records").toFile(), NativeStoreRecords.INDEXES));
        raw.init();
        try (RepositoryConnection c = raw.getConnection()) {
            List<Resource> graphs = c.getContextIDs().stream()
                    .filter(g -> g.stringValue().equals(prefix) || g.stringValue().startsWith(prefix + "/")).toList();
            assertFalse(graphs.isEmpty());
            c.clear(graphs.toArray(Resource[]::new));
        } finally {
            raw.shutDown();
        }
        try (NativeStoreRecords store = Fixtures.openStore(StoreEngine.NATIVE, dir)) {
            assertTrue(store.exists("lost"));
            assertEquals(List.of("lost"), store.restoredAtOpen());
            assertEquals(2, store.countRecords());
            assertSameQuads(before, store.dump());
        }
    }

    @Test
    void aRecordWithoutAJournalFileGetsOneAndSurvivesARebuild() throws Exception {
        List<String> before = importTwoPatients();
        Path file = dir.resolve("records-journal").resolve("kept.trig.gz");
        Files.delete(file);
        try (NativeStoreRecords store = Fixtures.openStore(StoreEngine.NATIVE, dir)) {
            assertTrue(Files.exists(file));
            assertSameQuads(before, store.dump());
        }
        // a rebuild from the journal (as after a crash) now keeps the record
        Files.writeString(dir.resolve("records-journal").resolve("write-in-flight"), "");
        try (NativeStoreRecords store = Fixtures.openStore(StoreEngine.NATIVE, dir)) {
            assertTrue(store.exists("kept"));
            assertSameQuads(before, store.dump());
        }
    }

    /** Quads compared with blank nodes blanked (a restore gives them new labels); prints only counts. */
    private static void assertSameQuads(List<String> expected, Collection<Statement> actual) {
        List<String> got = blanked(actual);
        assertEquals(expected.size(), got.size(), "number of quads");
        assertTrue(expected.equals(got), "the same quads (blank nodes aside)");
    }

    private static List<String> blanked(Collection<Statement> quads) {
        return quads.stream().map(q -> term(q.getSubject()) + " " + term(q.getPredicate()) + " " + term(q.getObject())
                + " " + term(q.getContext())).sorted().toList();
    }

    private static String term(Value v) {
        return v == null ? "-" : v.isBNode() ? "_" : v.toString();
    }

    private List<String> importTwoPatients() throws Exception {
        List<Path> samples = Fixtures.samplePatients();
        try (NativeStoreRecords store = Fixtures.openStore(StoreEngine.NATIVE, dir)) {
            store.importPatient(PatientData.parse(samples.get(0), "lost"), null);
            store.importPatient(PatientData.parse(samples.get(1), "kept"), null);
            return blanked(store.dump());
        }
    }
}
