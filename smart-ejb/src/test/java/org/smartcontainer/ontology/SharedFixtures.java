package org.smartcontainer.ontology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.rdf4j.rio.RDFFormat;

/** Read-only reference material shared by the project: the upstream ontology and sample patients. */
final class SharedFixtures {

    private static SmartOntology upstream;

    private SharedFixtures() {
    }

    /** The shared directory: system property {@code smart.shared.dir}, else {@code ../shared} of the repo. */
    static Path sharedDir() {
        String configured = System.getProperty("smart.shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Surefire runs in the module directory; the repository root is its parent.
        Path moduleDir = Path.of("").toAbsolutePath();
        Path repoRoot = Files.exists(moduleDir.resolve("mvnw")) ? moduleDir : moduleDir.getParent();
        return repoRoot.resolve("../shared").normalize();
    }

    static Path upstreamOntologyFile() {
        return sharedDir().resolve("ontology/smart.owl");
    }

    /** The upstream smart.owl, parsed leniently (it has a malformed language tag). */
    static synchronized SmartOntology upstreamOntology() {
        if (upstream == null) {
            try (InputStream in = Files.newInputStream(upstreamOntologyFile())) {
                upstream = SmartOntology.parse(in, RDFFormat.RDFXML);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return upstream;
    }

    /** The sample patient files (RDF/XML), in name order. */
    static List<Path> samplePatients() {
        try (Stream<Path> files = Files.list(sharedDir().resolve("sample-patients"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
