package org.smartcontainer.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;

/**
 * A copy of every record's stored quads, one gzipped TriG file per record, from which the store is rebuilt
 * after a crash during a write.
 *
 * <p>Why: the RDF4J native store rolls back an unfinished transaction on start, but its B-trees are
 * written node by node, so a process killed during a commit can leave an index that no longer opens
 * (observed in {@code CrashSafetyTest}). A write therefore marks itself in-flight first; if the mark
 * is still there at the next start, the store is rebuilt from these files, where each record is
 * either its last committed version or absent.
 */
final class RecordJournal {

    private static final String SUFFIX = ".trig.gz";
    private static final Map<String, String> PREFIXES = Map.of(
            "r", RecordUris.INTERNAL_BASE + "/records/",
            "sp", RecordTerms.SP,
            "spcode", "http://smartplatforms.org/terms/codes/",
            "v", RecordTerms.VCARD,
            "dcterms", "http://purl.org/dc/terms/",
            "foaf", "http://xmlns.com/foaf/0.1/",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "snomed", "http://purl.bioontology.org/ontology/SNOMEDCT/",
            "loinc", "http://purl.bioontology.org/ontology/LNC/",
            "rxnorm", "http://purl.bioontology.org/ontology/RXNORM/");
    private static final String PENDING = ".pending";
    /** The mark of a write in progress: the ids of its records, one a line. */
    static final String IN_FLIGHT = "write-in-flight";

    private final Path directory;

    RecordJournal(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the record journal " + directory, e);
        }
    }

    /** Whether the last write did not finish (the process died during it). */
    boolean interruptedWrite() {
        return Files.exists(directory.resolve(IN_FLIGHT));
    }

    /** Marks a write of these records as started; their pending files are written next. */
    void begin(Collection<String> recordIds) {
        try {
            Files.writeString(directory.resolve(IN_FLIGHT), String.join("\n", recordIds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records of the write that did not finish ({@link #interruptedWrite()}), as {@link #begin} marked them; empty
     * if the mark names none (a mark written before it named them).
     */
    List<String> interruptedRecords() throws IOException {
        return Files.readAllLines(directory.resolve(IN_FLIGHT)).stream().filter(id -> !id.isBlank()).toList();
    }

    /** Writes a record's new quads beside the current file (made current by {@link #finish}). */
    void stage(String recordId, Collection<Statement> quads) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve(recordId + SUFFIX + PENDING)),
                1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            RDFWriter writer = Rio.createWriter(RDFFormat.TRIG, out);
            writer.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, false);
            writer.startRDF();
            PREFIXES.forEach(writer::handleNamespace);
            for (Statement quad : quads) {
                writer.handleStatement(quad);
            }
            writer.endRDF();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After the commit: staged files become current, deleted records lose theirs, the mark goes. */
    void finish(Collection<String> written, Collection<String> deleted) {
        try {
            for (String id : written) {
                move(directory.resolve(id + SUFFIX + PENDING), directory.resolve(id + SUFFIX));
            }
            for (String id : deleted) {
                Files.deleteIfExists(directory.resolve(id + SUFFIX));
            }
            Files.deleteIfExists(directory.resolve(IN_FLIGHT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a failed (rolled back) write: the staged files go, the mark goes. */
    void abandon() {
        try {
            discardPending();
            Files.deleteIfExists(directory.resolve(IN_FLIGHT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed records' files (pending ones of an interrupted write are dropped). */
    List<Path> recordFiles() throws IOException {
        discardPending();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    /** The ids of the records that have a committed file. */
    Set<String> recordIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path file : recordFiles()) {
            String name = file.getFileName().toString();
            ids.add(name.substring(0, name.length() - SUFFIX.length()));
        }
        return ids;
    }

    /** The committed file of a record (which may not exist). */
    Path recordFile(String recordId) {
        return directory.resolve(recordId + SUFFIX);
    }

    /** The quads of one record file. */
    static List<Statement> read(Path file) throws IOException {
        List<Statement> quads = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            var parser = Rio.createParser(RDFFormat.TRIG);
            parser.setRDFHandler(new StatementCollector(quads));
            parser.parse(in, "");
        }
        return quads;
    }

    /** Clears the in-flight mark once the store was rebuilt. */
    void recovered() throws IOException {
        Files.deleteIfExists(directory.resolve(IN_FLIGHT));
    }

    private void discardPending() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(PENDING)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
