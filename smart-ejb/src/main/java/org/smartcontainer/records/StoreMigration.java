package org.smartcontainer.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The move of a data directory's records from the native store ({@code records/}, {@code records-journal/}), as
 * versions before the LMDB store wrote them, to the LMDB store ({@code records-lmdb/}, {@code records-lmdb-journal/}),
 * once, at the first start of a version with the LMDB store.
 *
 * <p>How: the native store is opened once (which finishes or repairs its last write and makes its journal hold exactly
 * its records), its journal is copied as the new store's journal, and the new store is built from that journal as
 * after a crash ({@link NativeStoreRecords}), with progress in the log. All of it happens under names ending in
 * {@code -migrating}, renamed only when complete: a migration that was stopped starts over at the next start. The old
 * directories are then moved, untouched, to {@value #KEPT}/ in the data directory, until the administrator removes
 * them.
 */
public final class StoreMigration {

    private static final Logger LOG = Logger.getLogger(StoreMigration.class.getName());

    /** Where the native store's directories are kept after the migration, in the data directory. */
    public static final String KEPT = "records-native-before-lmdb";

    private StoreMigration() {
    }

    /**
     * Migrates {@code dataDir/records} (a native store) to the LMDB store {@code lmdbDir} if the latter does not exist
     * yet; returns where the old directories were kept, or empty if there was nothing to migrate.
     */
    public static Optional<Path> migrateIfNeeded(Path dataDir, Path lmdbDir, Path documents, StatementTypes types) {
        Path nativeDir = dataDir.resolve("records");
        if (Files.exists(lmdbDir) || !holdsNativeStore(nativeDir)) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            LOG.info(() -> "Migrating the record store " + nativeDir + " (RDF4J native store) to the LMDB store " + lmdbDir);
            // 1. the native store as its last version left it, its journal in step with it
            long records;
            try (NativeStoreRecords old = new NativeStoreRecords(StoreEngine.NATIVE, nativeDir, documents, types,
                    PatientValidator.NONE, ValidationMode.OFF)) {
                records = old.countRecords();
            }
            // 2. its journal as the new store's, marked so that the new store is built from it
            Path migrating = lmdbDir.resolveSibling(lmdbDir.getFileName() + "-migrating");
            Path migratingJournal = journalOf(migrating);
            NativeStoreRecords.deleteTree(migrating);
            NativeStoreRecords.deleteTree(migratingJournal);
            NativeStoreRecords.deleteTree(journalOf(lmdbDir));
            copyFiles(journalOf(nativeDir), migratingJournal);
            Files.writeString(migratingJournal.resolve(RecordJournal.IN_FLIGHT), "");
            // 3. the new store, built from the journal
            try (NativeStoreRecords built = new NativeStoreRecords(StoreEngine.LMDB, migrating, documents, types,
                    PatientValidator.NONE, ValidationMode.OFF)) {
                if (built.countRecords() != records) {
                    throw new IllegalStateException("The migrated store holds " + built.countRecords() + " records, the "
                            + "native store " + records + "; the native store is left as it was");
                }
            }
            Files.move(migratingJournal, journalOf(lmdbDir));
            Files.move(migrating, lmdbDir);
            // 4. the old directories kept aside
            Path kept = dataDir.resolve(KEPT);
            Files.createDirectories(kept);
            Files.move(nativeDir, kept.resolve("records"));
            if (Files.exists(journalOf(nativeDir))) {
                Files.move(journalOf(nativeDir), kept.resolve("records-journal"));
            }
            LOG.info(() -> "Migrated " + records + " records to the LMDB store " + lmdbDir + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms; the native store is kept in " + kept
                    + " until an administrator removes it");
            return Optional.of(kept);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot migrate the record store " + nativeDir + " to " + lmdbDir, e);
        }
    }

    /** Whether a directory holds an RDF4J native store (its value file). */
    static boolean holdsNativeStore(Path dir) {
        return Files.isRegularFile(dir.resolve("values.dat"));
    }

    private static Path journalOf(Path storeDir) {
        return storeDir.resolveSibling(storeDir.getFileName() + "-journal");
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

}
