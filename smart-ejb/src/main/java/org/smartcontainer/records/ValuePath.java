package org.smartcontainer.records;

import java.util.List;
import org.eclipse.rdf4j.model.IRI;

/**
 * A property path from a statement, followed through its graph and into linked statements' graphs:
 * {@code sp:startDate}, {@code sp:drugName/sp:code}, {@code sp:encounter/sp:encounterType/sp:code}.
 * Used to fetch filter and sort keys without loading whole graphs.
 */
public record ValuePath(List<IRI> steps) {

    public ValuePath {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A value path needs at least one property");
        }
    }

    /** The path through these properties. */
    public static ValuePath of(IRI... steps) {
        return new ValuePath(List.of(steps));
    }
}
