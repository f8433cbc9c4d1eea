package org.smartcontainer.records.generator;

import static org.junit.jupiter.api.Assertions.*;
import static org.smartcontainer.records.generator.DefaultPatients.*;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class SamplePatientGeneratorTest {

    private static final List<String> STATEMENT_CLASSES = List.of("Demographics", "Medication", "Fulfillment",
            "Problem", "Procedure", "Allergy", "AllergyExclusion", "LabResult", "LabPanel", "VitalSignSet",
            "Encounter", "Immunization", "SocialHistory", "FamilyHistory", "ClinicalNote", "Document", "Photograph");

    @Test
    void sameSeedAndIndexGiveTheSamePatientByteForByte() {
        SamplePatientGenerator first = new SamplePatientGenerator(42);
        SamplePatientGenerator second = new SamplePatientGenerator(42);
        for (int index : new int[] {0, 1, 7, 49}) {
            GeneratedPatient a = first.generate(index);
            GeneratedPatient b = second.generate(index);
            assertEquals(a.recordId(), b.recordId());
            assertTrue(Models.isomorphic(a.rdf(), b.rdf()), "isomorphic graphs for index " + index);
            assertEquals(rdfXml(a), rdfXml(b), "identical RDF/XML for index " + index);
            assertEquals(a.files().keySet(), b.files().keySet());
            a.files().forEach((name, bytes) -> assertArrayEquals(bytes, b.files().get(name), name));
        }
    }

    @Test
    void aPatientDoesNotDependOnWhichOthersWereGeneratedBefore() {
        SamplePatientGenerator generator = new SamplePatientGenerator(42);
        GeneratedPatient direct = generator.generate(17);
        GeneratedPatient fromStream = generator.stream(18).skip(17).findFirst().orElseThrow();
        assertEquals(rdfXml(direct), rdfXml(fromStream));
    }

    @Test
    void differentSeedsGiveDifferentPatientsAndRecordIds() {
        GeneratedPatient a = new SamplePatientGenerator(1).generate(0);
        GeneratedPatient b = new SamplePatientGenerator(2).generate(0);
        assertNotEquals(a.recordId(), b.recordId());
        assertFalse(Models.isomorphic(a.rdf(), b.rdf()));
    }

    @Test
    void recordIdsAreStableNumericAndDistinct() {
        SamplePatientGenerator generator = new SamplePatientGenerator(SamplePatientGenerator.DEFAULT_SEED);
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> assertTrue(ids.add(generator.recordId(i)), "duplicate at " + i));
        assertTrue(ids.stream().allMatch(id -> id.matches("[1-9][0-9]{7}")));
        assertEquals(generator.recordId(5), new SamplePatientGenerator(SamplePatientGenerator.DEFAULT_SEED)
                .generate(5).recordId());
        assertEquals(generator.generate(3).recordId(), generator.generate(3).medicalRecordNumber());
    }

    @Test
    void negativeIndexesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SamplePatientGenerator(1).generate(-1));
    }

    @Test
    void everyPatientHasExactlyOneMedicalRecordLinkedBothWaysToEveryStatement() {
        for (GeneratedPatient patient : ALL) {
            Model model = indexed(patient);
            Set<Resource> records = ofType(model, "MedicalRecord");
            assertEquals(1, records.size(), patient.recordId());
            Resource record = records.iterator().next();
            assertTrue(record.isBNode(), "the record is a blank node, as in the upstream files");
            Set<Resource> statements = new HashSet<>();
            for (String type : STATEMENT_CLASSES) {
                statements.addAll(ofType(model, type));
            }
            Set<Resource> linked = new HashSet<>();
            model.filter(record, sp("hasStatement"), null).objects().forEach(o -> linked.add((Resource) o));
            assertEquals(statements, linked, "hasStatement lists exactly the statements of " + patient.recordId());
            for (Resource statement : statements) {
                assertTrue(statement.isBNode());
                assertEquals(Set.of(record), model.filter(statement, sp("belongsTo"), null).objects(),
                        "belongsTo of " + statement);
            }
            assertEquals(1, ofType(model, "Demographics").size());
        }
    }

    @Test
    void theDefaultPatientsCoverEveryDataType() {
        Map<String, Integer> counts = countsByType();
        for (String type : STATEMENT_CLASSES) {
            assertTrue(counts.get(type) > 0, "no " + type + " among the default patients: " + counts);
        }
        Model all = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
        ALL.forEach(p -> all.addAll(p.rdf()));
        for (String property : List.of("quantitativeResult", "narrativeResult", "abnormalInterpretation",
                "labStatus", "nonCriticalRange", "drugAllergen", "drugClassAllergen", "otherAllergen",
                "refusalReason", "headCircumference", "bloodPressure", "oxygenSaturation", "gestationalAgeAtBirth",
                "race", "ethnicity", "preferredLanguage", "procedureStatus", "problemStatus", "hasProblem",
                "endDate", "fulfillment", "pharmacy", "provider", "facility", "fileName", "content", "hash")) {
            assertFalse(all.filter(null, sp(property), null).isEmpty(), "nobody has sp:" + property);
        }
        assertTrue(ALL.stream().anyMatch(p -> p.birthDate().isAfter(SamplePatientGenerator.DEFAULT_REFERENCE_DATE
                .minusDays(28))), "a newborn");
        assertTrue(ALL.stream().filter(p -> p.birthDate().isAfter(SamplePatientGenerator.DEFAULT_REFERENCE_DATE
                .minusYears(18))).count() >= 8, "some children");
        assertTrue(ALL.stream().anyMatch(p -> p.birthDate().isBefore(SamplePatientGenerator.DEFAULT_REFERENCE_DATE
                .minusYears(75))), "elderly patients");
        assertEquals(Set.of("male", "female"), ALL.stream().map(GeneratedPatient::gender).collect(
                java.util.stream.Collectors.toSet()));
        System.out.println("Statements per type in the default " + ALL.size() + " patients (seed "
                + SamplePatientGenerator.DEFAULT_SEED + "): " + counts + ", triples "
                + ALL.stream().mapToInt(p -> p.rdf().size()).sum());
    }

    @Test
    void convenienceAccessorsReadTheDemographics() {
        GeneratedPatient patient = ALL.get(0);
        Model model = indexed(patient);
        Resource demographics = ofType(model, "Demographics").iterator().next();
        Resource name = object(model, demographics, org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance()
                .createIRI("http://www.w3.org/2006/vcard/ns#n"));
        assertEquals(string(model, name, SmartTerms.V_GIVEN_NAME), patient.givenName());
        assertEquals(string(model, name, SmartTerms.V_FAMILY_NAME), patient.familyName());
        assertTrue(Arrays.asList("male", "female").contains(patient.gender()));
        assertFalse(patient.birthDate().isAfter(SamplePatientGenerator.DEFAULT_REFERENCE_DATE));
        assertEquals(patient.recordId(), patient.medicalRecordNumber());
    }

    @Test
    void codedValuesPointAtDescribedCodes() {
        for (GeneratedPatient patient : ALL) {
            Model model = indexed(patient);
            for (Resource codedValue : ofType(model, "CodedValue")) {
                assertEquals(1, model.filter(codedValue, SmartTerms.DC_TITLE, null).size());
                Resource code = object(model, codedValue, sp("code"));
                assertTrue(code.isIRI());
                assertTrue(model.contains(code, RDF.TYPE, sp("Code")), code + " typed sp:Code");
                String system = string(model, code, sp("system"));
                String identifier = string(model, code, SmartTerms.DC_IDENTIFIER);
                assertEquals(system + identifier, code.stringValue());
                assertEquals(1, model.filter(code, SmartTerms.DC_TITLE, null).size());
                assertTrue(model.filter(code, RDF.TYPE, null).objects().stream()
                        .anyMatch(t -> t.stringValue().startsWith(SmartTerms.SPCODE)), code + " has an spcode class");
            }
        }
    }

    private static Map<String, Integer> countsByType() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String type : STATEMENT_CLASSES) {
            counts.put(type, ALL.stream().mapToInt(p -> indexed(p).filter(null, RDF.TYPE, sp(type)).size()).sum());
        }
        return counts;
    }

    static String rdfXml(GeneratedPatient patient) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        patient.writeRdfXml(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
