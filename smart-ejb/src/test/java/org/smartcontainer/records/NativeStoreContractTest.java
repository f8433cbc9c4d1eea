package org.smartcontainer.records;

import java.nio.file.Path;

/** The record store contract on RDF4J's native store (data directories not yet migrated). */
class NativeStoreContractTest extends RecordStoreContract {

    @Override
    RecordStore open(Path dir) {
        return Fixtures.openStore(StoreEngine.NATIVE, dir);
    }
}
