package org.smartcontainer.records.query;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;

/**
 * Which linked statements a read response carries besides the selected ones (api.md section 4.1 step 6):
 * every statement {@code S2} referenced directly by a selected statement {@code S} in its own graph
 * ({@code S ?p S2}), such as a medication's fulfillments, a fulfillment's medication, a vital sign set's
 * encounter or a lab panel's results. One hop only; neighbours are neither filtered, counted nor paged.
 */
public final class NeighbourExpansion {

    private NeighbourExpansion() {
    }

    /**
     * The neighbours of the selected statements, in discovery order, excluding the selected ones.
     *
     * @param selected the statements of the page
     * @param selectedGraphs a graph holding (at least) the triples of the selected statements' own graphs
     * @param isStatement whether an IRI is a statement with its own graph whose type is not
     *     {@code sp:MedicalRecord} (the store's knowledge; the record itself is never a neighbour)
     */
    public static Set<IRI> neighboursOf(Collection<IRI> selected, Model selectedGraphs, Predicate<IRI> isStatement) {
        Set<IRI> selectedSet = selected instanceof Set<IRI> set ? set : new HashSet<>(selected);
        Set<IRI> neighbours = new LinkedHashSet<>();
        for (IRI statement : selected) {
            for (Statement triple : selectedGraphs.getStatements(statement, null, null)) {
                if (triple.getObject() instanceof IRI object && !selectedSet.contains(object)
                        && !neighbours.contains(object) && isStatement.test(object)) {
                    neighbours.add(object);
                }
            }
        }
        return neighbours;
    }
}
