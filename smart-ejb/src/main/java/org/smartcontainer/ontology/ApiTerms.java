package org.smartcontainer.ontology;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/** Terms of the SMART API description vocabulary ({@code api:}). */
public final class ApiTerms {

    /** The API description namespace. */
    public static final String NAMESPACE = "http://smartplatforms.org/terms/api#";
    /** Namespace of the call individuals. */
    public static final String CALLS_NAMESPACE = "http://smartplatforms.org/terms/api/calls#";
    /** Namespace of the filter individuals. */
    public static final String FILTERS_NAMESPACE = "http://smartplatforms.org/terms/api/filters#";
    /** Namespace of the parameter individuals. */
    public static final String PARAMETERS_NAMESPACE = "http://smartplatforms.org/terms/api/parameters#";

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    public static final IRI CALL = api("Call");
    public static final IRI FILTER = api("Filter");
    public static final IRI PARAMETER = api("Parameter");
    public static final IRI HTTP_METHOD = api("httpMethod");
    public static final IRI PATH = api("path");
    public static final IRI TARGET = api("target");
    public static final IRI CATEGORY = api("category");
    public static final IRI CARDINALITY = api("cardinality");
    public static final IRI CLIENT_METHOD_NAME = api("clientMethodName");
    public static final IRI DEFAULT_SORT = api("defaultSort");
    public static final IRI RESPONSE_CONTENT_TYPE = api("responseContentType");
    public static final IRI HAS_FILTER = api("hasFilter");
    public static final IRI HAS_PARAMETER = api("hasParameter");
    public static final IRI CLIENT_PARAMETER_NAME = api("clientParameterName");
    public static final IRI CLIENT_PARAMETER_TYPE = api("clientParameterType");
    public static final IRI FILTER_SPARQL = api("filterSparql");
    public static final IRI BASE_PATH = api("base_path");
    public static final IRI NAME_PLURAL = api("namePlural");

    private ApiTerms() {
    }

    /** The IRI of a local name in the API description namespace. */
    public static IRI api(String localName) {
        return VF.createIRI(NAMESPACE, localName);
    }
}
