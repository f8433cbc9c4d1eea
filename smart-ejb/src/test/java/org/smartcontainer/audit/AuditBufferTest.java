package org.smartcontainer.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcontainer.oauth.MutableClock;

class AuditBufferTest {

    @TempDir
    Path dir;

    private final H2AuditDatabase database = new H2AuditDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final List<AuditJournal> opened = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    static AuditEvent event(int n) {
        return new AuditEvent(Instant.now(), "alice", "app@example.org", "1032702", "get_medications", "GET",
                "/records/1032702/medications/?n=" + n, 200);
    }

    /** A buffer over the test's journal and dead letters, as the server opens it at start. */
    private AuditBuffer open(int capacity, Duration wait, int batchSize, AuditBuffer.Sink sink) throws IOException {
        AuditJournal journal = new AuditJournal(dir.resolve("journal"), 4096, true, Thread::new, clock);
        opened.add(journal);
        return new AuditBuffer(new AuditBuffer.Settings(capacity, wait, batchSize, Duration.ofMillis(100),
                Duration.ofSeconds(30)), journal, new AuditDeadLetters(dir), sink, clock, Duration.ofMinutes(1));
    }

    @AfterEach
    void close() throws IOException {
        for (AuditJournal j : opened) {
            j.close();
        }
    }

    @Test
    void aFlushWritesEveryQueuedEventInBatchesInTheOrderTheyCame() throws IOException {
        List<List<AuditEvent>> batches = new ArrayList<>();
        AuditBuffer buffer = open(100, Duration.ZERO, 3, recording(batches));
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
    void anEventWithAFiveThousandCharacterRecordIdIsStoredCutAndTheEventsAroundItAreWritten() throws IOException {
        AuditBuffer buffer = open(100, Duration.ZERO, 500, database);
        String longId = "a".repeat(5000);
        AuditEvent hostile = new AuditEvent(Instant.now(), null, null, longId, "get_demographics", "GET",
                "/records/" + longId + "/demographics", 401);
        buffer.add(event(1));
        buffer.add(hostile);
        buffer.add(event(2));

        assertEquals(3, buffer.flush());

        String stored = database.column(hostile.getId(), "RECORD_ID");
        assertEquals(AuditEvent.RECORD_LENGTH, stored.length());
        assertTrue(stored.startsWith("aaaa") && stored.contains("cut: 5000 chars, sha256 " + AuditText.hash(longId)),
                stored);
        assertEquals(0, buffer.status().deadLetters());
        assertEquals(0, buffer.backlog());
    }

    @Test
    void anEventTheDatabaseRefusesIsIsolatedTheOthersAreWrittenAndItIsKeptAsADeadLetterWithTheReason()
            throws IOException {
        AtomicBoolean refusePoison = new AtomicBoolean(true);
        AuditBuffer buffer = open(100, Duration.ZERO, 500, refusing(refusePoison));
        List<AuditEvent> good = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AuditEvent e = i == 17 ? poison() : event(i);
            buffer.add(e);
            if (i != 17) {
                good.add(e);
            }
        }

        assertEquals(39, buffer.flush());

        assertEquals(ids(good), new HashSet<>(database.ids()));
        assertEquals(1, buffer.status().deadLetters());
        assertEquals(0, buffer.backlog());
        assertTrue(attempts.get() <= 2 * 7 + 1, "split in halves, not one by one: " + attempts.get());
        String letters = Files.readString(dir.resolve(AuditDeadLetters.FILE));
        assertTrue(letters.contains("poisoned") && letters.contains("refused on purpose"), letters);
    }

    @Test
    void deadLettersAreOfferedAgainAtTheNextStartAndLeaveTheFileOnceWritten() throws IOException {
        AtomicBoolean refusePoison = new AtomicBoolean(true);
        AuditBuffer first = open(100, Duration.ZERO, 500, refusing(refusePoison));
        AuditEvent poison = poison();
        first.add(poison);
        first.add(event(1));
        first.flush();
        assertEquals(1, first.status().deadLetters());
        opened.remove(0).close();

        // still refused at the next start: it goes back into the file, not lost, not doubled
        AuditBuffer second = open(100, Duration.ZERO, 500, refusing(refusePoison));
        assertEquals(1, second.status().deadLetters());
        second.flush();
        assertEquals(1, second.status().deadLetters());
        assertEquals(1, Files.readAllLines(dir.resolve(AuditDeadLetters.FILE)).size());
        opened.remove(0).close();

        // an upgrade fixed the cause: the next start writes it and the file is empty
        refusePoison.set(false);
        AuditBuffer third = open(100, Duration.ZERO, 500, refusing(refusePoison));
        third.flush();
        assertEquals(0, third.status().deadLetters());
        assertTrue(database.ids().contains(poison.getId()));
        assertFalse(Files.exists(dir.resolve(AuditDeadLetters.REPLAYING)));
        assertFalse(Files.exists(dir.resolve(AuditDeadLetters.FILE)) && !Files.readString(dir.resolve(AuditDeadLetters.FILE)).isBlank());
    }

