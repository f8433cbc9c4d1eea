package org.smartcontainer.ontology;

import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.rdf4j.model.IRI;

/**
 * What a class requires of one property: the merged {@code owl:Restriction}s of the class and its
 * superclasses on that property.
 *
 * @param property the restricted property
 * @param valueClass the most specific class the values must belong to (object properties)
 * @param minCardinality the least number of values (0 when unrestricted)
 * @param maxCardinality the greatest number of values, if bounded
 * @param datatype the literal datatype the values must have ({@code rdfs:Literal} for any literal)
 * @param codeClass the code class or enumeration of the values' codes: for a coded value the class of its
 *     {@code sp:code}, for a property whose values are codes themselves the value class
 * @param unit the fixed UCUM unit ({@code sp:unit}) the values must carry
 */
public record PropertyConstraint(
        IRI property,
        Optional<IRI> valueClass,
        int minCardinality,
        OptionalInt maxCardinality,
        Optional<IRI> datatype,
        Optional<IRI> codeClass,
        Optional<String> unit) {

    /** Whether at least one value is required. */
    public boolean required() {
        return minCardinality > 0;
    }
}
