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

    /** Arguments: store directory, patient file. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path file = Path.of(args[1]);
        NativeStoreRecords store = Fixtures.openStore(dir);
        for (int i = 0; ; i++) {
            System.out.println("begin " + i);
            System.out.flush();
            store.importPatient(PatientData.parse(file, "crash-" + (i % CrashSafetyTest.RECORDS)), null);
            System.out.println("committed " + i);
            System.out.flush();
        }
    }
}
