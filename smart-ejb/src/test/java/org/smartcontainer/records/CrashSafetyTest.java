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
import java.util.logging.Logger;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed (SIGKILL) in the middle of imports leaves every record complete or absent, and every record whose import
 * was acknowledged present, on each engine; the LMDB store opens without a rebuild unless the kill damaged it.
 */
class CrashSafetyTest {

    private static final Logger LOG = Logger.getLogger(CrashSafetyTest.class.getName());

    static final int RECORDS = 3;
    /** The largest sample patient: its import is long enough to be hit mid-transaction. */
    static final String LARGE_PATIENT = "1796238";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void aKilledImportLeavesNoPartialPatientAndTheStoreOpens(StoreEngine engine) throws Exception {
        Path file = Fixtures.samplePatient(LARGE_PATIENT);
        int expectedQuads;
        int expectedGraphs;
        try (NativeStoreRecords reference = Fixtures.openStore(engine, dir.resolve("reference"))) {
            ImportResult r = reference.importPatient(PatientData.parse(file, "crash-0"), null);
            expectedQuads = (int) r.triples();
            expectedGraphs = r.statementCount() + 1;
        }
        Path storeDir = dir.resolve("crashing");
        Random random = new Random(42);
        int kills = engine == StoreEngine.LMDB ? 6 : 3;
        Set<String> acknowledged = new HashSet<>();
        int rebuilds = 0;
        for (int round = 0; round < kills; round++) {
            Process worker = startWorker(engine, storeDir, file);
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
                        acknowledged.add(line.substring("committed ".length()));
                    }
                }
                assertTrue(out.readLine().startsWith("begin"));
                TimeUnit.NANOSECONDS.sleep((long) (importNanos * random.nextDouble()));
                worker.destroyForcibly();
                assertTrue(worker.waitFor(30, TimeUnit.SECONDS));
            }
            long opening = System.nanoTime();
            try (NativeStoreRecords store = Fixtures.openStore(engine, storeDir)) {
                long openMillis = (System.nanoTime() - opening) / 1_000_000;
                int round0 = round;
                LOG.info(() -> engine + " round " + round0 + ": opened in " + openMillis + " ms, rebuilt: "
                        + store.rebuiltAtOpen());
                rebuilds += store.rebuiltAtOpen() ? 1 : 0;
                assertEveryRecordCompleteOrAbsent(store, expectedQuads, expectedGraphs);
                for (String id : acknowledged) {
                    assertTrue(store.exists(id), "acknowledged record " + id);
                }
            }
        }
        if (engine == StoreEngine.LMDB) {
            assertTrue(rebuilds < kills, "the LMDB store opened without a rebuild at least once");
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

    private static Process startWorker(StoreEngine engine, Path storeDir, Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dsmart.shared.dir=" + Fixtures.sharedDir(), CrashingImportWorker.class.getName(),
                engine.name(), storeDir.toString(), file.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

}
