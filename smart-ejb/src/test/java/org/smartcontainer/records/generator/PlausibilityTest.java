package org.smartcontainer.records.generator;

import static org.junit.jupiter.api.Assertions.*;
import static org.smartcontainer.records.generator.DefaultPatients.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.junit.jupiter.api.Test;

class PlausibilityTest {

    private static final LocalDate TODAY = SamplePatientGenerator.DEFAULT_REFERENCE_DATE;

    private record Measure(String property, String unit, double min, double max) {
    }

    private static final List<Measure> VITALS = List.of(
            new Measure("height", "cm", 40, 210), new Measure("weight", "kg", 1.5, 250),
            new Measure("bodyMassIndex", "kg/m2", 10, 70), new Measure("headCircumference", "cm", 30, 56),
            new Measure("heartRate", "{beats}/min", 40, 200), new Measure("respiratoryRate", "{breaths}/min", 8, 70),
            new Measure("temperature", "Cel", 35, 41.5),
            new Measure("oxygenSaturation", "%{HemoglobinSaturation}", 85, 100));

    @Test
    void vitalSignsAreInPhysiologicalRangesWithTheUnitsTheOntologyRequires() {
        for (GeneratedPatient patient : ALL) {
            Model model = indexed(patient);
            for (Resource set : ofType(model, "VitalSignSet")) {
                LocalDate date = LocalDate.parse(string(model, set, SmartTerms.DC_DATE));
                double ageYears = ChronoUnit.DAYS.between(patient.birthDate(), date) / 365.25;
                assertFalse(date.isBefore(patient.birthDate()) || date.isAfter(TODAY), "date " + date);
                for (Measure measure : VITALS) {
                    if (model.contains(set, sp(measure.property()), null)) {
                        Resource sign = object(model, set, sp(measure.property()));
                        assertEquals(measure.unit(), string(model, sign, sp("unit")), measure.property());
                        double value = vitalValue(model, set, sp(measure.property()));
                        assertTrue(value >= measure.min() && value <= measure.max(),
                                measure.property() + " " + value + " at age " + ageYears);
                    }
                }
                assertTrue(model.contains(set, sp("height"), null) && model.contains(set, sp("weight"), null));
                if (ageYears < 1) {
                    assertTrue(vitalValue(model, set, sp("heartRate")) >= 90, "infant heart rate");
                    assertTrue(vitalValue(model, set, sp("weight")) < 13, "infant weight");
                }
                if (ageYears >= 18) {
                    assertTrue(vitalValue(model, set, sp("height")) > 140, "adult height");
                    assertTrue(vitalValue(model, set, sp("heartRate")) < 120, "adult resting heart rate");
                }
                if (model.contains(set, sp("bloodPressure"), null)) {
                    Resource pressure = object(model, set, sp("bloodPressure"));
                    double systolic = vitalValue(model, pressure, sp("systolic"));
                    double diastolic = vitalValue(model, pressure, sp("diastolic"));
                    assertTrue(systolic >= 60 && systolic <= 220 && diastolic >= 30 && diastolic <= 130);
                    assertTrue(systolic - diastolic >= 15, systolic + "/" + diastolic);
                    assertEquals("mm[Hg]", string(model, object(model, pressure, sp("systolic")), sp("unit")));
                    assertTrue(ageYears >= 3, "blood pressure is measured from 3 years");
                }
                if (model.contains(set, sp("headCircumference"), null)) {
                    assertTrue(ageYears < 3, "head circumference is measured below 3 years");
                }
                if (model.contains(set, sp("bodyMassIndex"), null)) {
                    double height = vitalValue(model, set, sp("height")) / 100;
                    double bmi = vitalValue(model, set, sp("weight")) / (height * height);
                    assertEquals(bmi, vitalValue(model, set, sp("bodyMassIndex")), 0.06);
                }
                Resource encounter = object(model, set, sp("encounter"));
                assertTrue(model.contains(encounter, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, sp("Encounter")));
                assertEquals(date.toString(), string(model, encounter, sp("startDate")));
            }
        }
    }

    @Test
    void childrenGrowAlongTheirCentiles() {
        int children = 0;
        for (GeneratedPatient patient : ALL) {
            if (patient.birthDate().isBefore(TODAY.minusYears(18))) {
                continue;
            }
            Model model = indexed(patient);
            List<Resource> sets = ofType(model, "VitalSignSet").stream()
                    .sorted(Comparator.comparing(s -> string(model, s, SmartTerms.DC_DATE))).toList();
            double lastHeight = 0;
            double lastHead = 0;
            double firstWeight = -1;
            double lastWeight = 0;
            for (Resource set : sets) {
                double height = vitalValue(model, set, sp("height"));
                assertTrue(height >= lastHeight, patient.recordId() + ": height " + height + " after " + lastHeight);
                lastHeight = height;
                if (model.contains(set, sp("headCircumference"), null)) {
                    double head = vitalValue(model, set, sp("headCircumference"));
                    assertTrue(head >= lastHead, patient.recordId() + ": head " + head + " after " + lastHead);
                    lastHead = head;
                }
                lastWeight = vitalValue(model, set, sp("weight"));
                firstWeight = firstWeight < 0 ? lastWeight : firstWeight;
            }
            if (sets.size() > 3) {
                children++;
                assertTrue(lastWeight > firstWeight, patient.recordId() + " gains weight");
            }
        }
        assertTrue(children >= 5, "enough children with growth data: " + children);
    }

