package org.smartcontainer.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Document and photograph contents under {@code {documents}/{record_id}/{fileName}}. Files of an
 * import are staged in a temporary directory and moved into place only after the RDF transaction
 * committed, so a failed import leaves nothing behind.
 */
final class DocumentFiles {

    private static final String STAGING_PREFIX = ".staging-";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,200}");

    private final Path root;

    DocumentFiles(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            // leftovers of imports interrupted before their commit
            try (Stream<Path> entries = Files.list(root)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    if (p.getFileName().toString().startsWith(STAGING_PREFIX)) {
                        deleteTree(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the document directory " + root, e);
        }
    }

    /** The directory of a record's files. */
    Path directory(String recordId) {
        return root.resolve(RecordUris.requireRecordId(recordId));
    }

    /** Writes the files to a fresh staging directory; null when there are none. */
    Path stage(PatientData patient) throws RecordImportException {
        if (patient.files().isEmpty()) {
            return null;
        }
        Path staging = root.resolve(STAGING_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            for (Map.Entry<String, byte[]> file : patient.files().entrySet()) {
                String name = file.getKey();
                if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
                    throw new RecordImportException(patient.source() + " (record " + patient.recordId()
                            + "): document file name '" + name + "' is not allowed");
                }
                Files.write(staging.resolve(name), file.getValue());
            }
            return staging;
        } catch (IOException e) {
            discard(staging);
            throw new RecordImportException(patient.source() + ": cannot write document files: " + e.getMessage(), e);
        } catch (RecordImportException e) {
            discard(staging);
            throw e;
        }
    }

    /** After the commit: the staged files (or none) replace the record's previous files. */
    void publish(String recordId, Path staging) {
        Path target = directory(recordId);
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = root.resolve(STAGING_PREFIX + UUID.randomUUID());
                move(target, old);
            }
            if (staging != null) {
                move(staging, target);
            }
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the document files of record " + recordId + " into place", e);
        }
    }

    /** Removes a staging directory after a failed import. */
    void discard(Path staging) {
        if (staging != null) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // removed at the next start
            }
        }
    }

    /** Deletes a record's files. */
    void delete(String recordId) {
        publish(recordId, null);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
