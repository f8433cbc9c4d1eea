package org.smartcontainer.records.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smartcontainer.ontology.OntologyValidator;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.ValidationReport;
import org.smartcontainer.ontology.Violation;

class OntologyValidationTest {

    private static final OntologyValidator VALIDATOR = new OntologyValidator(SmartOntology.loadDefault());

    @Test
    void everyDefaultPatientConformsToOurOntology() {
        StringBuilder failures = new StringBuilder();
        for (GeneratedPatient patient : DefaultPatients.ALL) {
            ValidationReport report = VALIDATOR.validate(patient.rdf());
            if (!report.valid()) {
                failures.append(patient.recordId()).append(":\n");
                report.violations().stream().limit(15).map(Violation::toString)
                        .forEach(v -> failures.append("  ").append(v).append('\n'));
            }
        }
        assertTrue(failures.length() == 0, failures::toString);
    }
}
