package org.smartcontainer.api.representation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.smartcontainer.ontology.ApiTerms;
import org.smartcontainer.ontology.DataClass;
import org.smartcontainer.ontology.PropertyConstraint;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.SmartTerms;
import org.smartcontainer.records.query.ResponseSummary;

/**
 * The JSON-LD context SMART data is compacted with, built from the ontology (api.md section 1.3) instead
 * of being shipped as a file: one term per class and property, named by its local name in the SMART
 * namespace and {@code prefix__local} elsewhere ({@code -} becomes {@code _}, as in {@code v__street_address}),
 * the names of the upstream {@code smart_context.jsonld}. Properties some class lets have several values
 * are {@code @set}s, so clients always get an array for them.
 */
public final class SmartJsonLdContext {

    /** Namespaces whose terms are never data terms: the API description and OWL machinery. */
    private static final Set<String> NOT_DATA = Set.of(OWL.NAMESPACE, ApiTerms.CALLS_NAMESPACE,
            ApiTerms.FILTERS_NAMESPACE, ApiTerms.PARAMETERS_NAMESPACE, "http://smartcontainer.org/ontology#");

    private static final Set<IRI> TERM_TYPES = Set.of(OWL.CLASS, OWL.OBJECTPROPERTY, OWL.DATATYPEPROPERTY,
            OWL.ANNOTATIONPROPERTY, RDF.PROPERTY);

    private record Term(String name, boolean set) {
    }

    private final Map<IRI, Term> terms;

    private SmartJsonLdContext(Map<IRI, Term> terms) {
        this.terms = Collections.unmodifiableMap(terms);
    }

    /** The context of an ontology's classes and properties, plus the response summary terms. */
    public static SmartJsonLdContext fromOntology(SmartOntology ontology) {
        Model owl = ontology.model();
        Map<String, String> prefixByNamespace = new LinkedHashMap<>();
        for (Namespace ns : owl.getNamespaces()) {
            prefixByNamespace.putIfAbsent(ns.getName(), ns.getPrefix());
        }
        prefixByNamespace.putIfAbsent(ApiTerms.NAMESPACE, "api");
        prefixByNamespace.putIfAbsent(XSD.NAMESPACE, "xsd");
        prefixByNamespace.putIfAbsent(RDF.NAMESPACE, "rdf");

        Set<IRI> candidates = new HashSet<>();
        for (Statement st : owl.getStatements(null, RDF.TYPE, null)) {
            if (TERM_TYPES.contains(st.getObject()) && st.getSubject() instanceof IRI iri) {
                candidates.add(iri);
            }
        }
        for (Value v : owl.filter(null, OWL.ONPROPERTY, null).objects()) {
            if (v instanceof IRI iri) {
                candidates.add(iri);
            }
        }
        candidates.addAll(List.of(ResponseSummary.RESPONSE_SUMMARY, ResponseSummary.TOTAL_RESULT_COUNT,
                ResponseSummary.RESULTS_RETURNED, ResponseSummary.PROCESSING_TIME_MS, ResponseSummary.RESULT_ORDER,
                ResponseSummary.NEXT_PAGE_URL, XSD.INTEGER));

        Set<IRI> multiValued = new HashSet<>();
        for (DataClass c : ontology.dataClasses()) {
            for (PropertyConstraint p : c.properties()) {
                if (p.maxCardinality().isEmpty() || p.maxCardinality().getAsInt() > 1) {
                    multiValued.add(p.property());
                }
            }
        }

        Map<IRI, Term> terms = new TreeMap<>((a, b) -> a.stringValue().compareTo(b.stringValue()));
        Set<String> names = new HashSet<>();
        for (IRI iri : candidates) {
            if (NOT_DATA.contains(iri.getNamespace())) {
                continue;
            }
            Optional<String> name = nameOf(iri, prefixByNamespace);
            if (name.isPresent() && names.add(name.get())) {
                terms.put(iri, new Term(name.get(), multiValued.contains(iri)));
            }
        }
        return new SmartJsonLdContext(terms);
    }

    private static Optional<String> nameOf(IRI iri, Map<String, String> prefixByNamespace) {
        String local = iri.getLocalName();
        if (local.isEmpty()) {
            return Optional.empty();
        }
        if (iri.getNamespace().equals(SmartTerms.NAMESPACE)) {
            return Optional.of(local);
        }
        String prefix = prefixByNamespace.get(iri.getNamespace());
        return prefix == null || prefix.isEmpty() ? Optional.empty()
                : Optional.of(prefix + "__" + local.replace('-', '_'));
    }

    /** The term naming an IRI, if the context has one. */
    public Optional<String> termFor(IRI iri) {
        return Optional.ofNullable(terms.get(iri)).map(Term::name);
    }

    /** Every term name and the IRI it stands for. */
    public Map<String, IRI> terms() {
        Map<String, IRI> result = new TreeMap<>();
        terms.forEach((iri, t) -> result.put(t.name(), iri));
        return result;
    }

    /** Whether the term for this IRI is declared {@code "@container": "@set"}. */
    public boolean isSet(IRI iri) {
        Term t = terms.get(iri);
        return t != null && t.set();
    }

    /** The whole context as a JSON object (the value of {@code @context}). */
    public JsonObject toJson() {
        return toJson(terms.keySet());
    }

    /**
     * The context restricted to the terms a graph uses as predicate, type or datatype: what a response needs,
     * a fraction of the whole context.
     */
    public JsonObject forGraph(Model graph) {
        Set<IRI> used = new HashSet<>();
        for (Statement st : graph) {
            used.add(st.getPredicate());
            if (st.getPredicate().equals(RDF.TYPE) && st.getObject() instanceof IRI type) {
                used.add(type);
            } else if (st.getObject() instanceof Literal l) {
                used.add(l.getDatatype());
            }
        }
        used.retainAll(terms.keySet());
        return toJson(used);
    }

    private JsonObject toJson(Set<IRI> iris) {
        Map<String, IRI> byName = new TreeMap<>();
        iris.forEach(iri -> byName.put(terms.get(iri).name(), iri));
        JsonObjectBuilder context = Json.createObjectBuilder();
        byName.forEach((name, iri) -> {
            JsonObjectBuilder definition = Json.createObjectBuilder().add("@id", iri.stringValue());
            if (terms.get(iri).set()) {
                definition.add("@container", "@set");
            }
            context.add(name, definition);
        });
        return context.build();
    }
}
