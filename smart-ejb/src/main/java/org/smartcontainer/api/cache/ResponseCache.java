package org.smartcontainer.api.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Serialized API responses of record reads, least recently used first out, bounded by the bytes held.
 *
 * <p>An entry is keyed by the record's revision ({@link org.smartcontainer.records.RecordStore#revision}) read
 * <em>before</em> the response is built, together with everything else the bytes depend on (the URL with its
 * public base and query, the representation). A write changes the record's revision after the written data is
 * visible, so a request that starts after the write looks up a new key and never sees an answer built before
 * it; an answer built during the write is stored under the old revision, which nobody asks for any more, and
 * ages out. So there is nothing to invalidate and no race to lose: correctness does not depend on eviction.
 *
 * <p>Thread-safe; lookups and insertions take one short lock (no I/O under it).
 */
public final class ResponseCache {

    /** What a cached response depends on. */
    public record Key(String recordId, long revision, String url, String representation) {
        public Key {
            Objects.requireNonNull(recordId);
            Objects.requireNonNull(url);
            Objects.requireNonNull(representation);
        }

        /** Bytes charged for the key itself (strings as UTF-16 plus object overhead, roughly). */
        long weight() {
            return 2L * (recordId.length() + url.length() + representation.length()) + 96;
        }
    }

    /** A serialized response: the body and its entity tag. */
    public record Entry(byte[] body, String etag) {
        long weight() {
            return body.length + 2L * etag.length() + 64;
        }
    }

    private final long maxBytes;
    private final long maxEntryBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * A cache holding at most {@code maxBytes} (keys included); a single response larger than an eighth of that
     * is served but not kept. {@code maxBytes <= 0} turns the cache off: nothing is kept.
     */
    public ResponseCache(long maxBytes) {
        this.maxBytes = Math.max(0, maxBytes);
        this.maxEntryBytes = this.maxBytes / 8;
    }

    /** Whether anything is kept at all. */
    public boolean enabled() {
        return maxBytes > 0;
    }

    /** The entry for {@code key}, building and keeping it on a miss; concurrent misses may build it twice. */
    public Entry get(Key key, Supplier<Entry> build) {
        Entry found;
        synchronized (this) {
            found = entries.get(key);
        }
        if (found != null) {
            hits.incrementAndGet();
            return found;
        }
        misses.incrementAndGet();
        Entry built = build.get();
        put(key, built);
        return built;
    }

    private void put(Key key, Entry entry) {
        long weight = key.weight() + entry.weight();
        if (weight > maxEntryBytes) {
            return;
        }
        synchronized (this) {
            Entry old = entries.put(key, entry);
            if (old != null) {
                bytes -= key.weight() + old.weight();
            }
            bytes += weight;
            Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                Map.Entry<Key, Entry> e = eldest.next();
                bytes -= e.getKey().weight() + e.getValue().weight();
                eldest.remove();
            }
        }
    }

    /** Bytes held now (keys and bodies). */
    public synchronized long bytes() {
        return bytes;
    }

    /** Entries held now. */
    public synchronized int size() {
        return entries.size();
    }

    /** Lookups answered from the cache since it was made. */
    public long hits() {
        return hits.get();
    }

    /** Lookups that had to build the response. */
    public long misses() {
        return misses.get();
    }
}
