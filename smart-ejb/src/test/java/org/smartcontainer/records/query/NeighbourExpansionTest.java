package org.smartcontainer.records.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.SmartTerms;

/** Neighbour expansion (api.md section 4.1 step 6) on the sample patients. */
class NeighbourExpansionTest {

    /** What the store knows: statements are the record's {@code sp:hasStatement} objects. */
    private static Predicate<IRI> statementsOf(SampleRecord record) {
        Set<?> statements = Set.copyOf(record.graph().filter(record.record(), SampleRecord.HAS_STATEMENT, null).objects());
        return statements::contains;
    }

    @Test
    void aMedicationBringsItsFulfillmentsAndAFulfillmentItsMedication() {
        int checked = 0;
        for (SampleRecord record : SampleRecord.all()) {
            Model g = record.graph();
            for (IRI medication : record.statements(SmartTerms.sp("Medication"))) {
                Set<IRI> neighbours = NeighbourExpansion.neighboursOf(List.of(medication), g, statementsOf(record));
                Set<?> fulfillments = Set.copyOf(g.filter(medication, SmartTerms.sp("fulfillment"), null).objects());
                assertEquals(fulfillments, neighbours, record + " " + medication);
                for (IRI f : neighbours) {
                    assertTrue(g.contains(f, RDF.TYPE, SmartTerms.sp("Fulfillment")));
                    checked++;
                }
            }
        }
        assertTrue(checked > 100);
    }

    @Test
    void aVitalSignSetBringsItsEncounterButNeverTheRecord() {
        SampleRecord record = SampleRecord.all().stream()
                .filter(r -> !r.statements(SmartTerms.sp("VitalSignSet")).isEmpty()).findFirst().orElseThrow();
        List<IRI> sets = record.statements(SmartTerms.sp("VitalSignSet"));
        Set<IRI> neighbours = NeighbourExpansion.neighboursOf(sets, record.graph(), statementsOf(record));
        assertFalse(neighbours.isEmpty());
        assertTrue(neighbours.stream().allMatch(n -> record.graph().contains(n, RDF.TYPE, SmartTerms.sp("Encounter"))));
        assertFalse(neighbours.contains(record.record()));
        assertTrue(SmartOntology.loadDefault().isStatementClass(SmartTerms.sp("Encounter")));
    }

    @Test
    void selectedStatementsAreNotTheirOwnNeighbours() {
        SampleRecord record = SampleRecord.all().stream()
                .filter(r -> !r.statements(SmartTerms.sp("Fulfillment")).isEmpty()).findFirst().orElseThrow();
        IRI medication = record.statements(SmartTerms.sp("Medication")).stream()
                .filter(m -> record.graph().contains(m, SmartTerms.sp("fulfillment"), null)).findFirst().orElseThrow();
        List<IRI> selected = List.of(medication);
        Set<IRI> fulfillments = NeighbourExpansion.neighboursOf(selected, record.graph(), statementsOf(record));
        Set<IRI> back = NeighbourExpansion.neighboursOf(List.copyOf(fulfillments), record.graph(), statementsOf(record));
        assertEquals(Set.of(medication), back);
        List<IRI> both = new ArrayList<>(fulfillments);
        both.add(medication);
        assertTrue(NeighbourExpansion.neighboursOf(both, record.graph(), statementsOf(record)).isEmpty());
    }
}
