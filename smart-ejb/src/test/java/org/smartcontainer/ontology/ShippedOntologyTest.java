package org.smartcontainer.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/**
 * The ontology we ship loads from the classpath, carries the fixes of spec section 2.4, and names and
 * describes its terms: a label on every class and property, a comment on every class and call.
 */
class ShippedOntologyTest {

    private final SmartOntology ours = SmartOntology.loadDefault();

    @Test
    void shippedOntologyIsLoadedOnce() {
        assertSame(ours, SmartOntology.loadDefault());
    }

    @Test
    void shippedOntologyDeclaresFortyThreeCalls() {
        assertEquals(43, ours.calls().size());
    }

    @Test
    void labPanelItemHasItsOwnPath() {
        assertEquals("/records/{record_id}/lab_panels/{lab_panel_id}", ours.call("get_lab_panel").orElseThrow().path());
    }

    @Test
    void documentsSortByDctermsDate() {
        assertEquals(DCTERMS.DATE, ours.call("get_documents").orElseThrow().defaultSort().orElseThrow());
    }

    @Test
    void encounterTypeFilterIsDescribedAsData() {
        ApiFilter filter = ours.call("get_vital_sign_sets").orElseThrow().filter("encounter_type").orElseThrow();
        assertEquals(ApiFilter.FilterKind.CODE_MATCH, filter.kind());
        assertEquals(List.of(SmartTerms.sp("encounter"), SmartTerms.sp("encounterType"), SmartTerms.CODE_PROPERTY),
                filter.propertyPath());
        assertTrue("home".matches(filter.valuePattern().orElseThrow()));
    }

    @Test
    void drugNamesMustBeRxNormCodes() {
        CodeSystem rxnorm = ours.codeSystemOf(SmartTerms.sp("Medication"), SmartTerms.sp("drugName")).orElseThrow();
        assertTrue(rxnorm.accepts(Values.iri("http://purl.bioontology.org/ontology/RXNORM/617312")));
        assertEquals("617312", rxnorm.identifier(Values.iri("http://purl.bioontology.org/ontology/RXNORM/617312")).orElseThrow());
    }

    @Test
    void everyClassAndPropertyHasOneLabel() {
        List<String> wrong = new ArrayList<>();
        for (IRI type : List.of(OWL.CLASS, OWL.OBJECTPROPERTY, OWL.DATATYPEPROPERTY, OWL.ANNOTATIONPROPERTY)) {
            for (Resource term : ours.model().filter(null, RDF.TYPE, type).subjects()) {
                Set<Value> labels = ours.model().filter(term, RDFS.LABEL, null).objects();
                if (term instanceof IRI && (labels.size() != 1 || labels.iterator().next().stringValue().isBlank())) {
                    wrong.add(term + " " + labels);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyClassAndCallSaysWhatItIsInOneComment() {
        List<String> wrong = new ArrayList<>();
        for (IRI type : List.of(OWL.CLASS, ApiTerms.CALL)) {
            for (Resource term : ours.model().filter(null, RDF.TYPE, type).subjects()) {
                Set<Value> comments = ours.model().filter(term, RDFS.COMMENT, null).objects();
                if (term instanceof IRI && (comments.size() != 1 || comments.iterator().next().stringValue().length() < 10)) {
                    wrong.add(term + " " + comments);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCallsTargetClassesCarryTheNamesAppsShow() {
        assertEquals("Medication", label(ours.call("get_medications").orElseThrow().target()));
        assertEquals("Vital Sign Set", label(ours.call("get_vital_sign_sets").orElseThrow().target()));
        assertEquals("Family History Observation", label(ours.call("get_family_history_observations").orElseThrow().target()));
    }

    private String label(IRI term) {
        return ours.model().filter(term, RDFS.LABEL, null).objects().iterator().next().stringValue();
    }

    @Test
    void searchRecordsAcceptsZipcodeAndBirthday() {
        List<String> names = ours.call("search_records").orElseThrow().parameters().stream()
                .map(ApiParameter::parameterName).toList();
        assertTrue(names.containsAll(List.of("zipcode", "birthday", "date_of_birth")));
    }
}
