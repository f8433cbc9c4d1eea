package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed (SIGKILL) in the middle of imports leaves every record complete or absent. */
class CrashSafetyTest {

    static final int RECORDS = 3;
    /** The largest sample patient: its import is long enough to be hit mid-transaction. */
    static final String LARGE_PATIENT = "1796238";

    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesNoPartialPatientAndTheStoreOpens() throws Exception {
        Path file = Fixtures.samplePatient(LARGE_PATIENT);
        int expectedQuads;
        int expectedGraphs;
        try (NativeStoreRecords reference = Fixtures.openStore(dir.resolve("reference"))) {
            ImportResult r = reference.importPatient(PatientData.parse(file, "crash-0"), null);
            expectedQuads = (int) r.triples();
            expectedGraphs = r.statementCount() + 1;
        }
        Path storeDir = dir.resolve("crashing");
        Random random = new Random(42);
        int kills = 3;
        for (int round = 0; round < kills; round++) {
            Process worker = startWorker(storeDir, file);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
                // let one import commit, timing it, then kill at a random point of the next
                long importNanos = 0;
                long began = 0;
                for (int commits = 0; commits < 1;) {
                    String line = out.readLine();
                    assertTrue(line != null, "the worker died");
                    if (line.startsWith("begin")) {
                        began = System.nanoTime();
                    } else if (line.startsWith("committed")) {
                        importNanos = System.nanoTime() - began;
                        commits++;
                    }
                }
                assertTrue(out.readLine().startsWith("begin"));
                TimeUnit.NANOSECONDS.sleep((long) (importNanos * random.nextDouble()));
                worker.destroyForcibly();
                assertTrue(worker.waitFor(30, TimeUnit.SECONDS));
            }
            try (NativeStoreRecords store = Fixtures.openStore(storeDir)) {
                assertEveryRecordCompleteOrAbsent(store, expectedQuads, expectedGraphs);
            }
        }
    }

    private static void assertEveryRecordCompleteOrAbsent(NativeStoreRecords store, int quads, int graphs) {
        Model all = store.dump();
        Set<Resource> accounted = new HashSet<>();
        for (int i = 0; i < RECORDS; i++) {
            IRI record = RecordUris.record("crash-" + i);
            String prefix = record.stringValue();
            Model mine = all.filter(null, null, null).stream().filter(st -> st.getContext() != null
                    && (st.getContext().equals(record) || st.getContext().stringValue().startsWith(prefix + "/")))
                    .collect(org.eclipse.rdf4j.model.util.ModelCollector.toModel());
            if (mine.isEmpty()) {
                assertTrue(!store.exists("crash-" + i));
                continue;
            }
            assertEquals(quads, mine.size(), "quads of crash-" + i);
            assertEquals(graphs, mine.contexts().size(), "graphs of crash-" + i);
            assertTrue(store.exists("crash-" + i));
            accounted.addAll(mine.contexts());
        }
        assertEquals(accounted, all.contexts(), "no graphs outside complete records");
    }

    private static Process startWorker(Path storeDir, Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dsmart.shared.dir=" + Fixtures.sharedDir(), CrashingImportWorker.class.getName(),
                storeDir.toString(), file.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

}
