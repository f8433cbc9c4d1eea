package org.smartcontainer.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.smartcontainer.records.RecordStore;

/** The {@link RecordDirectory} of the running container: the ids of the record store. */
@ApplicationScoped
public class StoreRecordDirectory implements RecordDirectory {

    @Inject
    private RecordStore store;

    @Override
    public boolean exists(String recordId) {
        return recordId != null && store.exists(recordId);
    }

    @Override
    public Optional<String> firstRecordAfter(String after) {
        // recordIds() is sorted in string order, the order the helper-token loop walks.
        return store.recordIds().stream().filter(id -> after == null || id.compareTo(after) > 0).findFirst();
    }
}
