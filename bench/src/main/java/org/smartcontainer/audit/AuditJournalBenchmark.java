package org.smartcontainer.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the durable audit adds to a data request: writing its event to the audit journal and waiting for the
 * force (fsync) that covers it, alone and with 32 requests at once (where one force serves many: group commit),
 * with the force on (the default) and off. In the audit package, as the journal is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AuditJournalBenchmark {

    @Param({"true", "false"})
    public boolean fsync;

    private Path directory;
    private AuditJournal journal;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("audit-journal-bench");
        journal = new AuditJournal(directory, 4 << 20, fsync, Thread::new, java.time.Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private long journalOne() throws IOException {
        AuditEvent event = new AuditEvent(Instant.now(), "alice", "my-app@apps.example.org", "1032702",
                "get_medications", "GET", "/records/1032702/medications/", 200);
        AuditJournal.Ticket ticket = journal.write(event);
        journal.resolved(ticket.segment());
        return ticket.segment();
    }

    @Benchmark
    @Threads(1)
    public long oneRequestAtATime() throws IOException {
        return journalOne();
    }

    @Benchmark
    @Threads(32)
    public long thirtyTwoRequestsAtOnce() throws IOException {
        return journalOne();
    }
}
