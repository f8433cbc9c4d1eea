package org.smartcontainer.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AuditBufferTest {

    static AuditEvent event(int n) {
        return new AuditEvent(Instant.now(), "alice", "app@example.org", "1032702", "get_medications", "GET",
                "/records/1032702/medications/?n=" + n, 200);
    }

    @Test
    void aFlushWritesEveryQueuedEventInBatchesInTheOrderTheyCame() {
        List<List<AuditEvent>> batches = new ArrayList<>();
        AuditBuffer buffer = new AuditBuffer(100, Duration.ZERO, 3, batches::add);
        List<AuditEvent> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(event(i));
            buffer.add(sent.get(i));
        }
        assertEquals(7, buffer.flush());
        assertEquals(List.of(3, 3, 1), batches.stream().map(List::size).toList());
        assertEquals(sent, batches.stream().flatMap(List::stream).toList());
        assertEquals(0, buffer.backlog());
    }

    @Test
    void aBatchTheDatabaseRefusesIsKeptAndWrittenByTheNextFlushNothingIsLost() {
        List<AuditEvent> stored = new ArrayList<>();
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        AuditBuffer buffer = new AuditBuffer(100, Duration.ZERO, 2, batch -> {
            if (databaseDown.get()) {
                throw new IllegalStateException("database down");
            }
            stored.addAll(batch);
        });
        for (int i = 0; i < 5; i++) {
            buffer.add(event(i));
        }
        assertThrows(IllegalStateException.class, buffer::flush);
        assertEquals(5, buffer.backlog());
        buffer.add(event(5));
        databaseDown.set(false);
        assertEquals(6, buffer.flush());
        assertEquals(6, stored.size());
        assertEquals(0, buffer.backlog());
    }

    @Test
    void whenTheQueueIsFullARequestWaitsForRoomAndFailsIfNoneComes() {
        AuditBuffer buffer = new AuditBuffer(2, Duration.ofMillis(200), 10, batch -> {
            throw new IllegalStateException("database down");
        });
        buffer.add(event(1));
        buffer.add(event(2));
        long start = System.nanoTime();
        assertThrows(AuditUnavailableException.class, () -> buffer.add(event(3)));
        assertTrue(System.nanoTime() - start >= 150_000_000L, "waited for room first");
        assertEquals(2, buffer.backlog(), "what was accepted is still there");
    }

    @Test
    void aWaitingRequestGetsInAsSoonAsAFlushMakesRoom() throws Exception {
        List<AuditEvent> stored = Collections.synchronizedList(new ArrayList<>());
        AuditBuffer buffer = new AuditBuffer(1, Duration.ofSeconds(10), 10, stored::addAll);
        buffer.add(event(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch accepted = new CountDownLatch(1);
        pool.submit(() -> {
            buffer.add(event(2));
            accepted.countDown();
        });
        Thread.sleep(100);
        buffer.flush();
        assertTrue(accepted.await(5, TimeUnit.SECONDS));
        buffer.flush();
        assertEquals(2, stored.size());
        pool.shutdown();
    }

    @Test
    void concurrentRequestsAndFlushesWriteEveryEventExactlyOnce() throws Exception {
        List<AuditEvent> stored = Collections.synchronizedList(new ArrayList<>());
        AuditBuffer buffer = new AuditBuffer(50, Duration.ofSeconds(10), 7, stored::addAll);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean done = new AtomicBoolean();
        Thread flusher = new Thread(() -> {
            while (!done.get()) {
                buffer.flush();
            }
        });
        flusher.start();
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    buffer.add(event(i));
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        done.set(true);
        flusher.join();
        buffer.flush();
        assertEquals(8000, stored.size());
        assertEquals(8000, stored.stream().map(AuditEvent::getId).distinct().count());
    }
}
