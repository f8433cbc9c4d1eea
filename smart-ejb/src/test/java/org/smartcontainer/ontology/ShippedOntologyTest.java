package org.smartcontainer.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.Test;

/** The ontology we ship loads from the classpath and carries the fixes of spec section 2.4. */
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
    void searchRecordsAcceptsZipcodeAndBirthday() {
        List<String> names = ours.call("search_records").orElseThrow().parameters().stream()
                .map(ApiParameter::parameterName).toList();
        assertTrue(names.containsAll(List.of("zipcode", "birthday", "date_of_birth")));
    }
}
