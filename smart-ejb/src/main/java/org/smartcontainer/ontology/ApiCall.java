package org.smartcontainer.ontology;

import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;

/**
 * One REST operation ({@code api:Call}) declared by the ontology.
 *
 * @param iri the call individual
 * @param httpMethod {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
 * @param path the path template relative to the API base, with {@code {var}} segments
 * @param target the class returned or accepted
 * @param category the access scope: {@code record}, {@code user} or {@code container}
 * @param cardinality {@code single} (item) or {@code multiple} (collection)
 * @param clientMethodName the stable call name used by client libraries
 * @param defaultSort the property collections are sorted by (descending); its presence enables paging
 * @param filters the filters the call declares, in parameter name order
 * @param parameters the non-filter parameters, in parameter name order
 * @param responseContentType the response media type when it is not RDF/XML
 */
public record ApiCall(
        IRI iri,
        String httpMethod,
        String path,
        IRI target,
        String category,
        String cardinality,
        String clientMethodName,
        Optional<IRI> defaultSort,
        List<ApiFilter> filters,
        List<ApiParameter> parameters,
        Optional<String> responseContentType) {

    /** The filter with the given query parameter name, if the call declares one. */
    public Optional<ApiFilter> filter(String parameterName) {
        return filters.stream().filter(f -> f.parameterName().equals(parameterName)).findFirst();
    }

    /** Whether the call returns a collection. */
    public boolean multiple() {
        return "multiple".equals(cardinality);
    }

    /** Whether collections of this call are paged ({@code limit}/{@code offset}). */
    public boolean paged() {
        return defaultSort.isPresent();
    }
}
