package org.smartcontainer.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.smartcontainer.ontology.SmartOntology;

/** The shared read-only material the record tests use: the upstream ontology and the 59 sample patients. */
final class Fixtures {

    /** A public base as the API would pass it. */
    static final String API_BASE = "http://localhost:7000";

    private static StatementTypes types;

    private Fixtures() {
    }

    static Path sharedDir() {
        String configured = System.getProperty("smart.shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path moduleDir = Path.of("").toAbsolutePath();
        Path repoRoot = Files.exists(moduleDir.resolve("mvnw")) ? moduleDir : moduleDir.getParent();
        return repoRoot.resolve("../shared").normalize();
    }

    /** Statement classes and base paths of the ontology the container ships. */
    static synchronized StatementTypes types() {
        if (types == null) {
            types = StatementTypes.of(SmartOntology.loadDefault());
        }
        return types;
    }

    /** Statement classes and base paths of the upstream smart.owl (for comparison). */
    static StatementTypes upstreamTypes() {
        try (InputStream in = Files.newInputStream(sharedDir().resolve("ontology/smart.owl"))) {
            return StatementTypes.of(SmartOntology.parse(in, RDFFormat.RDFXML));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample patient files, in name order. */
    static List<Path> samplePatients() {
        try (Stream<Path> files = Files.list(sharedDir().resolve("sample-patients"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path samplePatient(String recordId) {
        return sharedDir().resolve("sample-patients/p" + recordId + ".xml");
    }

    /** A store of the default engine (LMDB) on a fresh directory under {@code dir}. */
    static NativeStoreRecords openStore(Path dir) {
        return openStore(StoreEngine.LMDB, dir);
    }

    /** A store of this engine on a fresh directory under {@code dir}: {@code records/} and {@code documents/}. */
    static NativeStoreRecords openStore(StoreEngine engine, Path dir) {
        return new NativeStoreRecords(engine, dir.resolve("records"), dir.resolve("documents"), types(),
                PatientValidator.NONE, ValidationMode.OFF);
    }
}
