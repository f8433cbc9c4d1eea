package org.smartcontainer.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Audit events the database refused one by one while it was reachable (a value it cannot take, a constraint
 * an upgrade changed): each is kept in a text file under the data directory with the time and the reason, so
 * that it is never lost and an operator can read it ({@code dead-letters.log}: one line per event, the time it was
 * set aside, the reason, then the event's fields separated by tabs).
 *
 * <p>At every start the events set aside earlier are offered to the database once more: after an upgrade that
 * fixed the cause they are written and leave the file; the others come back into it. The file being replayed is
 * {@code dead-letters.replaying} until all its events have gone one way or the other, so a crash during the
 * replay loses none. Thread-safe.
 */
final class AuditDeadLetters {

    static final String FILE = "dead-letters.log";
    static final String REPLAYING = "dead-letters.replaying";

    private final Path file;
    private final Path replaying;
    private final List<AuditEvent> toReplay = new ArrayList<>();
    /** The ids of the events in {@link #file}: an event refused twice (replayed from the journal) is kept once. */
    private final Set<String> ids = new HashSet<>();
    private long count;
    private int replayOutstanding;

    /** Opens the dead letters in the directory; those of earlier runs are taken out for {@link #toReplay}. */
    AuditDeadLetters(Path directory) throws IOException {
        Files.createDirectories(directory);
        this.file = directory.resolve(FILE);
        this.replaying = directory.resolve(REPLAYING);
        List<String> lines = new ArrayList<>();
        if (Files.exists(replaying)) {
            // an earlier replay did not finish: its events are offered again (those written meanwhile are skipped)
            lines.addAll(lines(replaying));
        }
        if (Files.exists(file)) {
            lines.addAll(lines(file));
        }
        List<String> unreadable = new ArrayList<>();
        Set<String> replayIds = new HashSet<>();
        for (String line : lines) {
            String[] parts = line.split("\t", 3);
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("not a dead letter");
                }
                AuditEvent event = AuditEventLine.decode(parts[2]);
                if (replayIds.add(event.getId())) {
                    toReplay.add(event);
                }
            } catch (IllegalArgumentException e) {
                unreadable.add(line);
            }
        }
        if (!lines.isEmpty()) {
            Path next = directory.resolve(REPLAYING + ".new");
            Files.write(next, toReplay.stream().map(e -> Instant.now() + "\treplaying\t" + AuditEventLine.encode(e))
                    .toList(), StandardCharsets.UTF_8);
            Files.move(next, replaying, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(file);
            // lines that are not events are kept for an operator to read, never dropped
            for (String line : unreadable) {
                append(line);
            }
            count = unreadable.size();
        }
        replayOutstanding = toReplay.size();
        if (replayOutstanding == 0) {
            Files.deleteIfExists(replaying);
        }
    }

    /** The events set aside in earlier runs, to be offered to the database once more. */
    List<AuditEvent> toReplay() {
        return List.copyOf(toReplay);
    }

    /** Sets an event aside with the reason; it is on disk when this returns. */
    synchronized void add(AuditEvent event, String reason) throws IOException {
        if (!ids.add(event.getId())) {
            return;
        }
        String why = reason == null ? "unknown" : reason.replaceAll("[\\t\\r\\n]+", " ");
        append(Instant.now() + "\t" + AuditText.bound(why, 500) + "\t" + AuditEventLine.encode(event));
        count++;
    }

    /** One replayed event has been written or set aside again; the replay file goes with the last one. */
    synchronized void replayed() throws IOException {
        if (replayOutstanding > 0 && --replayOutstanding == 0) {
            Files.deleteIfExists(replaying);
        }
    }

    /** Events set aside and not (yet) written: in the file and still being replayed. */
    synchronized long count() {
        return count + replayOutstanding;
    }

    Path file() {
        return file;
    }

    private void append(String line) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        }
    }

    private static List<String> lines(Path path) throws IOException {
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).toList();
    }
}
