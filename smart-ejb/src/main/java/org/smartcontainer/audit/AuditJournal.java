package org.smartcontainer.audit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audit events accepted but not yet known to be in the database, in append-only files on local disk, so
 * that neither a crash, nor a stop, nor a database outage loses one: an event is written and forced to disk
 * before the request that caused it is answered, and at the next start every event still here is written to
 * the database again (written ones are recognised by their id and skipped).
 *
 * <p>Writing is a group commit on one thread of the journal's own: it takes every event that arrived while it
 * forced the last batch, writes them with one write and forces them with one force, then lets their requests
 * go on. Under load one force thus serves many requests, and a write never waits behind another request's force.
 * The journal is a series of segments; a segment is deleted once it is no longer written to and every event in it
 * has been written to the database or set aside as a dead letter. A torn last line (the process died during a
 * write, before that request was answered) fails its checksum and is skipped.
 *
 * <p>Thread-safe. Its thread comes from the given factory (the server's managed thread factory in the container).
 */
final class AuditJournal implements AutoCloseable {

    /** Where an event was written: its segment. */
    record Ticket(long segment) {
    }

    /** An event found in a segment at start-up. */
    record Recovered(long segment, AuditEvent event) {
    }

    private record Write(byte[] line, CompletableFuture<Ticket> done) {
    }

    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{12})\\.log");
    private static final Write CLOSE = new Write(new byte[0], new CompletableFuture<>());
    /** How long a segment is kept after its last event reached the database (see {@link #resolved}). */
    static final Duration DELETE_GRACE = Duration.ofSeconds(10);
    /** The longest a request waits for its event to be on disk before it is refused. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final Path directory;
    private final long segmentBytes;
    private final boolean force;
    private final List<Recovered> recovered = new ArrayList<>();
    private int unreadableLines;
    private final LinkedBlockingQueue<Write> writes = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Events per segment not yet resolved (guarded by itself). */
    private final Map<Long, Integer> unresolved = new HashMap<>();
    /** Segments all of whose events are resolved, and since when (guarded by {@link #unresolved}). */
    private final Map<Long, Long> finishedAt = new HashMap<>();
    private final Clock clock;

    // written by the writer thread only (and by the constructor before it starts)
    private FileChannel channel;
    private long segmentLength;
    /** The segment written to; read anywhere. */
    private volatile long segment;
    private volatile boolean closed;

    /**
     * Opens the journal in the directory (created if missing), reading every segment left from before.
     *
     * @param segmentBytes the size after which writes go to a new segment
     * @param force whether each batch is forced to disk (fsync); without it an event survives the death of the JVM
     *     but not of the machine
     * @param threads where the journal's writer thread comes from
     * @param clock for the grace period of finished segments
     */
    AuditJournal(Path directory, long segmentBytes, boolean force, ThreadFactory threads, Clock clock)
            throws IOException {
        this.directory = Files.createDirectories(directory);
        this.clock = clock;
        this.segmentBytes = segmentBytes;
        this.force = force;
        long last = 0;
        for (long old : segments()) {
            readSegment(old);
            last = Math.max(last, old);
        }
        openSegment(last + 1);
        writer = threads.newThread(this::writeBatches);
        writer.setName("smart-audit-journal");
        writer.setDaemon(true);
        writer.start();
    }

    /** The events of earlier runs still to be written, oldest first; each must be {@link #resolved} in turn. */
    List<Recovered> recovered() {
        return List.copyOf(recovered);
    }

    /** Lines of earlier segments that were not whole events (torn by a crash, or altered). */
    int unreadableLines() {
        return unreadableLines;
    }

    /**
     * Writes the event; returns once it is on disk (forced, unless forcing is off).
     *
     * @throws IOException if it could not be written, or not within 10 s
     */
    Ticket write(AuditEvent event) throws IOException {
        if (closed) {
            throw new IOException("The audit journal is closed");
        }
        Write write = new Write((AuditEventLine.encode(event) + "\n").getBytes(StandardCharsets.UTF_8),
                new CompletableFuture<>());
        writes.add(write);
        try {
            return write.done().get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the audit event was written");
        } catch (TimeoutException e) {
            throw new IOException("The audit journal did not write the event within " + LONGEST_WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * One event of the segment has been written to the database (or set aside). A segment all of whose events
     * are resolved is deleted by a later {@link #purge}, not at once: a database may acknowledge a commit before it
     * is on its disk (H2, the server's default database, writes commits out within a second), and the journal must
     * still hold the event if the machine dies in between.
     */
    void resolved(long ofSegment) {
        synchronized (unresolved) {
            Integer left = unresolved.merge(ofSegment, -1, Integer::sum);
            if (left != null && left <= 0 && ofSegment != segment) {
                unresolved.remove(ofSegment);
                finishedAt.put(ofSegment, clock.millis());
            }
        }
    }

    /** Deletes the segments resolved for longer than the grace period. */
    void purge() {
        List<Long> due = new ArrayList<>();
        synchronized (unresolved) {
            long now = clock.millis();
            finishedAt.entrySet().removeIf(e -> {
                boolean old = now - e.getValue() >= DELETE_GRACE.toMillis();
                if (old) {
                    due.add(e.getKey());
                }
                return old;
            });
        }
        due.forEach(this::deleteSegment);
    }

    /** The bytes in the journal's segments. */
    long bytes() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> SEGMENT.matcher(f.getFileName().toString()).matches())
                    .mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    Path directory() {
        return directory;
    }

    /** Writes what was handed in, forces and closes; what is unresolved stays for the next start. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writes.add(CLOSE);
        try {
            writer.join(LONGEST_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer thread: batch after batch until closed. */
    private void writeBatches() {
        List<Write> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(writes.take());
                writes.drainTo(batch);
                boolean closing = batch.remove(CLOSE);
                writeBatch(batch);
                batch.clear();
                if (closing) {
                    finish();
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the server is ending the thread: what was written is forced already
            Thread.currentThread().interrupt();
        } finally {
            IOException gone = new IOException("The audit journal is closed");
            batch.forEach(w -> w.done().completeExceptionally(gone));
            writes.forEach(w -> w.done().completeExceptionally(gone));
        }
    }

    private void writeBatch(List<Write> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            if (segmentLength >= segmentBytes) {
                nextSegment();
            }
            int length = 0;
            for (Write w : batch) {
                length += w.line().length;
            }
            ByteBuffer bytes = ByteBuffer.allocate(length);
            batch.forEach(w -> bytes.put(w.line()));
            bytes.flip();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (force) {
                channel.force(false);
            }
            segmentLength += length;
            long written = segment;
            synchronized (unresolved) {
                unresolved.merge(written, batch.size(), Integer::sum);
            }
            Ticket ticket = new Ticket(written);
            batch.forEach(w -> w.done().complete(ticket));
        } catch (IOException | RuntimeException e) {
            batch.forEach(w -> w.done().completeExceptionally(e));
        }
    }

    private void finish() {
        try {
            try {
                channel.force(false);
            } finally {
                channel.close();
            }
            boolean empty;
            synchronized (unresolved) {
                empty = unresolved.getOrDefault(segment, 0) <= 0;
            }
            if (empty) {
                Files.deleteIfExists(file(segment));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the audit journal " + file(segment), e);
        }
    }

    private void nextSegment() throws IOException {
        channel.force(false);
        channel.close();
        long finished = segment;
        openSegment(finished + 1);
        synchronized (unresolved) {
            if (unresolved.getOrDefault(finished, 0) <= 0) {
                unresolved.remove(finished);
                finishedAt.put(finished, clock.millis());
            }
        }
    }

    private void openSegment(long number) throws IOException {
        channel = FileChannel.open(file(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segment = number;
        segmentLength = 0;
        forceDirectory();
    }

    /** Makes the new segment's directory entry durable too (where the platform allows forcing a directory). */
    private void forceDirectory() {
        if (!force) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a directory; the entry is then as durable as the platform makes it
        }
    }

    private void readSegment(long number) throws IOException {
        int found = 0;
        // Bytes that are not UTF-8 (a line torn inside a character) become U+FFFD and then fail the line's checksum.
        String text = new String(Files.readAllBytes(file(number)), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                recovered.add(new Recovered(number, AuditEventLine.decode(line)));
                found++;
            } catch (IllegalArgumentException e) {
                unreadableLines++;
            }
        }
        if (found == 0) {
            deleteSegment(number);
        } else {
            synchronized (unresolved) {
                unresolved.put(number, found);
            }
        }
    }

    private void deleteSegment(long number) {
        try {
            Files.deleteIfExists(file(number));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the finished audit journal segment " + file(number), e);
        }
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> SEGMENT.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1))).sorted().toList();
        }
    }

    private Path file(long number) {
        return directory.resolve(String.format("segment-%012d.log", number));
    }
}
