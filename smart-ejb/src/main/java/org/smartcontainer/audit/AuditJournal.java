package org.smartcontainer.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audit events accepted but not yet known to be in the database, in append-only files on local disk, so
 * that neither a crash, nor a stop, nor a database outage loses one: an event is appended and forced to disk
 * before the request that caused it is answered, and at the next start every event still here is written to
 * the database again (written ones are recognised by their id and skipped).
 *
 * <p>Appending is a group commit: requests append under a short lock and then wait for a force that covers
 * their bytes; one force covers every request that appended before it, so under load one fsync serves many
 * requests. The journal is a series of segments; a segment is deleted once it is no longer appended to and
 * every event in it has been written to the database or set aside as a dead letter. A torn last line (the
 * process died during an append, before that request was answered) fails its checksum and is skipped.
 *
 * <p>Plain Java and thread-safe.
 */
final class AuditJournal implements AutoCloseable {

    /** Where an appended event lies: its segment, and the journal's length after it (for {@link #sync}). */
    record Ticket(long segment, long end) {
    }

    /** An event found in a segment at start-up. */
    record Recovered(long segment, AuditEvent event) {
    }

    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{12})\\.log");

    private final Path directory;
    private final long segmentBytes;
    private final boolean force;
    private final List<Recovered> recovered = new ArrayList<>();
    private int unreadableLines;

    /** Guards appends, the current segment and {@link #appended}. */
    private final Object appendLock = new Object();
    /** Held while forcing and while switching segments (taken before {@link #appendLock}). */
    private final ReentrantLock syncLock = new ReentrantLock();
    /** Events per segment not yet resolved (guarded by itself). */
    private final Map<Long, Integer> unresolved = new HashMap<>();

    private FileChannel channel;
    /** The segment appended to; written under {@link #appendLock}, read anywhere. */
    private volatile long segment;
    private long segmentLength;
    /** Bytes appended since this journal was opened, over all segments. */
    private long appended;
    /** Of {@link #appended}, how many are known to be on disk. */
    private volatile long durable;
    private boolean closed;

    /**
     * Opens the journal in the directory (created if missing), reading every segment left from before.
     *
     * @param segmentBytes the size after which appends go to a new segment
     * @param force whether {@link #sync} forces the bytes to disk (fsync); without it an event survives the death of
     *     the JVM but not of the machine
     */
    AuditJournal(Path directory, long segmentBytes, boolean force) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.segmentBytes = segmentBytes;
        this.force = force;
        long last = 0;
        for (long old : segments()) {
            readSegment(old);
            last = Math.max(last, old);
        }
        openSegment(last + 1);
    }

    /** The events of earlier runs still to be written, oldest first; each must be {@link #resolved} in turn. */
    List<Recovered> recovered() {
        return List.copyOf(recovered);
    }

    /** Lines of earlier segments that were not whole events (torn by a crash, or altered). */
    int unreadableLines() {
        return unreadableLines;
    }

    /** Appends the event; it is on disk once {@link #sync} with the ticket returns. */
    Ticket append(AuditEvent event) throws IOException {
        byte[] line = (AuditEventLine.encode(event) + "\n").getBytes(StandardCharsets.UTF_8);
        if (segmentLength >= segmentBytes) {
            nextSegment();
        }
        synchronized (appendLock) {
            if (closed) {
                throw new IOException("The audit journal is closed");
            }
            ByteBuffer bytes = ByteBuffer.wrap(line);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            segmentLength += line.length;
            appended += line.length;
            synchronized (unresolved) {
                unresolved.merge(segment, 1, Integer::sum);
            }
            return new Ticket(segment, appended);
        }
    }

    /** Returns once the bytes up to the ticket are on disk: one force for all appends before it. */
    void sync(Ticket ticket) throws IOException {
        if (!force || durable >= ticket.end()) {
            return;
        }
        syncLock.lock();
        try {
            if (durable >= ticket.end()) {
                return;
            }
            FileChannel current;
            long upTo;
            synchronized (appendLock) {
                current = channel;
                upTo = appended;
            }
            current.force(false);
            durable = upTo;
        } finally {
            syncLock.unlock();
        }
    }

    /** One event of the segment has been written to the database (or set aside); a finished segment goes. */
    void resolved(long ofSegment) {
        boolean delete;
        synchronized (unresolved) {
            Integer left = unresolved.merge(ofSegment, -1, Integer::sum);
            delete = left != null && left <= 0 && ofSegment != segment;
            if (delete) {
                unresolved.remove(ofSegment);
            }
        }
        if (delete) {
            deleteSegment(ofSegment);
        }
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

    /** Forces and closes the current segment; what is unresolved stays for the next start. */
    @Override
    public void close() throws IOException {
        syncLock.lock();
        try {
            synchronized (appendLock) {
                if (closed) {
                    return;
                }
                closed = true;
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
            }
        } finally {
            syncLock.unlock();
        }
    }

    private void nextSegment() throws IOException {
        syncLock.lock();
        try {
            long finished;
            boolean empty;
            synchronized (appendLock) {
                if (closed || segmentLength < segmentBytes) {
                    return;
                }
                channel.force(false);
                durable = appended;
                channel.close();
                finished = segment;
                openSegment(segment + 1);
            }
            synchronized (unresolved) {
                empty = unresolved.getOrDefault(finished, 0) <= 0;
                if (empty) {
                    unresolved.remove(finished);
                }
            }
            if (empty) {
                deleteSegment(finished);
            }
        } finally {
            syncLock.unlock();
        }
    }

    private void openSegment(long number) throws IOException {
        segment = number;
        channel = FileChannel.open(file(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
