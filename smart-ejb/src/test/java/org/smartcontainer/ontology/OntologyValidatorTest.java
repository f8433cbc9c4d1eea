package org.smartcontainer.ontology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Predicate;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** Broken variants of a real sample patient produce the violation the ontology implies. */
class OntologyValidatorTest {

    private static final OntologyValidator VALIDATOR = new OntologyValidator(SmartOntology.loadDefault());
    private static final IRI MEDICATION = SmartTerms.sp("Medication");
    private static final IRI DRUG_NAME = SmartTerms.sp("drugName");

    /** Parsed once: choosing the sample reads all 59 patients. */
    private static final Model RICHEST_SAMPLE = richestSamplePatient();

    private final Model patient = new LinkedHashModel(RICHEST_SAMPLE);

    @Test
    void unchangedSamplePatientIsValid() {
        assertTrue(VALIDATOR.validate(patient).valid());
    }

    @Test
    void medicationWithoutDrugNameIsReported() {
        Resource medication = first(MEDICATION);
        patient.remove(medication, DRUG_NAME, null);
        assertReported(medication, DRUG_NAME, m -> m.contains("requires a value"));
    }

    @Test
    void statementWithoutRecordIsReportedThroughInheritedRestriction() {
        Resource medication = first(MEDICATION);
        patient.remove(medication, SmartTerms.BELONGS_TO, null);
        assertReported(medication, SmartTerms.BELONGS_TO, m -> m.contains("requires a value"));
    }

    @Test
    void medicationWithTwoStartDatesIsReported() {
        Resource medication = first(MEDICATION);
        patient.add(medication, SmartTerms.sp("startDate"), Values.literal("1999-01-01"));
        assertReported(medication, SmartTerms.sp("startDate"), m -> m.contains("at most 1"));
    }

    @Test
    void encounterTypeOutsideTheEnumerationIsReported() {
        Resource encounter = first(SmartTerms.sp("Encounter"));
        Resource type = Models.objectResource(patient.filter(encounter, SmartTerms.sp("encounterType"), null)).orElseThrow();
        patient.remove(type, SmartTerms.CODE_PROPERTY, null);
        patient.add(type, SmartTerms.CODE_PROPERTY, Values.iri("http://smartplatforms.org/terms/codes/EncounterType#telepathic"));
        assertReported(encounter, SmartTerms.sp("encounterType"), m -> m.contains("EncounterType"));
    }

    @Test
    void drugNameCodedInSnomedIsReported() {
        Resource medication = first(MEDICATION);
        Resource drugName = Models.objectResource(patient.filter(medication, DRUG_NAME, null)).orElseThrow();
        patient.remove(drugName, SmartTerms.CODE_PROPERTY, null);
        patient.add(drugName, SmartTerms.CODE_PROPERTY, Values.iri("http://purl.bioontology.org/ontology/SNOMEDCT/38341003"));
        assertReported(medication, DRUG_NAME, m -> m.contains("RXNORM"));
    }

    @Test
    void unknownSmartTypeIsReported() {
        Resource medication = first(MEDICATION);
        patient.add(medication, RDF.TYPE, SmartTerms.sp("Medicine"));
        assertTrue(VALIDATOR.validate(patient).violations().stream()
                .anyMatch(v -> v.subject().equals(medication) && v.message().contains("unknown SMART type")));
    }

    @Test
    void fulfillmentPointingAtAProblemIsReported() {
        Resource fulfillment = first(SmartTerms.sp("Fulfillment"));
        patient.remove(fulfillment, SmartTerms.sp("medication"), null);
        patient.add(fulfillment, SmartTerms.sp("medication"), first(SmartTerms.sp("Problem")));
        assertReported(fulfillment, SmartTerms.sp("medication"), m -> m.contains("must be a Medication"));
    }

    @Test
    void dateGivenAsNodeIsReported() {
        Resource fulfillment = first(SmartTerms.sp("Fulfillment"));
        patient.remove(fulfillment, DCTERMS.DATE, null);
        patient.add(fulfillment, DCTERMS.DATE, Values.bnode());
        assertFalse(VALIDATOR.validate(patient).valid());
    }

    private Resource first(IRI type) {
        return patient.filter(null, RDF.TYPE, type).subjects().stream().findFirst()
                .orElseThrow(() -> new AssertionError("sample patient has no " + type));
    }

    private void assertReported(Resource subject, IRI property, Predicate<String> message) {
        ValidationReport report = VALIDATOR.validate(patient);
        assertTrue(report.violations().stream().anyMatch(v -> v.subject().equals(subject)
                && v.property().filter(property::equals).isPresent() && message.test(v.message())),
                () -> "expected a violation on " + property + ", got " + report.violations());
    }

    /** The sample patient with the most medications, fulfillments, encounters and problems. */
    private static Model richestSamplePatient() {
        Model best = null;
        long bestScore = -1;
        for (Path file : SharedFixtures.samplePatients()) {
            Model m = SamplePatientValidationTest.read(file);
            long score = 1;
            for (String type : new String[] {"Medication", "Fulfillment", "Encounter", "Problem"}) {
                score *= m.filter(null, RDF.TYPE, SmartTerms.sp(type)).subjects().size();
            }
            if (score > bestScore) {
                best = m;
                bestScore = score;
            }
        }
        return best;
    }
}
