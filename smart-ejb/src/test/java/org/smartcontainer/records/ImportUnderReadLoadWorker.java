package org.smartcontainer.records;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smartcontainer.records.generator.GeneratedPatient;
import org.smartcontainer.records.generator.SamplePatientGenerator;

/**
 * Run in a separate JVM by {@link RestartDurabilityTest}: imports generated patients one per transaction into a
 * store while reader threads read it without pause, as API requests do; prints {@code committed <record id>} after
 * every import and {@code done} at the end, then keeps reading until it is killed (or, with {@code close}, closes
 * the store the way the server does at a graceful stop and prints {@code closed}).
 */
public final class ImportUnderReadLoadWorker {

    private ImportUnderReadLoadWorker() {
    }

    /** Arguments: data directory, number of patients, reader threads, {@code kill} or {@code close}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int patients = Integer.parseInt(args[1]);
        int readers = Integer.parseInt(args[2]);
        boolean close = "close".equals(args[3]);
        NativeStoreRecords store = Fixtures.openStore(dir);
        SamplePatientGenerator generator = new SamplePatientGenerator(11);
        GeneratedPatient first = generator.generate(0);
        store.importPatient(new PatientData(first.recordId(), first.rdf(), first.files(), "first"), null);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < readers; t++) {
            Thread reader = new Thread(() -> {
                try {
                    while (true) {
                        for (String id : store.recordIds()) {
                            store.readDemographics(id, Fixtures.API_BASE);
                        }
                    }
                } catch (RuntimeException e) {
                    // the store was closed under it (the close case)
                }
            }, "reader-" + t);
            reader.setDaemon(true);
            reader.start();
            threads.add(reader);
        }
        System.out.println("committed " + first.recordId());
        for (int i = 1; i < patients; i++) {
            GeneratedPatient p = generator.generate(i);
            store.importPatient(new PatientData(p.recordId(), p.rdf(), p.files(), "patient " + i), null);
            System.out.println("committed " + p.recordId());
        }
        System.out.println("done");
        System.out.flush();
        if (close) {
            store.close();
            System.out.println("closed");
            System.out.flush();
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
