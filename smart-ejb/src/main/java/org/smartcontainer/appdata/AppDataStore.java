package org.smartcontainer.appdata;

import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import org.smartcontainer.persistence.DatabaseOutages;

/**
 * Reads and writes the opaque per-app data of the API (api.md section 5). Keys are unique in the database:
 * (record, app) for scratchpads, (user, app) for preferences. Writes lock the row they replace, so an
 * {@code If-Match} check and the write that follows it are atomic.
 */
@Stateless
@Interceptors(DatabaseOutages.class)
public class AppDataStore {

    /** Largest value stored, in bytes ({@code 413} above). */
    public static final int MAX_BYTES = 1 << 20;

    /** The two kinds of slot. */
    public enum Slot {
        /** {@code /records/{record_id}/apps/{app_id}/scratchpad}: owner is the record id. */
        SCRATCHPAD("ScratchpadData.find", ScratchpadData::new),
        /** {@code /users/{user_id}/apps/{app_id}/preferences}: owner is the user id. */
        USER_PREFERENCES("UserPreferences.find", UserPreferences::new);

        private final String query;
        private final BiFunction<String, String, OpaqueData> create;

        Slot(String query, BiFunction<String, String, OpaqueData> create) {
            this.query = query;
            this.create = create;
        }
    }

    @PersistenceContext(unitName = "smart")
    private EntityManager em;

    /** What the slot holds ({@link StoredData#EMPTY} when nothing). */
    public StoredData read(Slot slot, String owner, String appId) {
        return find(slot, owner, appId, LockModeType.NONE).map(AppDataStore::stored).orElse(StoredData.EMPTY);
    }

    /**
     * Stores {@code data} with {@code mediaType} (parameters dropped, lower-cased; blank means
     * {@code text/plain}) and returns what is now stored.
     *
     * @param ifMatch the request's {@code If-Match} header, or null
     */
    public StoredData write(Slot slot, String owner, String appId, byte[] data, String mediaType, String ifMatch)
            throws PreconditionFailedException {
        if (data.length > MAX_BYTES) {
            throw new IllegalArgumentException("At most " + MAX_BYTES + " bytes may be stored");
        }
        Optional<OpaqueData> existing = find(slot, owner, appId, LockModeType.PESSIMISTIC_WRITE);
        check(existing, ifMatch);
        OpaqueData row = existing.orElseGet(() -> {
            OpaqueData created = slot.create.apply(owner, appId);
            em.persist(created);
            return created;
        });
        row.replace(data, normalise(mediaType));
        return stored(row);
    }

    /** Removes what the slot holds; whether anything was stored. */
    public boolean delete(Slot slot, String owner, String appId, String ifMatch) throws PreconditionFailedException {
        Optional<OpaqueData> existing = find(slot, owner, appId, LockModeType.PESSIMISTIC_WRITE);
        check(existing, ifMatch);
        existing.ifPresent(em::remove);
        return existing.isPresent();
    }

    /** Removes every scratchpad of a record (when the record is deleted). */
    public int deleteScratchpads(String recordId) {
        return em.createQuery("DELETE FROM ScratchpadData s WHERE s.recordId = :record")
                .setParameter("record", recordId).executeUpdate();
    }

    private Optional<OpaqueData> find(Slot slot, String owner, String appId, LockModeType lock) {
        return em.createNamedQuery(slot.query, OpaqueData.class).setParameter("owner", owner)
                .setParameter("app", appId).setLockMode(lock).getResultStream().findFirst();
    }

    private static void check(Optional<OpaqueData> existing, String ifMatch) throws PreconditionFailedException {
        StoredData current = existing.map(AppDataStore::stored).orElse(StoredData.EMPTY);
        if (!current.matches(ifMatch)) {
            throw new PreconditionFailedException("The stored data has changed (ETag " + current.etag()
                    + "); read it again");
        }
    }

    private static StoredData stored(OpaqueData row) {
        return new StoredData(row.getData(), row.getMediaType(), true);
    }

    static String normalise(String mediaType) {
        if (mediaType == null) {
            return "text/plain";
        }
        int semicolon = mediaType.indexOf(';');
        String bare = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return bare.isEmpty() ? "text/plain" : bare;
    }
}
