package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcontainer.records.generator.GeneratedPatient;
import org.smartcontainer.records.generator.SamplePatientGenerator;

/**
 * Request threads get interrupted (a cancelled request, a stopping server); the record store's writes do not notice.
 * Before the writes ran on a thread of their own, an interrupted importer failed every import and left the store to
 * be rebuilt at the next start, and an interrupted reader that happened to write out a commit for RDF4J left a lock
 * held that stopped every later write (this test's second case hung).
 */
class InterruptedWritesTest {

    static final int PATIENTS = 20;

    @TempDir
    Path dir;

    @Test
    void anImportWhoseThreadIsInterruptedCompletesAndIsInTheStore() throws Exception {
        List<String> imported = new ArrayList<>();
        List<Boolean> stillInterrupted = new ArrayList<>();
        try (NativeStoreRecords store = Fixtures.openStore(dir)) {
            SamplePatientGenerator generator = new SamplePatientGenerator(3);
            Thread importer = new Thread(() -> {
                for (int i = 0; i < PATIENTS; i++) {
                    GeneratedPatient p = generator.generate(i);
                    try {
                        store.importPatient(new PatientData(p.recordId(), p.rdf(), p.files(), "patient " + i), null);
                        imported.add(p.recordId());
                    } catch (RecordImportException e) {
                        throw new AssertionError(e);
                    }
                    stillInterrupted.add(Thread.interrupted());
                }
            });
            importer.start();
            Random random = new Random(5);
            while (importer.isAlive()) {
                Thread.sleep(random.nextInt(40));
                importer.interrupt();
            }
            importer.join();
        }
        assertEquals(PATIENTS, imported.size());
        assertTrue(stillInterrupted.contains(true), "the importer was interrupted, and learns of it after the import");
        StoreStateOnDisk disk = StoreStateOnDisk.read(dir);
        assertEquals(List.copyOf(new java.util.TreeSet<>(imported)), List.copyOf(disk.records()), disk.summary());
        assertEquals(disk.records(), disk.journaledRecords(), disk.summary());
        assertTrue(Files.notExists(dir.resolve("records-journal").resolve("write-in-flight")), "no rebuild at the next start");
        try (NativeStoreRecords reopened = Fixtures.openStore(dir)) {
            assertEquals(List.of(), reopened.restoredAtOpen());
        }
    }

    @Test
    void readsInterruptedWhileImportsCommitNeitherStopNorLoseAnImport() throws Exception {
        NativeStoreRecords store = Fixtures.openStore(dir);
        SamplePatientGenerator generator = new SamplePatientGenerator(3);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        List<String> imported = new ArrayList<>();
        try {
            GeneratedPatient first = generator.generate(0);
            store.importPatient(new PatientData(first.recordId(), first.rdf(), first.files(), "patient 0"), null);
            imported.add(first.recordId());
            for (int t = 0; t < 3; t++) {
                Thread reader = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            for (String id : store.recordIds()) {
                                store.readDemographics(id, Fixtures.API_BASE);
                            }
                        } catch (RuntimeException e) {
                            // an interrupted read fails; the next one runs
                        }
                        Thread.interrupted();
                    }
                }, "reader-" + t);
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }
            Thread interrupter = new Thread(() -> {
                Random random = new Random(1);
                while (!stop.get()) {
                    readers.get(random.nextInt(readers.size())).interrupt();
                    try {
                        Thread.sleep(0, 200_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            interrupter.setDaemon(true);
            interrupter.start();
            assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
                for (int i = 1; i < PATIENTS; i++) {
                    GeneratedPatient p = generator.generate(i);
                    store.importPatient(new PatientData(p.recordId(), p.rdf(), p.files(), "patient " + i), null);
                    imported.add(p.recordId());
                }
            }, "an import hung");
        } finally {
            stop.set(true);
            for (Thread reader : readers) {
                reader.join(10_000);
            }
            store.close();
        }
        StoreStateOnDisk disk = StoreStateOnDisk.read(dir);
        assertEquals(PATIENTS, disk.records().size(), disk.summary());
        assertTrue(disk.records().containsAll(imported), disk.summary());
        assertEquals(List.of(), disk.recordsOnlyInTheJournal(), disk.summary());
        assertEquals(List.of(), disk.unlistedGraphs(), disk.summary());
    }
}
