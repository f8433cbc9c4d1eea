package org.smartcontainer.ontology;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A code class of the ontology (a subclass of {@code sp:Code}): an open code system identified by its URI
 * prefix, or a closed enumeration ({@code owl:oneOf}) of member codes.
 *
 * @param codeClass the code class, e.g. {@code spcode:RxNorm_Semantic} or {@code spcode:EncounterType}
 * @param system the {@code sp:system} prefix of its code URIs, when known
 * @param members the allowed codes of an enumeration, empty for an open code system
 * @param titles the {@code dcterms:title} of each member that has one
 */
public record CodeSystem(IRI codeClass, Optional<String> system, Set<IRI> members, Map<IRI, String> titles) {

    /** Whether the code system is a closed enumeration. */
    public boolean enumeration() {
        return !members.isEmpty();
    }

    /** Whether a code URI belongs to this code system: membership for enumerations, else the URI prefix. */
    public boolean accepts(IRI code) {
        if (enumeration()) {
            return members.contains(code);
        }
        return system.map(s -> code.stringValue().startsWith(s)).orElse(true);
    }

    /** The {@code dcterms:identifier} of a code of this system: the code URI without the system prefix. */
    public Optional<String> identifier(IRI code) {
        return system.filter(s -> code.stringValue().startsWith(s))
                .map(s -> code.stringValue().substring(s.length()));
    }
}
