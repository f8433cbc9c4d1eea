package org.smartcontainer.ontology;

import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;

/**
 * One way in which patient data breaks the ontology.
 *
 * @param subject the node at fault
 * @param property the property concerned, if the violation is about one
 * @param message what is wrong, in words a data provider understands
 */
public record Violation(Resource subject, Optional<IRI> property, String message) {

    @Override
    public String toString() {
        return subject + property.map(p -> " " + p).orElse("") + ": " + message;
    }
}
