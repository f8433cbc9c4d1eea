package org.smartcontainer.ontology;

import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Value;

/**
 * A non-filter parameter of a call ({@code api:Parameter}).
 *
 * @param iri the parameter individual
 * @param parameterName the query parameter ({@code api:clientParameterName})
 * @param parameterType the declared {@code api:clientParameterType}: a literal such as {@code "query"} or a
 *     resource such as {@code rdfs:Literal}
 */
public record ApiParameter(IRI iri, String parameterName, Optional<Value> parameterType) {
}
