package org.smartcontainer.records;

import java.util.List;
import org.eclipse.rdf4j.model.Model;

/**
 * Checks a patient graph against the data model before it is written (the ontology validator plugs
 * in here). It sees the prepared graph: minted URIs, {@code sp:belongsTo} and the record node added.
 */
@FunctionalInterface
public interface PatientValidator {

    /** A validator that finds nothing. */
    PatientValidator NONE = model -> List.of();

    /** The violations found, each a message naming node and property; empty if the graph is valid. */
    List<String> validate(Model patient);
}
