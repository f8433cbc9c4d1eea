package org.smartcontainer.ontology;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A named class of the SMART ontology with everything the container needs to handle its instances.
 *
 * @param iri the class
 * @param superClasses all named superclasses, transitively
 * @param basePath the {@code api:base_path} URI template of instances, e.g.
 *     {@code /records/{record_id}/medications/{medication_id}}
 * @param statement whether instances are clinical statements (own graph, minted URI)
 * @param properties the property restrictions of the class, including inherited ones, one per property
 * @param namePlural the {@code api:namePlural} of the class
 */
public record DataClass(
        IRI iri,
        Set<IRI> superClasses,
        Optional<String> basePath,
        boolean statement,
        List<PropertyConstraint> properties,
        Optional<String> namePlural) {

    /** The restriction on one property, if the class restricts it. */
    public Optional<PropertyConstraint> property(IRI property) {
        return properties.stream().filter(p -> p.property().equals(property)).findFirst();
    }

    /** Whether this class is the given class or one of its subclasses. */
    public boolean isA(IRI type) {
        return iri.equals(type) || superClasses.contains(type);
    }
}
