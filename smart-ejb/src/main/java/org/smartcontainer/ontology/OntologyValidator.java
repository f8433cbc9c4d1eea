package org.smartcontainer.ontology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * Checks patient data against the restrictions of the ontology; every rule comes from the ontology,
 * none is written per class. Checks: unknown SMART types, required properties and cardinalities
 * (inherited ones included), classes of object values, literal values, fixed units, and code systems
 * (a code must belong to the enumeration or code system the property requires, judged by its URI).
 *
 * <p>Code nodes themselves are not held to the {@code sp:Code} cardinalities: SMART data usually refers
 * to codes by URI only, without their {@code sp:system}, {@code dcterms:identifier} or title.
 */
public final class OntologyValidator {

    private final SmartOntology ontology;

    /** A validator for the rules of the given ontology. */
    public OntologyValidator(SmartOntology ontology) {
        this.ontology = ontology;
    }

    /** Validates a graph of patient data (one statement, a record or a whole import). */
    public ValidationReport validate(Model data) {
        Set<Violation> violations = new LinkedHashSet<>();
        Map<Resource, Set<DataClass>> classesOfNodes = new LinkedHashMap<>();
        for (var st : data.filter(null, RDF.TYPE, null)) {
            if (!(st.getObject() instanceof IRI type)) {
                continue;
            }
            Optional<DataClass> known = ontology.dataClass(type);
            if (known.isEmpty()) {
                if (inSmartNamespace(type)) {
                    violations.add(new Violation(st.getSubject(), Optional.empty(), "unknown SMART type " + type));
                }
                continue;
            }
            if (!isCodeClass(type)) {
                classesOfNodes.computeIfAbsent(st.getSubject(), s -> new LinkedHashSet<>()).add(known.get());
            }
        }
        for (var node : classesOfNodes.entrySet()) {
            for (DataClass c : node.getValue()) {
                for (PropertyConstraint p : c.properties()) {
                    check(data, node.getKey(), c, p, violations);
                }
            }
        }
        return new ValidationReport(new ArrayList<>(violations));
    }

    private void check(Model data, Resource subject, DataClass c, PropertyConstraint p, Set<Violation> violations) {
        Set<Value> values = data.filter(subject, p.property(), null).objects();
        Optional<IRI> property = Optional.of(p.property());
        if (values.size() < p.minCardinality()) {
            violations.add(new Violation(subject, property, local(c.iri()) + " requires "
                    + (p.minCardinality() == 1 ? "a value" : "at least " + p.minCardinality() + " values")
                    + " for " + local(p.property())));
        }
        if (p.maxCardinality().isPresent() && values.size() > p.maxCardinality().getAsInt()) {
            violations.add(new Violation(subject, property, local(c.iri()) + " allows at most "
                    + p.maxCardinality().getAsInt() + " value(s) for " + local(p.property()) + ", found " + values.size()));
        }
        for (Value value : values) {
            if (p.datatype().isPresent() && !(value instanceof Literal)) {
                violations.add(new Violation(subject, property, local(p.property()) + " must be a literal, found " + value));
            }
            p.valueClass().ifPresent(expected -> checkValueClass(data, subject, p, expected, value, violations));
            p.unit().ifPresent(unit -> checkUnit(data, subject, p, unit, value, violations));
            p.codeClass().flatMap(ontology::codeSystem)
                    .ifPresent(codes -> checkCode(data, subject, p, codes, value, violations));
        }
    }

    private void checkValueClass(Model data, Resource subject, PropertyConstraint p, IRI expected, Value value,
            Set<Violation> violations) {
        if (value instanceof Literal) {
            violations.add(new Violation(subject, Optional.of(p.property()),
                    local(p.property()) + " must be a " + local(expected) + " node, found the literal \"" + value.stringValue() + "\""));
            return;
        }
        if (isCodeClass(expected)) {
            return; // codes are judged by their URI (checkCode), whatever they are typed as
        }
        List<IRI> types = data.filter((Resource) value, RDF.TYPE, null).objects().stream()
                .filter(IRI.class::isInstance).map(IRI.class::cast)
                .filter(t -> ontology.dataClass(t).isPresent()).toList();
        // An untyped node cannot be judged; a typed one must have the expected class among its types.
        if (!types.isEmpty() && types.stream().noneMatch(t -> ontology.isSubClassOf(t, expected))) {
            violations.add(new Violation(subject, Optional.of(p.property()), local(p.property()) + " must be a "
                    + local(expected) + ", found " + value + " of type " + types.stream().map(this::local).toList()));
        }
    }

    private void checkUnit(Model data, Resource subject, PropertyConstraint p, String unit, Value value,
            Set<Violation> violations) {
        if (!(value instanceof Resource node)) {
            return;
        }
        for (Value actual : data.filter(node, SmartTerms.UNIT, null).objects()) {
            if (!unit.equals(actual.stringValue())) {
                violations.add(new Violation(subject, Optional.of(p.property()), local(p.property())
                        + " must be given in " + unit + ", found " + actual.stringValue()));
            }
        }
    }

    private void checkCode(Model data, Resource subject, PropertyConstraint p, CodeSystem codes, Value value,
            Set<Violation> violations) {
        List<Value> codeValues = new ArrayList<>();
        if (p.valueClass().filter(this::isCodeClass).isPresent()) {
            codeValues.add(value); // the value is the code itself (e.g. sp:medicalRecordNumber)
        } else if (value instanceof Resource codedValue) {
            codeValues.addAll(data.filter(codedValue, SmartTerms.CODE_PROPERTY, null).objects());
        }
        for (Value code : codeValues) {
            if (!(code instanceof IRI codeIri)) {
                if (code instanceof Literal || codes.enumeration() || codes.system().isPresent()) {
                    violations.add(new Violation(subject, Optional.of(p.property()), local(p.property())
                            + " must be coded in " + local(codes.codeClass()) + ", found a code without URI: " + code));
                }
                continue;
            }
            if (!codes.accepts(codeIri)) {
                String expected = codes.enumeration() ? "one of " + codes.members().size() + " values of "
                        + local(codes.codeClass()) : local(codes.codeClass()) + " (" + codes.system().orElse("") + ")";
                violations.add(new Violation(subject, Optional.of(p.property()), local(p.property())
                        + " must be coded in " + expected + ", found " + codeIri));
            }
        }
    }

    private boolean isCodeClass(IRI type) {
        return ontology.isSubClassOf(type, SmartTerms.CODE);
    }

    private static boolean inSmartNamespace(IRI type) {
        return type.stringValue().startsWith(SmartTerms.NAMESPACE) || type.stringValue().startsWith(SmartTerms.CODES_NAMESPACE);
    }

    private String local(IRI iri) {
        return iri.getLocalName().isEmpty() ? iri.stringValue() : iri.getLocalName();
    }
}
