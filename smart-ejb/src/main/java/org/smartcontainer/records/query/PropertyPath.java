package org.smartcontainer.records.query;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;

/**
 * A sequence of properties leading from a statement to a value, e.g. {@code sp:drugName/sp:code} for the
 * RxNorm code of a medication. The path may cross into another statement (a vital sign set's
 * {@code sp:encounter/sp:encounterType/sp:code}).
 *
 * @param steps the properties, at least one
 */
public record PropertyPath(List<IRI> steps) {

    public PropertyPath {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A property path needs at least one property");
        }
    }

    /** A path of one or more properties. */
    public static PropertyPath of(IRI first, IRI... more) {
        return new PropertyPath(Stream.concat(Stream.of(first), Arrays.stream(more)).toList());
    }

    @Override
    public String toString() {
        return steps.stream().map(i -> "<" + i + ">").collect(Collectors.joining("/"));
    }
}
