package org.smartcontainer.records.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clinical notes posted while the heap is nearly full do not leak (the soak's finding 8): in a JVM of 160 MB held
 * close to full by {@link NotePostUnderMemoryPressureWorker}, 40 notes leave one RDF4J value store alive (the
 * record store's) and the heap after a full collection where it was. Before the fix each note went to a temporary
 * native store whose value store (a 5 MB bloom filter) the record store's list of contexts then kept: the heap grew
 * by 6 MB a note and the worker ran out of memory at the fourth.
 */
class NotePostMemoryTest {

    private static final int NOTES = 40;

    @Test
    void notesPostedUnderMemoryPressureLeaveNoTemporaryStoreBehind(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path patient = Path.of(System.getProperty("smart.shared.dir", "../../shared")).resolve("sample-patients/p1032702.xml");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx160m", "-XX:+UseG1GC", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), NotePostUnderMemoryPressureWorker.class.getName(),
                dir.resolve("store").toString(), patient.toString(), String.valueOf(NOTES));
        pb.redirectErrorStream(true);
        Process worker = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        assertTrue(worker.waitFor(5, TimeUnit.MINUTES), "the worker did not finish");
        String output = String.join("\n", lines);
        assertEquals(0, worker.exitValue(), output);
        assertTrue(lines.contains("done"), output);
        List<Long> heap = lines.stream().filter(l -> l.startsWith("heap ")).map(l -> Long.parseLong(l.substring(5))).toList();
        assertEquals(NOTES + 1, heap.size(), output);
        assertTrue(heap.get(NOTES) - heap.get(0) < 10, "the heap grew from " + heap.get(0) + " to " + heap.get(NOTES) + " MB");
        assertEquals("valueStores 1", lines.stream().filter(l -> l.startsWith("valueStores ")).findFirst().orElse(""), output);
    }
}
