package org.smartcontainer.records;

import java.nio.file.Path;

/** The record store contract on RDF4J's LMDB store (the default engine). */
class LmdbStoreContractTest extends RecordStoreContract {

    @Override
    RecordStore open(Path dir) {
        return Fixtures.openStore(StoreEngine.LMDB, dir);
    }
}
