package org.smartcontainer.ontology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Literals;
import org.eclipse.rdf4j.model.util.RDFCollections;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;

/**
 * The structural facts of an ontology as comparable one-line strings: what the container relies on
 * (calls, filters, parameters, classes, restrictions, code systems, property and individual declarations).
 * Prose (labels, comments, descriptions, examples) and our own {@code sc:} annotations are not facts.
 */
final class OntologyFacts {

    private static final Set<IRI> LIST_PREDICATES = Set.of(OWL.ONEOF, OWL.UNIONOF, OWL.INTERSECTIONOF);

    private OntologyFacts() {
    }

    static Set<String> of(SmartOntology ontology) {
        Model m = ontology.model();
        Set<String> facts = new TreeSet<>();
        for (ApiCall c : ontology.calls()) {
            String call = "call " + c.clientMethodName();
            facts.add(call + " iri " + c.iri());
            facts.add(call + " " + c.httpMethod() + " " + c.path());
            facts.add(call + " target " + c.target() + " category " + c.category() + " cardinality " + c.cardinality());
            c.defaultSort().ifPresent(s -> facts.add(call + " defaultSort " + s));
            c.responseContentType().ifPresent(t -> facts.add(call + " responseContentType " + t));
            for (ApiFilter f : c.filters()) {
                facts.add(call + " filter " + f.parameterName() + " " + f.iri() + " " + f.kind() + " path " + f.propertyPath()
                        + f.dateBound().map(b -> " " + b).orElse("") + f.codeUriPrefix().map(p -> " codes " + p).orElse(""));
            }
            for (ApiParameter p : c.parameters()) {
                facts.add(call + " parameter " + p.parameterName() + " " + p.iri()
                        + p.parameterType().map(t -> " type " + t.stringValue()).orElse(""));
            }
        }
        for (Resource f : m.filter(null, RDF.TYPE, ApiTerms.FILTER).subjects()) {
            facts.add("filter declared " + f);
        }
        for (DataClass c : ontology.dataClasses()) {
            String cls = "class " + c.iri();
            facts.add(cls);
            c.basePath().ifPresent(p -> facts.add(cls + " basePath " + p));
            c.namePlural().ifPresent(p -> facts.add(cls + " namePlural " + p));
            facts.add(cls + " superClasses " + new TreeSet<>(c.superClasses().stream().map(IRI::stringValue).toList()));
            for (IRI axiom : List.of(RDFS.SUBCLASSOF, OWL.EQUIVALENTCLASS)) {
                for (Value v : m.filter(c.iri(), axiom, null).objects()) {
                    facts.add(cls + " " + axiom.getLocalName() + " " + canonical(m, v));
                }
            }
            for (PropertyConstraint p : c.properties()) {
                facts.add(cls + " property " + p);
            }
        }
        for (CodeSystem s : ontology.codeSystems()) {
            facts.add("codes " + s.codeClass() + " members " + new TreeSet<>(s.members().stream().map(IRI::stringValue).toList()));
            s.titles().forEach((code, title) -> facts.add("codes " + s.codeClass() + " member " + code + " title " + title));
        }
        for (IRI type : List.of(OWL.OBJECTPROPERTY, OWL.DATATYPEPROPERTY, OWL.ANNOTATIONPROPERTY)) {
            for (Resource p : m.filter(null, RDF.TYPE, type).subjects()) {
                if (isOurs(p)) {
                    continue;
                }
                facts.add("property " + p + " a " + type.getLocalName());
                for (IRI axiom : List.of(RDFS.DOMAIN, RDFS.RANGE, RDFS.SUBPROPERTYOF, OWL.INVERSEOF)) {
                    m.filter(p, axiom, null).objects().forEach(o -> facts.add("property " + p + " " + axiom.getLocalName() + " " + o));
                }
            }
        }
        for (Resource i : m.filter(null, RDF.TYPE, OWL.NAMEDINDIVIDUAL).subjects()) {
            if (!isOurs(i)) {
                facts.add("individual " + i + " a " + new TreeSet<>(m.filter(i, RDF.TYPE, null).objects().stream()
                        .map(Value::stringValue).toList()));
            }
        }
        for (Resource r : m.filter(null, RDF.TYPE, OWL.ALLDIFFERENT).subjects()) {
            facts.add("allDifferent " + canonical(m, r));
        }
        for (Statement st : m) {
            if (st.getObject() instanceof Literal l && l.getLanguage().isPresent()
                    && !Literals.isValidLanguageTag(l.getLanguage().get())) {
                facts.add("malformed language tag on " + st.getSubject() + " " + st.getPredicate());
            }
        }
        return facts;
    }

    private static boolean isOurs(Resource r) {
        return r.stringValue().startsWith(ContainerTerms.NAMESPACE);
    }

    /** A class expression written out with blank nodes expanded, set-valued lists sorted. */
    static String canonical(Model m, Value v) {
        if (v instanceof Literal l) {
            return "\"" + l.getLabel() + "\"^^" + l.getDatatype().getLocalName();
        }
        if (v instanceof IRI) {
            return v.stringValue();
        }
        List<String> parts = new ArrayList<>();
        for (Statement st : m.filter((Resource) v, null, null)) {
            IRI p = st.getPredicate();
            if (p.equals(RDFS.COMMENT) || p.equals(RDFS.LABEL)) {
                continue;
            }
            if (LIST_PREDICATES.contains(p) || p.equals(OWL.DISTINCTMEMBERS)) {
                List<Value> items = RDFCollections.asValues(m, (Resource) st.getObject(), new ArrayList<>());
                parts.add(p.getLocalName() + "=" + items.stream().map(i -> canonical(m, i)).sorted()
                        .collect(Collectors.joining(" ", "(", ")")));
            } else {
                parts.add(p.getLocalName() + "=" + canonical(m, st.getObject()));
            }
        }
        return parts.stream().sorted().collect(Collectors.joining("; ", "[", "]"));
    }
}