    @Test
    void aDeadLetterSeenAgainInTheJournalAfterACrashIsKeptOnce() throws IOException {
        AtomicBoolean refusePoison = new AtomicBoolean(true);
        AuditBuffer first = open(100, Duration.ZERO, 500, refusing(refusePoison));
        first.add(poison());
        first.flush();
        // killed: the journal segment was not closed, so the next start reads the poisoned event there too
        AuditBuffer second = open(100, Duration.ZERO, 500, refusing(refusePoison));
        second.flush();
        assertEquals(1, second.status().deadLetters());
        assertEquals(1, Files.readAllLines(dir.resolve(AuditDeadLetters.FILE)).size());
    }

    @Test
    void whileTheDatabaseIsDownNothingIsSetAsideEverythingWaitsAndFlushesBackOff() throws IOException {
        AuditBuffer buffer = open(100, Duration.ZERO, 2, database);
        for (int i = 0; i < 5; i++) {
            buffer.add(event(i));
        }
        database.down.set(true);
        assertThrows(IllegalStateException.class, buffer::flush);
        assertEquals(5, buffer.backlog());
        assertEquals(0, buffer.status().deadLetters());
        assertNotNull(buffer.status().lastFailure());

        int attempts = database.transactions.get();
        assertEquals(0, buffer.flush(), "within the pause after a failure a scheduled flush does not try");
        clock.advance(Duration.ofMillis(100));
        assertThrows(IllegalStateException.class, buffer::flush);
        assertEquals(0, buffer.flush(), "the pause doubled");
        clock.advance(Duration.ofMillis(150));
        assertEquals(0, buffer.flush(), "still within 200 ms");
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofSeconds(31));
            assertThrows(IllegalStateException.class, buffer::flush);
        }
        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, buffer.flush(), "the pause is at most 30 s ... ");
        clock.advance(Duration.ofSeconds(1));
        assertThrows(IllegalStateException.class, buffer::flush, "... and then it tries again");
        assertEquals(attempts, database.transactions.get(), "a database that is down gets no write attempt");
        assertTrue(buffer.status().failingForSeconds() >= 12 * 31);

        buffer.add(event(5));
        database.down.set(false);
        assertEquals(6, buffer.flush(true));
        assertEquals(6, database.ids().size());
        assertEquals(0, buffer.backlog());
        assertEquals(0, buffer.status().failingForSeconds());
    }

    @Test
    void aDatabaseThatStaysDownLogsOneLinePerMinuteWithoutStackTraces() throws IOException {
        List<LogRecord> lines = new ArrayList<>();
        Handler handler = capture(lines);
        try {
            AuditBuffer buffer = open(100, Duration.ZERO, 2, database);
            buffer.add(event(1));
            database.down.set(true);
            for (int second = 0; second < 180; second++) {
                clock.advance(Duration.ofSeconds(1));
                assertThrows(RuntimeException.class, () -> buffer.flush(true));
            }
            assertTrue(lines.size() <= 4, lines.size() + " lines for 3 minutes of failures");
            assertTrue(lines.stream().allMatch(r -> r.getThrown() == null), "no stack traces");
            assertTrue(lines.get(lines.size() - 1).getMessage().contains("more times"), lines.get(lines.size() - 1).getMessage());
        } finally {
            Logger.getLogger(AuditBuffer.class.getName()).removeHandler(handler);
        }
    }

    @Test
    void eventsAcceptedBeforeACrashAreWrittenAtTheNextStartExactlyOnce() throws IOException {
        AuditBuffer before = open(100, Duration.ZERO, 3, database);
        List<AuditEvent> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(event(i));
            before.add(sent.get(i));
        }
        // some reached the database, then the process died (the journal is not closed, nothing else flushed)
        AuditBuffer partial = before;
        database.write(sent.subList(0, 4));

        AuditBuffer after = open(100, Duration.ZERO, 3, database);
        assertEquals(10, after.backlog());
        assertEquals(6, after.flush());
        assertEquals(ids(sent), new HashSet<>(database.ids()));
        assertEquals(10, database.ids().size());
        assertTrue(partial.backlog() > 0);
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheWholeOnesAreWritten() throws IOException {
        AuditBuffer before = open(100, Duration.ZERO, 3, database);
        before.add(event(1));
        before.add(event(2));
        try (Stream<Path> segments = Files.list(dir.resolve("journal"))) {
            Path segment = segments.findFirst().orElseThrow();
            Files.write(segment, "a1\t1234abcd\tcut-off-in-the-midd".getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.APPEND);
        }
        AuditJournal journal = new AuditJournal(dir.resolve("journal"), 4096, true, Thread::new, clock);
        opened.add(journal);
        assertEquals(2, journal.recovered().size());
        assertEquals(1, journal.unreadableLines());
    }

    @Test
    void aJournalThatCannotBeWrittenRefusesTheRequestAndSaysSoUntilItCanAgain() throws IOException {
        AuditBuffer buffer = open(10, Duration.ZERO, 500, database);
        buffer.add(event(1));
        opened.get(0).close();
        assertThrows(AuditUnavailableException.class, () -> buffer.add(event(2)));
        assertNotNull(buffer.status().journalFailure());
        assertEquals(1, buffer.backlog(), "the refused event took no room");
        assertEquals(1, buffer.flush());
    }

    @Test
    void finishedSegmentsAreKeptForAGracePeriodAfterTheirEventsReachedTheDatabaseThenDeleted() throws IOException {
        AuditBuffer buffer = open(10_000, Duration.ZERO, 500, database);
        for (int i = 0; i < 200; i++) {
            buffer.add(event(i));
        }
        buffer.flush();
        assertTrue(segments() > 1, "a database may not have its commit on disk yet: the segments stay a while");
        clock.advance(AuditJournal.DELETE_GRACE);
        buffer.add(event(999));
        buffer.flush();
        assertEquals(1, segments(), "only the segment being written to");
        assertTrue(buffer.status().journalBytes() <= 4096 + 300, "bytes: " + buffer.status().journalBytes());
    }

    private long segments() throws IOException {
        try (Stream<Path> segments = Files.list(dir.resolve("journal"))) {
            return segments.count();
        }
    }

    @Test
    void whenTheQueueIsFullARequestWaitsForRoomAndFailsIfNoneComes() throws IOException {
        database.down.set(true);
        AuditBuffer buffer = open(2, Duration.ofMillis(200), 10, database);
        buffer.add(event(1));
        buffer.add(event(2));
        long start = System.nanoTime();
        assertThrows(AuditUnavailableException.class, () -> buffer.add(event(3)));
        assertTrue(System.nanoTime() - start >= 150_000_000L, "waited for room first");
        assertEquals(2, buffer.backlog(), "what was accepted is still there");
    }

    @Test
    void aWaitingRequestGetsInAsSoonAsAFlushMakesRoom() throws Exception {
        AuditBuffer buffer = open(1, Duration.ofSeconds(10), 10, database);
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
        assertEquals(2, database.ids().size());
        pool.shutdown();
    }

    @Test
    void concurrentRequestsAndFlushesWriteEveryEventExactlyOnce() throws Exception {
        AuditBuffer buffer = open(50, Duration.ofSeconds(10), 7, database);
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
                for (int i = 0; i < 250; i++) {
                    buffer.add(event(i));
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        done.set(true);
        flusher.join();
        buffer.flush();
        assertEquals(2000, database.ids().size());
        assertEquals(2000, new HashSet<>(database.ids()).size());
    }

    private static AuditEvent poison() {
        return new AuditEvent(Instant.now(), "mallory", null, "1032702", "poisoned", "GET", "/records/1032702/x", 200);
    }

    /** The database, refusing (while asked to) every batch that holds a "poisoned" event, as a changed constraint would. */
    private AuditBuffer.Sink refusing(AtomicBoolean refuse) {
        return writingAfter(batch -> {
            attempts.incrementAndGet();
            if (refuse.get() && batch.stream().anyMatch(e -> e.getCall().equals("poisoned"))) {
                throw new IllegalStateException("refused on purpose");
            }
        });
    }

    private AuditBuffer.Sink recording(List<List<AuditEvent>> batches) {
        return writingAfter(batches::add);
    }

    /** The database, with something done to each batch before it is written. */
    private AuditBuffer.Sink writingAfter(Consumer<List<AuditEvent>> first) {
        return new AuditBuffer.Sink() {
            @Override
            public void write(List<AuditEvent> batch) {
                first.accept(batch);
                database.write(batch);
            }

            @Override
            public Set<String> stored(Collection<String> ids) {
                return database.stored(ids);
            }

            @Override
            public void probe() {
                database.probe();
            }
        };
    }

    private static Set<String> ids(Collection<AuditEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.getId()));
        return ids;
    }

    private static Handler capture(List<LogRecord> lines) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger(AuditBuffer.class.getName()).addHandler(handler);
        return handler;
    }
}