    @Test
    void fulfillmentsFollowTheirMedicationsStartAndStayBeforeItsEnd() {
        for (GeneratedPatient patient : ALL) {
            Model model = indexed(patient);
            for (Resource medication : ofType(model, "Medication")) {
                LocalDate start = LocalDate.parse(string(model, medication, sp("startDate")));
                assertFalse(start.isBefore(patient.birthDate()) || start.isAfter(TODAY));
                List<String> ends = strings(model, medication, sp("endDate"));
                LocalDate end = ends.isEmpty() ? TODAY : LocalDate.parse(ends.get(0));
                assertFalse(end.isBefore(start));
                assertTrue(string(model, object(model, medication, sp("drugName")), SmartTerms.DC_TITLE).length() > 5);
                assertEquals("/d", string(model, object(model, medication, sp("frequency")), sp("unit")));
                for (Resource fulfillment : ofType(model, "Fulfillment")) {
                    if (!model.contains(fulfillment, sp("medication"), medication)) {
                        continue;
                    }
                    assertTrue(model.contains(medication, sp("fulfillment"), fulfillment));
                    LocalDate date = LocalDate.parse(string(model, fulfillment, SmartTerms.DC_DATE));
                    assertFalse(date.isBefore(start), "fulfilled " + date + " before start " + start);
                    assertFalse(date.isAfter(end), "fulfilled " + date + " after end " + end);
                    assertTrue(Integer.parseInt(string(model, fulfillment, sp("dispenseDaysSupply"))) > 0);
                    Resource quantity = object(model, fulfillment, sp("quantityDispensed"));
                    assertTrue(Double.parseDouble(string(model, quantity, sp("value"))) > 0);
                }
            }
        }
    }

    @Test
    void medicationsTreatTheProblemsOnTheList() {
        Map<String, Set<String>> drugsForProblem = Map.of(
                "44054006", Set.of("861007"),
                "38341003", Set.of("314076", "314077", "197361", "310798"),
                "55822004", Set.of("312961", "617318"));
        int checked = 0;
        for (GeneratedPatient patient : ALL) {
            Model model = indexed(patient);
            Set<String> drugs = model.filter(null, sp("code"), null).objects().stream()
                    .map(o -> o.stringValue()).filter(s -> s.startsWith(Code.RXNORM))
                    .map(s -> s.substring(Code.RXNORM.length())).collect(java.util.stream.Collectors.toSet());
            Set<String> problems = ofType(model, "Problem").stream()
                    .map(p -> object(model, object(model, p, sp("problemName")), sp("code")).stringValue())
                    .map(s -> s.substring(Code.SNOMED.length())).collect(java.util.stream.Collectors.toSet());
            for (var entry : drugsForProblem.entrySet()) {
                boolean treated = entry.getValue().stream().anyMatch(drugs::contains);
                if (treated) {
                    checked++;
                    assertTrue(problems.contains(entry.getKey()),
                            patient.recordId() + " gets a drug for " + entry.getKey() + " without the problem");
                }
            }
        }
        assertTrue(checked > 5, "enough treated patients: " + checked);
    }

    @Test
    void labResultsHaveSensibleRangesAndConsistentInterpretations() {
        int abnormal = 0;
        int narrative = 0;
        for (GeneratedPatient patient : ALL) {
            Model model = indexed(patient);
            for (Resource result : ofType(model, "LabResult")) {
                assertTrue(object(model, object(model, result, sp("labName")), sp("code")).stringValue()
                        .startsWith(Code.LOINC));
                String interpretation = object(model, object(model, result, sp("abnormalInterpretation")),
                        sp("code")).stringValue();
                if (model.contains(result, sp("narrativeResult"), null)) {
                    narrative++;
                    continue;
                }
                Resource quantitative = object(model, result, sp("quantitativeResult"));
                Resource valueAndUnit = object(model, quantitative, sp("valueAndUnit"));
                double value = Double.parseDouble(string(model, valueAndUnit, sp("value")));
                String unit = string(model, valueAndUnit, sp("unit"));
                Resource range = object(model, quantitative, sp("normalRange"));
                Resource minimum = object(model, range, sp("minimum"));
                Resource maximum = object(model, range, sp("maximum"));
                double low = Double.parseDouble(string(model, minimum, sp("value")));
                double high = Double.parseDouble(string(model, maximum, sp("value")));
                assertTrue(low < high && low >= 0);
                assertEquals(unit, string(model, minimum, sp("unit")));
                assertEquals(unit, string(model, maximum, sp("unit")));
                assertTrue(value >= 0 && value < high * 6, value + " " + unit);
                boolean outside = value < low || value > high;
                assertEquals(outside, !interpretation.endsWith("#normal"), value + " in " + low + ".." + high);
                abnormal += outside ? 1 : 0;
            }
        }
        assertTrue(abnormal > 20, "some abnormal results: " + abnormal);
        assertTrue(narrative > 10, "some narrative results: " + narrative);
    }

    @Test
    void statementDatesLieBetweenBirthAndTheReferenceDate() {
        for (GeneratedPatient patient : ALL) {
            Model model = indexed(patient);
            for (String property : List.of("startDate", "endDate")) {
                model.filter(null, sp(property), null).objects().forEach(o -> {
                    LocalDate date = LocalDate.parse(o.stringValue());
                    assertFalse(date.isBefore(patient.birthDate()), property + " " + date);
                    assertFalse(date.isAfter(TODAY.plusDays(30)), property + " " + date);
                });
            }
            for (String type : List.of("LabResult", "Immunization", "Procedure", "Fulfillment", "ClinicalNote")) {
                for (Resource statement : ofType(model, type)) {
                    LocalDate date = LocalDate.parse(string(model, statement, SmartTerms.DC_DATE));
                    assertFalse(date.isBefore(patient.birthDate()) || date.isAfter(TODAY), type + " " + date);
                }
            }
        }
    }
}
