package org.smartcontainer.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every upstream sample patient conforms to our ontology. */
class SamplePatientValidationTest {

    private static final OntologyValidator VALIDATOR = new OntologyValidator(SmartOntology.loadDefault());

    static Stream<Path> samplePatients() {
        return SharedFixtures.samplePatients().stream();
    }

    @ParameterizedTest
    @MethodSource("samplePatients")
    void samplePatientConformsToTheOntology(Path patient) {
        ValidationReport report = VALIDATOR.validate(read(patient));
        assertTrue(report.valid(), () -> patient.getFileName() + ":\n" + String.join("\n",
                report.violations().stream().map(Violation::toString).limit(40).toList()));
    }

    @Test
    void allFiftyNineSamplePatientsAreChecked() {
        assertEquals(59, SharedFixtures.samplePatients().size());
    }

    static Model read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SmartOntology.parseLeniently(in, RDFFormat.RDFXML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
