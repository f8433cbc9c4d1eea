package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory that the native store wrote (as versions before the LMDB store did) is migrated to the LMDB store
 * with every record, quad for quad, and its native store is kept aside.
 */
class StoreMigrationTest {

    @TempDir
    Path data;

    @Test
    void everyRecordOfANativeStoreIsInTheLmdbStoreAfterTheMigration() throws Exception {
        Map<String, List<String>> before;
        try (NativeStoreRecords old = Fixtures.openStore(StoreEngine.NATIVE, data)) {
            for (Path file : Fixtures.samplePatients()) {
                old.importPatient(PatientData.parse(file), null);
            }
            before = byRecord(old.dump());
        }
        assertEquals(Fixtures.samplePatients().size(), before.size());
        Path lmdb = data.resolve("records-lmdb");

        Optional<Path> kept = StoreMigration.migrateIfNeeded(data, lmdb, data.resolve("documents"), Fixtures.types());

        assertEquals(Optional.of(data.resolve(StoreMigration.KEPT)), kept);
        assertTrue(StoreMigration.holdsNativeStore(kept.get().resolve("records")), "the native store is kept");
        assertTrue(Files.isDirectory(kept.get().resolve("records-journal")));
        assertFalse(Files.exists(data.resolve("records")));
        try (NativeStoreRecords migrated = new NativeStoreRecords(StoreEngine.LMDB, lmdb, data.resolve("documents"),
                Fixtures.types(), PatientValidator.NONE, ValidationMode.OFF)) {
            assertFalse(migrated.rebuiltAtOpen());
            assertEquals(before.keySet(), Set.copyOf(migrated.recordIds()));
            Map<String, List<String>> after = byRecord(migrated.dump());
            for (String id : before.keySet()) {
                Map<String, Long> was = counts(before.get(id));
                Map<String, Long> is = counts(after.getOrDefault(id, List.of()));
                List<String> differing = was.keySet().stream().filter(q -> !was.get(q).equals(is.get(q))).limit(3)
                        .map(q -> q + " x" + was.get(q) + " before, x" + is.get(q) + " after").toList();
                assertEquals(List.of(), differing, "quads of record " + id);
                assertTrue(was.equals(is), "the quads of record " + id + " (none added)");
            }
            assertEquals(before.size(), after.size());
            assertTrue(migrated.summary(before.keySet().iterator().next()).isPresent());
        }
        assertEquals(Optional.empty(), StoreMigration.migrateIfNeeded(data, lmdb, data.resolve("documents"),
                Fixtures.types()), "a migrated directory is not migrated again");
    }

    /** How often each (blanked) quad occurs. */
    private static Map<String, Long> counts(List<String> quads) {
        return quads.stream().collect(Collectors.groupingBy(q -> q, TreeMap::new, Collectors.counting()));
    }

    /** The quads of each record (its record graph and statement graphs), blank nodes blanked, sorted. */
    private static Map<String, List<String>> byRecord(Collection<Statement> quads) {
        Map<String, List<String>> records = new TreeMap<>();
        for (Statement q : quads) {
            String id = q.getContext().stringValue().substring((RecordUris.INTERNAL_BASE + "/records/").length())
                    .split("/")[0];
            records.computeIfAbsent(id, k -> new ArrayList<>()).add(term(q.getSubject()) + " "
                    + term(q.getPredicate()) + " " + term(q.getObject()) + " " + term(q.getContext()));
        }
        records.values().forEach(list -> list.sort(null));
        return records;
    }

    private static String term(Value v) {
        return v.isBNode() ? "_" : v.toString();
    }
}
