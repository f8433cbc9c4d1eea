package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record whose write returned is in the native store itself, not only in the journal: after a graceful stop
 * and after a killed JVM, while API reads were running during the writes. Checked on the store's own files, without
 * the start-up comparison with the journal that would hide a loss.
 */
class RestartDurabilityTest {

    static final int PATIENTS = 12;
    static final int READERS = 3;

    @TempDir
    Path dir;

    @Test
    void everyCommittedRecordIsInTheStoreAfterTheJvmIsKilledWhileReadsWereRunning() throws Exception {
        Set<String> committed = runWorker("kill");
        assertStoreHolds(committed, StoreStateOnDisk.read(dir));
        assertNothingToRestoreAtTheNextStart(committed);
    }

    @Test
    void everyCommittedRecordIsInTheStoreAfterAGracefulCloseWhileReadsWereRunning() throws Exception {
        Set<String> committed = runWorker("close");
        assertStoreHolds(committed, StoreStateOnDisk.read(dir));
        assertNothingToRestoreAtTheNextStart(committed);
    }

    @Test
    void aClosedStoreRefusesReadsAndWritesInsteadOfOpeningItselfAgain() throws Exception {
        NativeStoreRecords store = Fixtures.openStore(dir);
        store.importPatient(PatientData.parse(Fixtures.samplePatients().get(0), "kept"), null);
        store.close();
        assertThrows(RecordStoreUnavailableException.class, () -> store.readDemographics("kept", Fixtures.API_BASE));
        assertThrows(RecordStoreUnavailableException.class,
                () -> store.importPatient(PatientData.parse(Fixtures.samplePatients().get(1), "late"), null));
        assertThrows(RecordStoreUnavailableException.class, () -> store.deleteRecord("kept"));
        store.close(); // a second close does nothing
        // the directory was released: another store opens it, with the record and without the late import
        try (NativeStoreRecords reopened = Fixtures.openStore(dir)) {
            assertEquals(List.of("kept"), reopened.recordIds());
            assertEquals(List.of(), reopened.restoredAtOpen());
        }
    }

    private static void assertStoreHolds(Set<String> committed, StoreStateOnDisk disk) {
        assertEquals(List.of(), disk.recordsOnlyInTheJournal(), disk.summary());
        assertEquals(List.of(), disk.unlistedGraphs(), disk.summary());
        assertEquals(committed, disk.records(), disk.summary());
        assertEquals(committed, disk.journaledRecords(), disk.summary());
    }

    private void assertNothingToRestoreAtTheNextStart(Set<String> committed) {
        try (NativeStoreRecords store = Fixtures.openStore(dir)) {
            assertEquals(List.of(), store.restoredAtOpen());
            assertEquals(List.copyOf(committed), store.recordIds());
        }
    }

    /** Runs {@link ImportUnderReadLoadWorker}; the record ids it committed. */
    private Set<String> runWorker(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dsmart.shared.dir=" + Fixtures.sharedDir(), ImportUnderReadLoadWorker.class.getName(),
                dir.toString(), String.valueOf(PATIENTS), String.valueOf(READERS), mode);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process worker = pb.start();
        Set<String> committed = new TreeSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            String last = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
                if (line.startsWith("committed ")) {
                    committed.add(line.substring("committed ".length()));
                } else if (line.equals("done") && mode.equals("kill")) {
                    worker.destroyForcibly();
                    break;
                } else if (line.equals("closed")) {
                    break;
                }
            }
            assertTrue("done".equals(last) || "closed".equals(last), "the worker ended early after: " + last);
        } finally {
            worker.destroyForcibly();
            assertTrue(worker.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(PATIENTS, committed.size());
        return committed;
    }
}
