package org.smartcontainer.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.Test;

/** The model reads the upstream smart.owl as the reference container does. */
class UpstreamOntologyModelTest {

    private final SmartOntology upstream = SharedFixtures.upstreamOntology();

    @Test
    void upstreamOntologyParsesDespiteMalformedLanguageTag() {
        assertTrue(upstream.model().size() > 3000);
    }

    @Test
    void upstreamDeclaresFortyThreeCalls() {
        assertEquals(43, upstream.calls().size());
    }

    @Test
    void medicationIsAStatementWithItsBasePathAndRequiredDrugName() {
        DataClass medication = upstream.dataClass(SmartTerms.sp("Medication")).orElseThrow();
        assertTrue(medication.statement());
        assertEquals("/records/{record_id}/medications/{medication_id}", medication.basePath().orElseThrow());
        PropertyConstraint drugName = medication.property(SmartTerms.sp("drugName")).orElseThrow();
        assertEquals(1, drugName.minCardinality());
        assertEquals(1, drugName.maxCardinality().getAsInt());
        assertEquals(SmartTerms.CODED_VALUE, drugName.valueClass().orElseThrow());
        assertEquals(SmartTerms.spcode("RxNorm_Semantic"), drugName.codeClass().orElseThrow());
    }

    @Test
    void statementRestrictionOnBelongsToIsInherited() {
        DataClass problem = upstream.dataClass(SmartTerms.sp("Problem")).orElseThrow();
        assertEquals(1, problem.property(SmartTerms.BELONGS_TO).orElseThrow().minCardinality());
    }

    @Test
    void clinicalNoteIsADocumentAndAStatement() {
        DataClass note = upstream.dataClass(SmartTerms.sp("ClinicalNote")).orElseThrow();
        assertTrue(note.superClasses().containsAll(Set.of(SmartTerms.sp("Document"), SmartTerms.STATEMENT)));
        assertTrue(upstream.isStatementClass(note.iri()));
    }

    @Test
    void medicalRecordIsHandledLikeAStatementButCodedValueIsNot() {
        assertTrue(upstream.isStatementClass(SmartTerms.MEDICAL_RECORD));
        assertFalse(upstream.isStatementClass(SmartTerms.CODED_VALUE));
    }

    @Test
    void medicationsCallHasRxnormAndDateFiltersAndSortsByStartDate() {
        ApiCall call = upstream.call("get_medications").orElseThrow();
        assertEquals("/records/{record_id}/medications/", call.path());
        assertEquals(SmartTerms.sp("startDate"), call.defaultSort().orElseThrow());
        ApiFilter rxnorm = call.filter("rxnorm").orElseThrow();
        assertEquals(ApiFilter.FilterKind.CODE_MATCH, rxnorm.kind());
        assertEquals(List.of(SmartTerms.sp("drugName"), SmartTerms.CODE_PROPERTY), rxnorm.propertyPath());
        assertEquals("http://purl.bioontology.org/ontology/RXNORM/", rxnorm.codeUriPrefix().orElseThrow());
        ApiFilter to = call.filter("date_to_excluding").orElseThrow();
        assertEquals(DateBound.TO_EXCLUDING, to.dateBound().orElseThrow());
        assertEquals(List.of(SmartTerms.sp("startDate")), to.propertyPath());
    }

    @Test
    void encounterTypeIsAClosedEnumeration() {
        CodeSystem encounterType = upstream.codeSystem(SmartTerms.spcode("EncounterType")).orElseThrow();
        assertEquals(6, encounterType.members().size());
        assertEquals("Home encounter",
                encounterType.titles().get(org.eclipse.rdf4j.model.util.Values.iri(
                        "http://smartplatforms.org/terms/codes/EncounterType#home")));
    }

    @Test
    void clinicalNotesSortByDctermsDate() {
        assertEquals(DCTERMS.DATE, upstream.call("get_clinical_notes").orElseThrow().defaultSort().orElseThrow());
    }
}
