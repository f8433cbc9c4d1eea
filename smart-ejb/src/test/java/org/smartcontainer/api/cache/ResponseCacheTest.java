package org.smartcontainer.api.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

    static final String URL = "http://localhost/api/records/1/medications/";

    static ResponseCache.Key key(long revision, String url, String representation) {
        return new ResponseCache.Key("1", revision, url, representation);
    }

    static ResponseCache.Entry entry(String body) {
        return new ResponseCache.Entry(body.getBytes(StandardCharsets.UTF_8), "\"" + body + "\"");
    }

    @Test
    void aSecondReadOfTheSameRevisionUrlAndRepresentationIsServedWithoutBuilding() {
        ResponseCache cache = new ResponseCache(1 << 20);
        AtomicInteger builds = new AtomicInteger();
        ResponseCache.Entry first = cache.get(key(1, URL, "RDF_XML"), () -> {
            builds.incrementAndGet();
            return entry("a");
        });
        ResponseCache.Entry second = cache.get(key(1, URL, "RDF_XML"), () -> {
            builds.incrementAndGet();
            return entry("b");
        });
        assertSame(first, second);
        assertEquals(1, builds.get());
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void aNewRevisionAnotherRepresentationOrAnotherUrlIsBuiltAfresh() {
        ResponseCache cache = new ResponseCache(1 << 20);
        cache.get(key(1, URL, "RDF_XML"), () -> entry("old"));
        assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), cache.get(key(2, URL, "RDF_XML"), () -> entry("new")).body(),
                "after a write (new revision) the old bytes are never served");
        assertEquals("\"turtle\"", cache.get(key(1, URL, "TURTLE"), () -> entry("turtle")).etag());
        assertEquals("\"paged\"", cache.get(key(1, URL + "?limit=1", "RDF_XML"), () -> entry("paged")).etag());
        assertEquals("\"other base\"", cache.get(key(1, "https://public.example.org/api/records/1/medications/", "RDF_XML"),
                () -> entry("other base")).etag());
        assertEquals(0, cache.hits());
    }

    @Test
    void theBytesHeldStayUnderTheLimitByDroppingTheLeastRecentlyUsed() {
        long limit = 64 * 1024;
        ResponseCache cache = new ResponseCache(limit);
        ResponseCache.Entry body = new ResponseCache.Entry(new byte[4000], "\"x\"");
        for (int i = 0; i < 100; i++) {
            cache.get(key(i, URL, "RDF_XML"), () -> body);
            cache.get(key(0, URL, "RDF_XML"), () -> body); // kept recently used
            assertTrue(cache.bytes() <= limit, "held " + cache.bytes());
        }
        assertTrue(cache.size() > 1 && cache.size() < 100, "entries held: " + cache.size());
        AtomicInteger rebuilt = new AtomicInteger();
        cache.get(key(0, URL, "RDF_XML"), () -> {
            rebuilt.incrementAndGet();
            return body;
        });
        assertEquals(0, rebuilt.get(), "the entry used all along survived");
    }

    @Test
    void aResponseLargerThanAnEighthOfTheCacheIsServedButNotKept() {
        ResponseCache cache = new ResponseCache(8 * 1024);
        ResponseCache.Entry big = cache.get(key(1, URL, "RDF_XML"), () -> new ResponseCache.Entry(new byte[2000], "\"y\""));
        assertEquals(2000, big.body().length);
        assertEquals(0, cache.size());
        assertEquals(0, cache.bytes());
    }

    @Test
    void aCacheOfZeroBytesIsOffAndKeepsNothing() {
        ResponseCache cache = new ResponseCache(0);
        assertFalse(cache.enabled());
        cache.get(key(1, URL, "RDF_XML"), () -> entry("a"));
        assertEquals(0, cache.size());
    }

    /**
     * A write racing a read: the reader took revision 1 and builds old data slowly; meanwhile the record is
     * written (revision 2) and a later reader builds new data. The slow reader's late insertion lands under
     * revision 1 and is never served to anyone who starts after the write.
     */
    @Test
    void anAnswerBuiltBeforeAWriteButStoredAfterItIsNeverServedAfterTheWrite() throws Exception {
        ResponseCache cache = new ResponseCache(1 << 20);
        AtomicLong revision = new AtomicLong(1);
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        AtomicReference<ResponseCache.Entry> slow = new AtomicReference<>();
        long seen = revision.get();
        Thread reader = new Thread(() -> slow.set(cache.get(key(seen, URL, "RDF_XML"), () -> {
            building.countDown();
            try {
                written.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return entry("old");
        })));
        reader.start();
        building.await();
        revision.incrementAndGet(); // the write commits, then bumps the revision
        assertEquals("\"new\"", cache.get(key(revision.get(), URL, "RDF_XML"), () -> entry("new")).etag());
        written.countDown();
        reader.join();
        assertEquals("\"old\"", slow.get().etag(), "the racing reader got what it read");
        assertEquals("\"new\"", cache.get(key(revision.get(), URL, "RDF_XML"), () -> entry("wrong")).etag(),
                "every later reader gets the data of the write");
    }
}
