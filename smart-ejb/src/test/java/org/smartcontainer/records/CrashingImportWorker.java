package org.smartcontainer.records;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link CrashSafetyTest}: imports one patient file over and over into a
 * store (new records and re-imports of existing ones), printing a line before every import and after every commit, until it
 * is killed.
 */
public final class CrashingImportWorker {

    private CrashingImportWorker() {
    }

    /** Arguments: engine, store directory, patient file. */
    public static void main(String[] args) throws Exception {
        StoreEngine engine = StoreEngine.valueOf(args[0]);
        Path dir = Path.of(args[1]);
        Path file = Path.of(args[2]);
        NativeStoreRecords store = Fixtures.openStore(engine, dir);
        for (int i = 0; ; i++) {
            System.out.println("begin " + i);
            System.out.flush();
            String id = "crash-" + (i % CrashSafetyTest.RECORDS);
            store.importPatient(PatientData.parse(file, id), null);
            System.out.println("committed " + id);
            System.out.flush();
        }
    }
}
