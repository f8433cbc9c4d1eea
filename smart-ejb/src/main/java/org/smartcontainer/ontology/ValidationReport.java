package org.smartcontainer.ontology;

import java.util.List;

/**
 * The outcome of validating patient data against the ontology.
 *
 * @param violations every violation found, in the order found
 */
public record ValidationReport(List<Violation> violations) {

    public ValidationReport {
        violations = List.copyOf(violations);
    }

    /** Whether the data conforms (no violations). */
    public boolean valid() {
        return violations.isEmpty();
    }
}
