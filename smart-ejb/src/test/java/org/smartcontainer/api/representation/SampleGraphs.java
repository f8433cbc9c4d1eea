package org.smartcontainer.api.representation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.smartcontainer.records.query.Page;
import org.smartcontainer.records.query.QueryParameters;
import org.smartcontainer.records.query.ResponseSummary;
import org.smartcontainer.records.query.Selection;

/** Response-like graphs made of the shared sample patients (blank-node statements, as in the files). */
final class SampleGraphs {

    private SampleGraphs() {
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

    static List<Path> patientFiles() {
        try (Stream<Path> files = Files.list(sharedDir().resolve("sample-patients"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Model patient(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Rio.parse(in, "", RDFFormat.RDFXML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A patient graph plus a paged response summary with a result order and a next page URL. */
    static Model withSummary(Model patient) {
        Model graph = new LinkedHashModel(patient);
        SimpleValueFactory vf = SimpleValueFactory.getInstance();
        List<IRI> order = List.of(vf.createIRI("http://localhost:7000/records/1/medications/b"),
                vf.createIRI("http://localhost:7000/records/1/medications/a"));
        Selection page = new Selection(order, 5, Optional.of(new Page(2, 0)));
        ResponseSummary.of(page, "http://localhost:7000/records/1/medications/",
                QueryParameters.parse("rxnorm=1%7C2&limit=2"), 4).addTo(graph);
        return graph;
    }
}
