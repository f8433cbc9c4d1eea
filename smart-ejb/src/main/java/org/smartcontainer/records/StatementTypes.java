package org.smartcontainer.records;

import java.util.Optional;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.smartcontainer.ontology.DataClass;
import org.smartcontainer.ontology.SmartOntology;

/**
 * What the record store needs to know from the ontology: which types exist, which are statements
 * (graph segregation) and where their instances live ({@code api:base_path}, URI minting).
 */
public interface StatementTypes {

    /** Whether the ontology defines this class. */
    boolean isKnown(IRI type);

    /** Whether instances of this class are statements with their own URI and graph (incl. sp:MedicalRecord). */
    boolean isStatementClass(IRI type);

    /** The class's {@code api:base_path}, e.g. {@code /records/{record_id}/medications/{medication_id}}. */
    Optional<String> basePath(IRI type);

    /** The class's (transitive) superclasses. */
    Set<IRI> superClasses(IRI type);

    /** The view of a SMART ontology. */
    static StatementTypes of(SmartOntology ontology) {
        return new StatementTypes() {
            @Override
            public boolean isKnown(IRI type) {
                return ontology.dataClass(type).isPresent();
            }

            @Override
            public boolean isStatementClass(IRI type) {
                return ontology.isStatementClass(type);
            }

            @Override
            public Optional<String> basePath(IRI type) {
                return ontology.dataClass(type).flatMap(DataClass::basePath);
            }

            @Override
            public Set<IRI> superClasses(IRI type) {
                return ontology.dataClass(type).map(DataClass::superClasses).orElse(Set.of());
            }
        };
    }
}
