package org.smartcontainer.ontology;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Our own annotations ({@code sc:}) added to the SMART ontology so that filters and code systems can be
 * implemented in Java from data instead of from SPARQL fragments and prose comments.
 */
public final class ContainerTerms {

    /** Namespace of the container's own ontology annotations. */
    public static final String NAMESPACE = "http://smartcontainer.org/ontology#";

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    /** Filter annotation: the kind of filter ({@link #DATE_RANGE} or {@link #CODE_MATCH}). */
    public static final IRI FILTER_KIND = sc("filterKind");
    /** Filter kind: compare a date property against an ISO-8601 prefix. */
    public static final IRI DATE_RANGE = sc("DateRange");
    /** Filter kind: compare the code URI reached by the property path against codes built from the value. */
    public static final IRI CODE_MATCH = sc("CodeMatch");
    /** Filter annotation: the property path from the statement to the tested value, as an RDF list. */
    public static final IRI FILTER_PATH = sc("filterPath");
    /** Code filter annotation: the code URI is this prefix followed by the parameter value. */
    public static final IRI CODE_URI_PREFIX = sc("codeUriPrefix");
    /** Filter annotation: a regular expression every (single) parameter value must match. */
    public static final IRI VALUE_PATTERN = sc("valuePattern");
    /** Date filter annotation: which bound the parameter sets ({@link DateBound}). */
    public static final IRI DATE_BOUND = sc("dateBound");
    /** Code class annotation: the code system prefix ({@code sp:system}) of its code URIs. */
    public static final IRI CODE_SYSTEM = sc("codeSystem");

    private ContainerTerms() {
    }

    /** The IRI of a local name in our namespace. */
    public static IRI sc(String localName) {
        return VF.createIRI(NAMESPACE, localName);
    }
}
