package org.smartcontainer.ontology;

import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;

/**
 * A query parameter that narrows a collection ({@code api:Filter}), described so that it can be evaluated
 * in Java: what kind of comparison, along which property path from the statement.
 *
 * @param iri the filter individual
 * @param parameterName the query parameter ({@code api:clientParameterName})
 * @param kind date range or code match
 * @param propertyPath the properties leading from the statement to the date literal or the code URI
 * @param dateBound for date filters, which bound the value sets
 * @param codeUriPrefix for code filters, the code URI is this prefix followed by the value
 * @param valuePattern a regular expression each single value must match (security: reject otherwise)
 * @param sparql the upstream SPARQL fragment ({@code api:filterSparql}), for reference only
 */
public record ApiFilter(
        IRI iri,
        String parameterName,
        FilterKind kind,
        List<IRI> propertyPath,
        Optional<DateBound> dateBound,
        Optional<String> codeUriPrefix,
        Optional<String> valuePattern,
        Optional<String> sparql) {

    /** The kinds of filter the SMART API has. */
    public enum FilterKind {
        /** Keep statements whose date lies on the right side of an ISO-8601 prefix. */
        DATE_RANGE,
        /** Keep statements whose code URI is one of the {@code |}-separated codes. */
        CODE_MATCH
    }
}
