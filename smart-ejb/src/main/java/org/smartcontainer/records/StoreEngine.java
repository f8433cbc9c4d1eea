package org.smartcontainer.records;

import java.nio.file.Path;
import org.eclipse.rdf4j.sail.Sail;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;
import org.eclipse.rdf4j.sail.nativerdf.NativeStore;

/**
 * The RDF4J engine under a {@link NativeStoreRecords}: how the quads lie on disk and how the store recovers from a
 * process that died during a write. Both keep the {@link RecordJournal}.
 */
public enum StoreEngine {

    /**
     * RDF4J's LMDB store, the default for new data directories. Its files are memory maps that grow as needed
     * ({@code autoGrow}); the cost of a write does not depend on how many graphs the store holds (the native store
     * rewrites its list of graphs at every commit). Each commit is synced ({@code forceSync}), but RDF4J keeps triples
     * and values in two LMDB environments and commits the triples first: a process killed between the two commits
     * leaves triples of the records it was writing whose values do not exist ({@code CrashSafetyTest}). The damage stays
     * in those records and the graphs they link, so at the next start only they are checked; only a damaged store is
     * rebuilt from the journal.
     */
    LMDB("LMDB store", true) {
        @Override
        Sail sail(Path directory) {
            LmdbStoreConfig config = new LmdbStoreConfig(NativeStoreRecords.INDEXES);
            config.setForceSync(true);
            config.setAutoGrow(true);
            return new LmdbStore(directory.toFile(), config);
        }
    },

    /**
     * RDF4J's native store, the engine of data directories written before the LMDB store (they are migrated:
     * {@link StoreMigration}). Its B-trees are not crash-atomic and a killed write may damage any index page, so the
     * store is rebuilt from the journal after every interrupted write.
     */
    NATIVE("native store", false) {
        @Override
        Sail sail(Path directory) {
            return new NativeStore(directory.toFile(), NativeStoreRecords.INDEXES);
        }
    };

    private final String label;
    private final boolean recoversInPlace;

    StoreEngine(String label, boolean recoversInPlace) {
        this.label = label;
        this.recoversInPlace = recoversInPlace;
    }

    /** A new, uninitialised store on this directory. */
    abstract Sail sail(Path directory);

    /**
     * Whether a write that did not finish damages at most the records it wrote (checked at the next start, the store
     * kept if they are whole) rather than any part of the store (rebuilt from the journal).
     */
    boolean recoversInPlace() {
        return recoversInPlace;
    }

    /** What the engine is called in descriptions and logs, e.g. "LMDB store". */
    String label() {
        return label;
    }
}
