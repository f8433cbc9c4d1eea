package org.smartcontainer.records.generator;

import static org.smartcontainer.records.generator.RecordGraph.number;
import static org.smartcontainer.records.generator.SmartTerms.*;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.smartcontainer.records.generator.CodeTables.Allergen;
import org.smartcontainer.records.generator.CodeTables.Condition;
import org.smartcontainer.records.generator.CodeTables.Drug;
import org.smartcontainer.records.generator.CodeTables.LabTest;
import org.smartcontainer.records.generator.CodeTables.NarrativeTest;
import org.smartcontainer.records.generator.CodeTables.Panel;
import org.smartcontainer.records.generator.CodeTables.ProcedureKind;
import org.smartcontainer.records.generator.CodeTables.Relative;
import org.smartcontainer.records.generator.CodeTables.ScheduledDose;
import org.smartcontainer.records.generator.CodeTables.Shift;

/**
 * One patient's chart, made up from a random source in a fixed order (so the same source gives the same chart):
 * who the patient is, what they have, and then every statement that follows from it.
 */
final class PatientChart {

    static final String MRN_SYSTEM = "SMART Container EE Sample Hospital";

    private enum Visit {
        BIRTH, WELL_CHILD, ANNUAL, FOLLOW_UP, SICK, EMERGENCY
    }

    /** A problem with its time course; {@code end} is null while it lasts. */
    private record Episode(Condition condition, LocalDate start, LocalDate end) {
    }

    /** A visit with the measurements taken, kept for notes and documents. */
    private record VisitRecord(LocalDate date, Visit kind, Episode episode, String summary) {
    }

    /** A prescription and its dates; {@code end} is null for an ongoing long-term drug. */
    private record Prescription(Drug drug, Condition condition, LocalDate start, LocalDate end) {
    }

    private final SplittableRandom random;
    private final String recordId;
    private final LocalDate today;
    private final RecordGraph graph;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private final boolean male;
    private final LocalDate birthDate;
    private final String givenName;
    private final String familyName;
    private final double heightZ;
    private final double weightZ;
    private final double adultBmi;
    private final String[] provider;
    private final String providerNpi;
    private final int pharmacy;
    private final int facility;
    private final NamePools.Town town;
    private final String street;

    private final List<Episode> episodes = new ArrayList<>();
    private final List<Prescription> prescriptions = new ArrayList<>();
    private final List<VisitRecord> visits = new ArrayList<>();
    private final Set<String> allergyConflicts = new HashSet<>();
    private final Set<Condition> chronic = new HashSet<>();

    PatientChart(String recordId, SplittableRandom random, LocalDate today) {
        this.recordId = recordId;
        this.random = random;
        this.today = today;
        this.graph = new RecordGraph(recordId);
        this.male = random.nextBoolean();
        this.birthDate = today.minusDays(ageInDays());
        this.givenName = pick(male ? NamePools.MALE_GIVEN_NAMES : NamePools.FEMALE_GIVEN_NAMES);
        this.familyName = pick(NamePools.FAMILY_NAMES);
        this.heightZ = clamp(gaussian(0, 1), -2.3, 2.3);
        this.weightZ = clamp(0.6 * heightZ + gaussian(0, 0.8), -2.3, 2.5);
        double bmi = random.nextDouble() < 0.33 ? 30 + Math.abs(gaussian(0, 4)) : gaussian(25, 3);
        this.adultBmi = clamp(bmi, 18, 48);
        this.provider = new String[] {pick(NamePools.PROVIDER_GIVEN_NAMES), pick(NamePools.PROVIDER_FAMILY_NAMES)};
        this.providerNpi = npi(1_000_000 + Math.floorMod((provider[0] + provider[1]).hashCode(), 8_999_999));
        this.pharmacy = random.nextInt(NamePools.PHARMACIES.size());
        this.facility = random.nextInt(NamePools.FACILITIES.size());
        this.town = pick(NamePools.TOWNS);
        this.street = (1 + random.nextInt(980)) + " " + pick(NamePools.STREETS);
    }

    /** Builds every statement of the chart. */
    GeneratedPatient build() {
        planProblems();
        demographics();
        allergies();
        problemsAndMedications();
        visitsWithVitalSigns();
        labResults();
        immunizations();
        procedures();
        socialHistory();
        familyHistory();
        clinicalNotes();
        documents();
        return new GeneratedPatient(recordId, graph.model(), files);
    }

    // ---- Who the patient is -----------------------------------------------------------------------------

    private long ageInDays() {
        double r = random.nextDouble();
        double years;
        if (r < 0.04) {
            return random.nextInt(28); // newborn
        } else if (r < 0.12) {
            years = random.nextDouble() * 2;
        } else if (r < 0.22) {
            years = 2 + random.nextDouble() * 4;
        } else if (r < 0.32) {
            years = 6 + random.nextDouble() * 12;
        } else if (r < 0.55) {
            years = 18 + random.nextDouble() * 27;
        } else if (r < 0.80) {
            years = 45 + random.nextDouble() * 20;
        } else {
            years = 65 + random.nextDouble() * 30;
        }
        return (long) (years * 365.25);
    }

    private double ageYears(LocalDate date) {
        return ChronoUnit.DAYS.between(birthDate, date) / 365.25;
    }

    private double ageMonths(LocalDate date) {
        return ChronoUnit.DAYS.between(birthDate, date) / 30.4375;
    }

    private void demographics() {
        BNode demographics = graph.statement(DEMOGRAPHICS);
        BNode name = graph.node(V_NAME);
        graph.literal(name, V_GIVEN_NAME, givenName);
        graph.literal(name, V_FAMILY_NAME, familyName);
        if (random.nextDouble() < 0.5) {
            graph.literal(name, V_ADDITIONAL_NAME, String.valueOf((char) ('A' + random.nextInt(26))));
        }
        graph.add(demographics, V_N, name);
        graph.date(demographics, V_BDAY, birthDate);
        graph.literal(demographics, FOAF_GENDER, male ? "male" : "female");

        BNode mrn = graph.node(CODE);
        graph.add(mrn, RDF.TYPE, spcode("MedicalRecordNumber"));
        graph.literal(mrn, SYSTEM, MRN_SYSTEM);
        graph.literal(mrn, DC_IDENTIFIER, recordId);
        graph.literal(mrn, DC_TITLE, MRN_SYSTEM + " " + recordId);
        graph.add(demographics, MEDICAL_RECORD_NUMBER, mrn);

        graph.add(demographics, V_ADR, address(true));
        graph.add(demographics, V_TEL_PROPERTY, telephone(V_HOME, true));
        double age = ageYears(today);
        if (age >= 16 && random.nextDouble() < 0.7) {
            graph.add(demographics, V_TEL_PROPERTY, telephone(V_CELL, false));
        }
        if (age >= 16 && random.nextDouble() < 0.6) {
            graph.literal(demographics, V_EMAIL, (givenName + "." + familyName).toLowerCase().replace(' ', '-')
                    + recordId.substring(recordId.length() - 3) + "@example.org");
        }
        if (random.nextDouble() < 0.75) {
            double r = random.nextDouble();
            String race = NamePools.RACES.get(r < 0.62 ? 0 : r < 0.78 ? 1 : r < 0.92 ? 2 : r < 0.97 ? 3 : 4);
            graph.literal(demographics, RACE, race);
            boolean hispanic = random.nextDouble() < 0.18;
            graph.literal(demographics, ETHNICITY, hispanic ? "Hispanic or Latino" : "Not Hispanic or Latino");
            String language = hispanic && random.nextDouble() < 0.5 ? "Spanish"
                    : random.nextDouble() < 0.9 ? "English" : pick(NamePools.LANGUAGES);
            graph.literal(demographics, PREFERRED_LANGUAGE, language);
        }
        if (age < 2) {
            int weeks = random.nextDouble() < 0.1 ? 33 + random.nextInt(4) : 37 + random.nextInt(5);
            graph.valueAndUnit(demographics, GESTATIONAL_AGE_AT_BIRTH, Integer.toString(weeks), "wk");
        }
    }

    private BNode address(boolean home) {
        BNode address = graph.node(V_ADDRESS);
        if (home) {
            graph.add(address, RDF.TYPE, V_HOME);
            graph.add(address, RDF.TYPE, V_PREF);
            graph.literal(address, V_STREET_ADDRESS, street);
        } else {
            graph.add(address, RDF.TYPE, V_WORK);
            graph.literal(address, V_STREET_ADDRESS, (10 + random.nextInt(400)) + " " + pick(NamePools.STREETS));
        }
        graph.literal(address, V_LOCALITY, town.locality());
        graph.literal(address, V_REGION, town.region());
        graph.literal(address, V_POSTAL_CODE, town.postalCodePrefix() + String.format("%02d", random.nextInt(100)));
        graph.literal(address, V_COUNTRY_NAME, "USA");
        return address;
    }

    private BNode telephone(IRI kind, boolean preferred) {
        BNode tel = graph.node(V_TEL);
        graph.add(tel, RDF.TYPE, kind);
        if (preferred) {
            graph.add(tel, RDF.TYPE, V_PREF);
        }
        // 555-0100..0199 is the range reserved for fictional numbers.
        graph.literal(tel, RDF.VALUE, town.areaCode() + "-555-01" + String.format("%02d", random.nextInt(100)));
        return tel;
    }

    // ---- Problems and medications ------------------------------------------------------------------------

    private void planProblems() {
        double age = ageYears(today);
        for (Condition condition : CodeTables.CHRONIC_CONDITIONS) {
            if (age < condition.minAge() || age > condition.maxAge()) {
                continue;
            }
            double likelihood = condition.prevalence() * Math.min(1.6, 0.3 + (age - condition.minAge()) / 30);
            if (adultBmi >= 30 && (condition == CodeTables.TYPE_2_DIABETES || condition == CodeTables.HYPERTENSION)) {
                likelihood *= 1.8;
            }
            if (random.nextDouble() < likelihood) {
                LocalDate start = dateBetween(birthDate.plusDays((long) (condition.minAge() * 365.25)),
                        today.minusDays(30));
                episodes.add(new Episode(condition, start, null));
                chronic.add(condition);
            }
        }
        if (age >= 12 && adultBmi >= 30 && age >= 18) {
            episodes.add(new Episode(CodeTables.OBESITY,
                    dateBetween(birthDate.plusYears(18), today.minusDays(60)), null));
            chronic.add(CodeTables.OBESITY);
        }
        for (Condition condition : CodeTables.ACUTE_CONDITIONS) {
            if (age < condition.minAge() || ageYears(today.minusYears(8)) > condition.maxAge()) {
                continue;
            }
            int episodesOfIt = random.nextDouble() < condition.prevalence() ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < episodesOfIt; i++) {
                LocalDate earliest = max(birthDate.plusDays((long) (Math.max(condition.minAge(), 0.3) * 365.25)),
                        today.minusYears(8));
                LocalDate latest = min(birthDate.plusDays((long) (condition.maxAge() * 365.25)), today.minusDays(3));
                if (earliest.isBefore(latest)) {
                    LocalDate start = dateBetween(earliest, latest);
                    LocalDate end = start.plusDays(7 + random.nextInt(8));
                    episodes.add(new Episode(condition, start, end.isAfter(today) ? null : end));
                }
            }
        }
        episodes.sort((a, b) -> a.start().compareTo(b.start()));
    }

    private void problemsAndMedications() {
        for (Episode episode : episodes) {
            BNode problem = graph.statement(PROBLEM);
            graph.coded(problem, PROBLEM_NAME, episode.condition().code());
            graph.date(problem, START_DATE, episode.start());
            Code status;
            if (episode.end() != null) {
                graph.date(problem, END_DATE, episode.end());
                status = CodeTables.PROBLEM_RESOLVED;
            } else if (!episode.condition().chronic()) {
                status = CodeTables.PROBLEM_ACTIVE;
            } else {
                status = random.nextDouble() < 0.9 ? CodeTables.PROBLEM_ACTIVE : CodeTables.PROBLEM_INACTIVE;
            }
            graph.coded(problem, PROBLEM_STATUS, status);
            if (random.nextDouble() < 0.15) {
                graph.literal(problem, NOTES, "Discussed with patient; see visit note of " + episode.start() + ".");
            }
            prescribeFor(episode);
        }
        for (Prescription prescription : prescriptions) {
            medication(prescription);
        }
    }

    private void prescribeFor(Episode episode) {
        List<Drug> options = new ArrayList<>();
        for (Drug drug : episode.condition().drugs()) {
            if (drug.ingredients().stream().noneMatch(allergyConflicts::contains)) {
                options.add(drug);
            }
        }
        if (options.isEmpty()) {
            return;
        }
        int count = episode.condition() == CodeTables.HYPERTENSION && ageYears(today) > 60 && options.size() > 2
                ? 2 : 1;
        List<Drug> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            Drug drug = pick(options);
            boolean sameIngredient = chosen.stream().anyMatch(d -> d.ingredients().equals(drug.ingredients()));
            boolean alreadyTaking = prescriptions.stream()
                    .anyMatch(p -> p.end() == null && p.drug().ingredients().equals(drug.ingredients()));
            if (sameIngredient || alreadyTaking) {
                if (count == 1 || options.size() <= chosen.size() + 1) {
                    break;
                }
                continue;
            }
            chosen.add(drug);
        }
        for (Drug drug : chosen) {
            LocalDate start = min(episode.start().plusDays(drug.longTerm() ? random.nextInt(45) : 0),
                    today.minusDays(1));
            LocalDate end;
            if (!drug.longTerm()) {
                end = start.plusDays(drug.courseDays());
            } else if (episode.end() != null) {
                end = max(start.plusDays(14), episode.end());
            } else {
                end = random.nextDouble() < 0.1 ? dateBetween(start.plusDays(60), today.plusDays(60)) : null;
            }
            if (end != null && end.isAfter(today) && drug.longTerm()) {
                end = null;
            }
            prescriptions.add(new Prescription(drug, episode.condition(), start, end));
        }
    }

    private void medication(Prescription prescription) {
        Drug drug = prescription.drug();
        BNode medication = graph.statement(MEDICATION);
        graph.coded(medication, DRUG_NAME, drug.code());
        graph.date(medication, START_DATE, prescription.start());
        if (prescription.end() != null) {
            graph.date(medication, END_DATE, prescription.end());
        }
        graph.literal(medication, INSTRUCTIONS, drug.instructions());
        graph.valueAndUnit(medication, QUANTITY, number(drug.dose(), 0), drug.doseUnit());
        graph.valueAndUnit(medication, FREQUENCY, number(drug.perDay(), 0), "/d");

        // Fill on the start date, then refill when the supply runs out; keep the most recent year of fills.
        int daysSupply = drug.packageUnit() != null ? 25
                : drug.longTerm() ? (random.nextDouble() < 0.3 ? 90 : 30) : drug.courseDays();
        LocalDate last = prescription.end() != null ? min(prescription.end(), today) : today;
        List<LocalDate> fills = new ArrayList<>();
        for (LocalDate fill = prescription.start(); !fill.isAfter(last); fill = fill.plusDays(daysSupply
                + random.nextInt(4))) {
            fills.add(fill);
            if (!drug.longTerm()) {
                break;
            }
        }
        int maxFills = daysSupply == 90 ? 4 : 12;
        for (LocalDate date : fills.subList(Math.max(0, fills.size() - maxFills), fills.size())) {
            BNode fulfillment = graph.statement(FULFILLMENT);
            graph.date(fulfillment, DC_DATE, date);
            graph.add(fulfillment, MEDICATION_PROPERTY, medication);
            graph.add(medication, FULFILLMENT_PROPERTY, fulfillment);
            graph.literal(fulfillment, DISPENSE_DAYS_SUPPLY, Integer.toString(daysSupply));
            if (drug.packageUnit() != null) {
                graph.valueAndUnit(fulfillment, QUANTITY_DISPENSED, "1", drug.packageUnit());
            } else {
                graph.valueAndUnit(fulfillment, QUANTITY_DISPENSED,
                        number(Math.ceil(drug.dose() * drug.perDay() * daysSupply), 0), drug.doseUnit());
            }
            graph.add(fulfillment, PHARMACY_PROPERTY, pharmacy());
            graph.add(fulfillment, PROVIDER_PROPERTY, provider());
        }
    }

    private BNode pharmacy() {
        BNode node = graph.node(PHARMACY);
        graph.literal(node, V_ORGANIZATION_NAME, NamePools.PHARMACIES.get(pharmacy));
        graph.literal(node, NCPDP_ID, Integer.toString(1_400_000 + pharmacy * 7_919));
        BNode address = graph.node(V_ADDRESS);
        graph.add(address, RDF.TYPE, V_WORK);
        graph.literal(address, V_STREET_ADDRESS, (100 + pharmacy * 37) + " Main Street");
        graph.literal(address, V_LOCALITY, town.locality());
        graph.literal(address, V_REGION, town.region());
        graph.literal(address, V_POSTAL_CODE, town.postalCodePrefix() + "10");
        graph.literal(address, V_COUNTRY_NAME, "USA");
        graph.add(node, V_ADR, address);
        return node;
    }

    private BNode provider() {
        BNode node = graph.node(PROVIDER);
        BNode name = graph.node(V_NAME);
        graph.literal(name, V_GIVEN_NAME, provider[0]);
        graph.literal(name, V_FAMILY_NAME, provider[1]);
        graph.literal(name, V_HONORIFIC_PREFIX, "Dr.");
        graph.add(node, V_N, name);
        graph.literal(node, NPI_NUMBER, providerNpi);
        return node;
    }

    private BNode facility() {
        BNode node = graph.node(ORGANIZATION);
        graph.literal(node, V_ORGANIZATION_NAME, NamePools.FACILITIES.get(facility));
        return node;
    }

    // ---- Allergies -------------------------------------------------------------------------------------------

    private void allergies() {
        double age = ageYears(today);
        if (age < 1 || random.nextDouble() >= 0.28) {
            BNode exclusion = graph.statement(ALLERGY_EXCLUSION);
            graph.coded(exclusion, ALLERGY_EXCLUSION_NAME,
                    random.nextDouble() < 0.85 ? CodeTables.NO_KNOWN_ALLERGIES : CodeTables.NO_KNOWN_DRUG_ALLERGY);
            graph.date(exclusion, DC_DATE, min(birthDate.plusDays(random.nextInt(400)), today));
            return;
        }
        int count = 1 + (random.nextDouble() < 0.3 ? 1 + random.nextInt(2) : 0);
        Set<Allergen> chosen = new HashSet<>();
        while (chosen.size() < count) {
            chosen.add(pick(CodeTables.ALLERGENS));
        }
        for (Allergen allergen : CodeTables.ALLERGENS) { // table order keeps the output stable
            if (!chosen.contains(allergen)) {
                continue;
            }
            allergyConflicts.addAll(allergen.conflicts());
            BNode allergy = graph.statement(ALLERGY);
            graph.coded(allergy, CATEGORY, allergen.category());
            int severity = random.nextDouble() < 0.9 ? random.nextInt(3) : 3;
            graph.coded(allergy, SEVERITY, CodeTables.ALLERGY_SEVERITIES.get(severity));
            Code reaction = severity == 3 ? CodeTables.ALLERGIC_REACTIONS.get(5)
                    : CodeTables.ALLERGIC_REACTIONS.get(random.nextInt(5));
            graph.coded(allergy, ALLERGIC_REACTION, reaction);
            graph.coded(allergy, sp(allergen.property()), allergen.code());
            graph.date(allergy, START_DATE, dateBetween(birthDate.plusDays(200), today.minusDays(1)));
        }
    }

    // ---- Visits and vital signs ----------------------------------------------------------------------------

    private void visitsWithVitalSigns() {
        double age = ageYears(today);
        List<LocalDate> dates = new ArrayList<>();
        List<Visit> kinds = new ArrayList<>();
        if (age < 18) {
            int[] months = {0, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60, 72, 84, 96, 108, 120, 132, 144, 156,
                168, 180, 192, 204};
            for (int m : months) {
                LocalDate date = m == 0 ? birthDate.plusDays(1) : birthDate.plusMonths(m).plusDays(random.nextInt(10));
                if (!date.isAfter(today)) {
                    dates.add(date);
                    kinds.add(m == 0 ? Visit.BIRTH : Visit.WELL_CHILD);
                }
            }
        } else {
            int years = Math.min((int) (age - 17), 2 + random.nextInt(age > 50 ? 7 : 5));
            LocalDate first = today.minusYears(years).plusDays(random.nextInt(300));
            for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(330 + random.nextInt(70))) {
                dates.add(date);
                kinds.add(Visit.ANNUAL);
                if (!chronic.isEmpty() && random.nextDouble() < 0.5 && date.plusDays(120).isBefore(today)) {
                    dates.add(date.plusDays(90 + random.nextInt(60)));
                    kinds.add(Visit.FOLLOW_UP);
                }
            }
        }
        for (Episode episode : episodes) {
            if (!episode.condition().chronic() && !episode.start().isAfter(today)) {
                dates.add(episode.start());
                kinds.add(random.nextDouble() < 0.2 ? Visit.EMERGENCY : Visit.SICK);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> dates.get(a).compareTo(dates.get(b)));
        for (int i : order) {
            LocalDate date = dates.get(i);
            Episode episode = kinds.get(i) == Visit.SICK || kinds.get(i) == Visit.EMERGENCY
                    ? episodes.stream().filter(e -> e.start().equals(date) && !e.condition().chronic()).findFirst()
                            .orElse(null)
                    : null;
            visits.add(new VisitRecord(date, kinds.get(i), episode, vitalSignSet(date, kinds.get(i), episode)));
        }
    }

    private BNode encounter(LocalDate date, Visit kind) {
        BNode encounter = graph.statement(ENCOUNTER);
        graph.date(encounter, START_DATE, date);
        graph.date(encounter, END_DATE, kind == Visit.BIRTH ? date.plusDays(1) : date);
        Code type = switch (kind) {
            case BIRTH -> CodeTables.INPATIENT;
            case EMERGENCY -> CodeTables.EMERGENCY;
            default -> random.nextDouble() < 0.03 ? CodeTables.HOME : CodeTables.AMBULATORY;
        };
        graph.coded(encounter, ENCOUNTER_TYPE, type);
        graph.add(encounter, FACILITY, facility());
        graph.add(encounter, PROVIDER_PROPERTY, provider());
        return encounter;
    }

    /** Records the vital-sign set of a visit and returns a one-line summary of it for notes. */
    private String vitalSignSet(LocalDate date, Visit kind, Episode episode) {
        BNode set = graph.statement(VITAL_SIGN_SET);
        graph.date(set, DC_DATE, date);
        graph.add(set, ENCOUNTER_PROPERTY, encounter(date, kind));

        double years = ageYears(date);
        double months = ageMonths(date);
        boolean febrile = episode != null && episode.condition() != CodeTables.URINARY_TRACT_INFECTION
                && random.nextDouble() < 0.7;
        StringBuilder summary = new StringBuilder();

        double height = years >= 20 ? GrowthCurves.heightCm(male, 240, heightZ)
                : GrowthCurves.heightCm(male, months, heightZ);
        double weight;
        if (years >= 20) {
            weight = adultBmi * Math.pow(height / 100, 2) * (1 + gaussian(0, 0.02));
        } else {
            double childZ = adultBmi >= 30 && years > 6 ? weightZ + 0.8 : weightZ;
            weight = GrowthCurves.weightKg(male, months, childZ) * (1 + gaussian(0, 0.01));
        }
        String heightText = number(height, 1);
        String weightText = number(weight, weight < 20 ? 2 : 1);
        graph.vitalSign(set, HEIGHT, months < 24 ? CodeTables.HEIGHT_LYING : CodeTables.HEIGHT, heightText, "cm");
        graph.vitalSign(set, WEIGHT, CodeTables.WEIGHT, weightText, "kg");
        summary.append("Height ").append(heightText).append(" cm, weight ").append(weightText).append(" kg");
        if (months >= 24) {
            double bmi = Double.parseDouble(weightText) / Math.pow(Double.parseDouble(heightText) / 100, 2);
            graph.vitalSign(set, BODY_MASS_INDEX, CodeTables.BMI, number(bmi, 1), "kg/m2");
            summary.append(", BMI ").append(number(bmi, 1));
        }
        if (months < 36) {
            String head = number(GrowthCurves.headCircumferenceCm(male, months, heightZ * 0.7), 1);
            graph.vitalSign(set, HEAD_CIRCUMFERENCE, CodeTables.HEAD_CIRCUMFERENCE, head, "cm");
            summary.append(", head circumference ").append(head).append(" cm");
        }

        double[] heartRate = years < 0.1 ? new double[] {140, 12} : years < 1 ? new double[] {128, 12}
                : years < 3 ? new double[] {112, 11} : years < 6 ? new double[] {100, 9}
                : years < 12 ? new double[] {88, 9} : years < 18 ? new double[] {78, 9} : new double[] {72, 9};
        double[] breathing = years < 0.1 ? new double[] {44, 5} : years < 1 ? new double[] {34, 4}
                : years < 3 ? new double[] {27, 3} : years < 6 ? new double[] {23, 2}
                : years < 12 ? new double[] {20, 2} : years < 18 ? new double[] {17, 2} : new double[] {15, 1.5};
        String pulse = number(clamp(gaussian(heartRate[0] + (febrile ? 12 : 0), heartRate[1]), 45, 190), 0);
        String respiration = number(clamp(gaussian(breathing[0] + (febrile ? 3 : 0), breathing[1]), 10, 65), 0);
        String temperature = number(febrile ? clamp(gaussian(38.4, 0.5), 37.8, 40.2)
                : clamp(gaussian(36.8, 0.25), 36.1, 37.5), 1);
        graph.vitalSign(set, HEART_RATE, CodeTables.HEART_RATE, pulse, "{beats}/min");
        graph.vitalSign(set, RESPIRATORY_RATE, CodeTables.RESPIRATORY_RATE, respiration, "{breaths}/min");
        graph.vitalSign(set, TEMPERATURE, CodeTables.TEMPERATURE, temperature, "Cel");
        summary.append(", pulse ").append(pulse).append("/min, respirations ").append(respiration)
                .append("/min, temperature ").append(temperature).append(" C");
        if (random.nextDouble() < 0.6) {
            double low = chronic.contains(CodeTables.HEART_FAILURE) || chronic.contains(CodeTables.ASTHMA) ? 2 : 0;
            String saturation = number(clamp(gaussian(98 - low, 1), 92, 100), 0);
            graph.vitalSign(set, OXYGEN_SATURATION, CodeTables.OXYGEN_SATURATION, saturation,
                    "%{HemoglobinSaturation}");
            summary.append(", SpO2 ").append(saturation).append('%');
        }
        if (years >= 3) {
            summary.append(", blood pressure ").append(bloodPressure(set, date, years));
        }
        return summary.toString();
    }

    private String bloodPressure(BNode set, LocalDate date, double years) {
        double systolic;
        double diastolic;
        if (years < 18) {
            systolic = gaussian(88 + 1.5 * years, 6);
            diastolic = gaussian(Math.min(48 + 1.4 * years, 70), 5);
        } else {
            boolean hypertensive = episodes.stream().anyMatch(e -> e.condition() == CodeTables.HYPERTENSION
                    && !e.start().isAfter(date));
            boolean treated = prescriptions.stream().anyMatch(p -> p.condition() == CodeTables.HYPERTENSION
                    && !p.start().isAfter(date) && (p.end() == null || p.end().isAfter(date)));
            double raise = hypertensive ? (treated ? 8 : 20) : 0;
            systolic = gaussian(108 + 0.45 * (years - 18) + raise, 8);
            diastolic = gaussian(70 + Math.min(0.2 * (years - 18), 8) + raise / 2, 6);
        }
        systolic = clamp(systolic, 75, 200);
        diastolic = clamp(diastolic, 35, Math.min(120, systolic - 20));
        BNode pressure = graph.node(BLOOD_PRESSURE);
        String systolicText = number(systolic, 0);
        String diastolicText = number(diastolic, 0);
        graph.vitalSign(pressure, SYSTOLIC, CodeTables.SYSTOLIC, systolicText, "mm[Hg]");
        graph.vitalSign(pressure, DIASTOLIC, CodeTables.DIASTOLIC, diastolicText, "mm[Hg]");
        graph.coded(pressure, BODY_POSITION, random.nextDouble() < 0.9 ? CodeTables.BP_SITTING : CodeTables.BP_SUPINE);
        graph.coded(pressure, BODY_SITE, random.nextDouble() < 0.7 ? CodeTables.BP_RIGHT_ARM : CodeTables.BP_LEFT_ARM);
        if (random.nextDouble() < 0.5) {
            graph.coded(pressure, METHOD, random.nextDouble() < 0.6 ? CodeTables.BP_MACHINE
                    : CodeTables.BP_AUSCULTATION);
        }
        graph.add(set, BLOOD_PRESSURE_PROPERTY, pressure);
        return systolicText + "/" + diastolicText + " mmHg";
    }

    // ---- Laboratory ---------------------------------------------------------------------------------------------

    private void labResults() {
        int accession = 0;
        List<VisitRecord> annual = visits.stream().filter(v -> v.kind() == Visit.ANNUAL).toList();
        for (VisitRecord visit : annual.subList(Math.max(0, annual.size() - 3), annual.size())) {
            String accessionNumber = accession(accession++);
            double age = ageYears(visit.date());
            panel(age >= 40 || chronic.contains(CodeTables.CHRONIC_KIDNEY_DISEASE) ? CodeTables.COMPREHENSIVE_METABOLIC
                    : CodeTables.BASIC_METABOLIC, visit.date(), accessionNumber, null);
            if (random.nextDouble() < 0.5) {
                panel(CodeTables.BLOOD_COUNT, visit.date(), accessionNumber, null);
            }
            if (age >= 35 || chronic.contains(CodeTables.HYPERLIPIDEMIA)) {
                panel(CodeTables.LIPIDS, visit.date(), accessionNumber, null);
            }
            if (chronic.contains(CodeTables.TYPE_2_DIABETES)) {
                labResult(CodeTables.HEMOGLOBIN_A1C, visit.date(), accessionNumber);
                labResult(CodeTables.MICROALBUMIN_RATIO, visit.date(), accessionNumber);
            }
            if (chronic.contains(CodeTables.HYPOTHYROIDISM)) {
                labResult(CodeTables.THYROTROPIN, visit.date(), accessionNumber);
            }
            if (prescriptions.stream().anyMatch(p -> p.drug() == CodeTables.WARFARIN
                    && !p.start().isAfter(visit.date()))) {
                labResult(CodeTables.INR, visit.date(), accessionNumber);
            }
            if (random.nextDouble() < 0.3) {
                panel(CodeTables.URINALYSIS, visit.date(), accessionNumber, null);
            }
        }
        for (VisitRecord visit : visits) {
            if (visit.kind() == Visit.WELL_CHILD && Math.round(ageMonths(visit.date())) == 12) {
                String accessionNumber = accession(accession++);
                panel(CodeTables.BLOOD_COUNT, visit.date(), accessionNumber, null);
                labResult(CodeTables.LEAD, visit.date(), accessionNumber);
            }
            if (visit.episode() != null && visit.episode().condition() == CodeTables.STREP_THROAT) {
                BNode result = narrativeResult(CodeTables.RAPID_STREP, visit.date(), accession(accession++), true);
                graph.literal(result, NOTES, "Rapid antigen test from throat swab.");
            }
            if (visit.episode() != null && visit.episode().condition() == CodeTables.URINARY_TRACT_INFECTION) {
                panel(CodeTables.URINALYSIS, visit.date(), accession(accession++), visit.episode());
            }
        }
    }

    private String accession(int sequence) {
        return "A" + recordId + String.format("%03d", sequence);
    }

    private void panel(Panel panel, LocalDate date, String accessionNumber, Episode infection) {
        BNode node = graph.statement(LAB_PANEL);
        graph.coded(node, LAB_NAME, panel.code());
        for (LabTest test : panel.tests()) {
            graph.add(node, LAB_RESULT_PROPERTY, labResult(test, date, accessionNumber));
        }
        for (NarrativeTest test : panel.narrativeTests()) {
            boolean abnormal = infection != null && (test == CodeTables.URINE_NITRITE
                    || test == CodeTables.URINE_LEUKOCYTE_ESTERASE || test == CodeTables.URINE_APPEARANCE);
            graph.add(node, LAB_RESULT_PROPERTY, narrativeResult(test, date, accessionNumber, abnormal));
        }
    }

    private BNode labResult(LabTest test, LocalDate date, String accessionNumber) {
        BNode result = labResultHead(test.code(), date, accessionNumber);
        double value = labValue(test, date);
        String valueText = number(value, test.decimals());
        double shown = Double.parseDouble(valueText);

        BNode quantitative = graph.node(QUANTITATIVE_RESULT);
        graph.valueAndUnit(quantitative, VALUE_AND_UNIT_PROPERTY, valueText, test.unit());
        graph.add(quantitative, NORMAL_RANGE, range(test.low(), test.high(), test));
        if (test.hasCriticalLimits()) {
            graph.add(quantitative, NON_CRITICAL_RANGE, range(test.criticalLow(), test.criticalHigh(), test));
        }
        graph.add(result, QUANTITATIVE_RESULT_PROPERTY, quantitative);

        Code interpretation = test.hasCriticalLimits() && (shown < test.criticalLow() || shown > test.criticalHigh())
                ? CodeTables.LAB_CRITICAL
                : shown < test.low() || shown > test.high() ? CodeTables.LAB_ABNORMAL : CodeTables.LAB_NORMAL;
        graph.coded(result, ABNORMAL_INTERPRETATION, interpretation);
        return result;
    }

    private BNode labResultHead(Code name, LocalDate date, String accessionNumber) {
        BNode result = graph.statement(LAB_RESULT);
        graph.coded(result, LAB_NAME, name);
        graph.date(result, DC_DATE, date);
        graph.literal(result, ACCESSION_NUMBER, accessionNumber);
        double r = random.nextDouble();
        graph.coded(result, LAB_STATUS, r < 0.92 ? CodeTables.LAB_FINAL
                : r < 0.97 ? CodeTables.LAB_PRELIMINARY : CodeTables.LAB_CORRECTION);
        return result;
    }

    private BNode narrativeResult(NarrativeTest test, LocalDate date, String accessionNumber, boolean abnormal) {
        BNode result = labResultHead(test.code(), date, accessionNumber);
        BNode narrative = graph.node(NARRATIVE_RESULT);
        graph.literal(narrative, VALUE, pick(abnormal ? test.abnormal() : test.normal()));
        graph.add(result, NARRATIVE_RESULT_PROPERTY, narrative);
        graph.coded(result, ABNORMAL_INTERPRETATION, abnormal ? CodeTables.LAB_ABNORMAL : CodeTables.LAB_NORMAL);
        return result;
    }

    private BNode range(double low, double high, LabTest test) {
        BNode range = graph.node(VALUE_RANGE);
        graph.valueAndUnit(range, MINIMUM, number(low, test.decimals()), test.unit());
        graph.valueAndUnit(range, MAXIMUM, number(high, test.decimals()), test.unit());
        return range;
    }

    private double labValue(LabTest test, LocalDate date) {
        double mean = (test.low() + test.high()) / 2;
        double sd = (test.high() - test.low()) / 4.5;
        for (Condition condition : chronic) {
            Shift shift = CodeTables.CONDITION_SHIFTS.getOrDefault(condition, Map.of()).get(test);
            if (shift != null && !onsetAfter(condition, date)) {
                mean = shift.mean();
                sd = shift.sd();
                if (treatedOn(condition, date)) {
                    // Treatment brings the value most of the way back to the healthy range.
                    mean = mean + (((test.low() + test.high()) / 2) - mean) * 0.6;
                }
            }
        }
        if (test == CodeTables.INR) {
            mean = 2.5;
            sd = 0.4;
        }
        if (test == CodeTables.HEMOGLOBIN && !male) {
            mean -= 1.2;
        }
        double value = gaussian(mean, sd);
        if (test == CodeTables.TRIGLYCERIDE || test == CodeTables.LDL || test == CodeTables.MICROALBUMIN_RATIO
                || test == CodeTables.LEAD) {
            value = Math.abs(value); // one-sided ranges start at zero
        }
        return Math.max(value, test.low() * 0.3);
    }

    private boolean onsetAfter(Condition condition, LocalDate date) {
        return episodes.stream().noneMatch(e -> e.condition() == condition && !e.start().isAfter(date));
    }

    private boolean treatedOn(Condition condition, LocalDate date) {
        return prescriptions.stream().anyMatch(p -> p.condition() == condition && !p.start().isAfter(date)
                && (p.end() == null || p.end().isAfter(date)));
    }

    // ---- Immunizations ---------------------------------------------------------------------------------------

    private void immunizations() {
        double age = ageYears(today);
        if (age < 19) {
            for (ScheduledDose dose : CodeTables.CHILDHOOD_SCHEDULE) {
                LocalDate date = dose.ageMonths() == 0 ? birthDate.plusDays(1)
                        : birthDate.plusMonths(dose.ageMonths()).plusDays(random.nextInt(10));
                if (!date.isAfter(today)) {
                    immunization(dose.vaccine(), date);
                }
            }
        }
        if (age >= 0.6) {
            int seasons = age < 19 ? Math.min(2, (int) age + 1) : random.nextInt(4);
            for (int i = seasons; i >= 1; i--) {
                LocalDate date = LocalDate.of(today.getYear() - i, 10, 1).plusDays(random.nextInt(45));
                if (ageMonths(date) >= 6) {
                    immunization(CodeTables.INFLUENZA, date);
                }
            }
        }
        if (age >= 19) {
            if (random.nextDouble() < 0.6) {
                immunization(CodeTables.TD_ADULT, today.minusDays(random.nextInt(3650)));
            }
            if (age >= 60 && random.nextDouble() < 0.5) {
                immunization(CodeTables.ZOSTER, dateBetween(max(birthDate.plusYears(60), today.minusYears(10)),
                        today));
            }
            if (age >= 65 && random.nextDouble() < 0.7) {
                immunization(CodeTables.PPSV23, dateBetween(birthDate.plusYears(65), today));
            }
        }
    }

    private void immunization(CodeTables.Vaccine vaccine, LocalDate date) {
        BNode immunization = graph.statement(IMMUNIZATION);
        graph.date(immunization, DC_DATE, date);
        double r = random.nextDouble();
        if (r < 0.04) {
            graph.coded(immunization, ADMINISTRATION_STATUS, CodeTables.NOT_ADMINISTERED);
            graph.coded(immunization, REFUSAL_REASON, pick(CodeTables.REFUSAL_REASONS));
        } else {
            graph.coded(immunization, ADMINISTRATION_STATUS,
                    r < 0.055 ? CodeTables.PARTIAL_DOSE : CodeTables.DOSE_GIVEN);
        }
        graph.coded(immunization, PRODUCT_NAME, vaccine.product());
        for (Code group : vaccine.groups()) {
            graph.coded(immunization, PRODUCT_CLASS, group);
        }
    }

    // ---- Procedures, social and family history ----------------------------------------------------------------

    private void procedures() {
        double age = ageYears(today);
        List<ProcedureKind> eligible = new ArrayList<>();
        for (ProcedureKind kind : CodeTables.PROCEDURES) {
            if (age >= kind.minAge() && (kind.sex() == null || kind.sex().equals(male ? "male" : "female"))) {
                eligible.add(kind);
            }
        }
        int count = eligible.isEmpty() ? 0 : random.nextDouble() < 0.45 ? 1 + random.nextInt(2) : 0;
        Set<ProcedureKind> done = new HashSet<>();
        for (int i = 0; i < count; i++) {
            done.add(pick(eligible));
        }
        if (chronic.contains(CodeTables.CORONARY_DISEASE) && random.nextDouble() < 0.5) {
            done.add(random.nextBoolean() ? CodeTables.CORONARY_BYPASS : CodeTables.CORONARY_INTERVENTION);
        }
        for (ProcedureKind kind : CodeTables.PROCEDURES) {
            if (done.contains(kind)) {
                procedure(kind);
            }
        }
        for (ProcedureKind kind : List.of(CodeTables.CORONARY_BYPASS, CodeTables.CORONARY_INTERVENTION)) {
            if (done.contains(kind)) {
                procedure(kind);
            }
        }
    }

    private void procedure(ProcedureKind kind) {
        BNode procedure = graph.statement(PROCEDURE);
        graph.coded(procedure, PROCEDURE_NAME, kind.code());
        LocalDate earliest = birthDate.plusDays((long) (kind.minAge() * 365.25));
        LocalDate latest = min(birthDate.plusDays((long) (kind.maxAge() * 365.25)), today);
        LocalDate date = dateBetween(max(earliest, latest.minusYears(15)), latest);
        graph.date(procedure, DC_DATE, date);
        double r = random.nextDouble();
        graph.coded(procedure, PROCEDURE_STATUS, r < 0.9 ? CodeTables.PROCEDURE_COMPLETE
                : r < 0.95 ? CodeTables.PROCEDURE_CANCELLED : r < 0.98 ? CodeTables.PROCEDURE_ACTIVE
                : CodeTables.PROCEDURE_ABORTED);
        graph.add(procedure, PROVIDER_PROPERTY, provider());
        if (random.nextDouble() < 0.4) {
            graph.literal(procedure, NOTES, "Tolerated well; no complications.");
        }
    }

    private void socialHistory() {
        double age = ageYears(today);
        if (age < 12) {
            return;
        }
        BNode history = graph.statement(SOCIAL_HISTORY);
        double r = random.nextDouble();
        Code status;
        if (age < 18) {
            status = r < 0.93 ? CodeTables.NEVER_SMOKER : CodeTables.CURRENT_SOME_DAY_SMOKER;
        } else {
            status = r < 0.55 ? CodeTables.NEVER_SMOKER : r < 0.8 ? CodeTables.FORMER_SMOKER
                    : r < 0.92 ? CodeTables.CURRENT_EVERY_DAY_SMOKER : r < 0.96 ? CodeTables.CURRENT_SOME_DAY_SMOKER
                    : CodeTables.SMOKING_UNKNOWN;
        }
        graph.coded(history, SMOKING_STATUS, status);
    }

    private void familyHistory() {
        if (random.nextDouble() >= 0.4) {
            return;
        }
        int count = 1 + random.nextInt(3);
        Set<Relative> relatives = new HashSet<>();
        for (int i = 0; i < count; i++) {
            relatives.add(pick(CodeTables.RELATIVES));
        }
        for (Relative relative : CodeTables.RELATIVES) {
            if (!relatives.contains(relative)) {
                continue;
            }
            BNode history = graph.statement(FAMILY_HISTORY);
            graph.coded(history, ABOUT_RELATIVE, relative.code());
            int problems = 1 + (random.nextDouble() < 0.3 ? 1 : 0);
            Set<Code> had = new HashSet<>();
            while (had.size() < problems) {
                had.add(pick(CodeTables.FAMILY_PROBLEMS));
            }
            for (Code problem : CodeTables.FAMILY_PROBLEMS) {
                if (had.contains(problem)) {
                    graph.coded(history, HAS_PROBLEM, problem);
                }
            }
            LocalDate born = birthDate.minusYears(relative.minYearsOlder()
                    + random.nextInt(relative.maxYearsOlder() - relative.minYearsOlder() + 1))
                    .withDayOfYear(1 + random.nextInt(360));
            if (born.isBefore(today.minusYears(1)) && random.nextDouble() < 0.7) {
                graph.date(history, V_BDAY, born);
                if (born.isBefore(today.minusYears(60)) && random.nextDouble() < 0.5) {
                    graph.date(history, V_DEATHDATE, dateBetween(born.plusYears(55), today.minusDays(1)));
                }
            }
            if (born.isBefore(today.minusYears(20)) && random.nextDouble() < 0.5) {
                double z = gaussian(0, 1);
                graph.vitalSign(history, HEIGHT, CodeTables.HEIGHT,
                        number(GrowthCurves.heightCm("male".equals(relative.sex()), 240, z), 0), "cm");
            }
        }
    }

    // ---- Notes, documents and photograph ----------------------------------------------------------------------

    private void clinicalNotes() {
        if (visits.isEmpty() || random.nextDouble() >= 0.45) {
            return;
        }
        int count = 1 + random.nextInt(Math.min(3, visits.size()));
        for (VisitRecord visit : visits.subList(visits.size() - count, visits.size())) {
            BNode note = graph.statement(CLINICAL_NOTE);
            graph.date(note, DC_DATE, visit.date());
            graph.literal(note, DC_TITLE, noteTitle(visit));
            mediaType(note, "text/plain");
            graph.coded(note, DOCUMENT_TYPE, CodeTables.DOCUMENT_NOTE);
            graph.add(note, PROVIDER_PROPERTY, provider());
            BNode resource = graph.node(RESOURCE);
            BNode content = graph.node(CONTENT);
            graph.literal(content, ENCODING, "UTF-8");
            graph.literal(content, VALUE, noteText(visit));
            graph.add(resource, CONTENT_PROPERTY, content);
            graph.add(note, RESOURCE_PROPERTY, resource);
        }
    }

    private String noteTitle(VisitRecord visit) {
        return switch (visit.kind()) {
            case BIRTH -> "Newborn nursery note";
            case WELL_CHILD -> "Well child visit";
            case ANNUAL -> "Annual physical examination";
            case FOLLOW_UP -> "Chronic care follow-up visit";
            case SICK -> "Acute care visit: " + visit.episode().condition().code().title().toLowerCase();
            case EMERGENCY -> "Emergency department note";
        };
    }

    private String noteText(VisitRecord visit) {
        StringBuilder text = new StringBuilder();
        text.append("Patient: ").append(givenName).append(' ').append(familyName).append(", ")
                .append(ageText(visit.date())).append(' ').append(male ? "male" : "female").append(".\n");
        text.append("Subjective: ");
        if (visit.episode() != null) {
            text.append("Presents with symptoms of ").append(visit.episode().condition().code().title().toLowerCase())
                    .append(" for ").append(1 + random.nextInt(5)).append(" days.\n");
        } else {
            text.append("Routine visit. No new complaints.\n");
        }
        text.append("Objective: ").append(visit.summary()).append(".\n");
        text.append("Assessment: ");
        List<String> active = new ArrayList<>();
        for (Episode episode : episodes) {
            if (!episode.start().isAfter(visit.date())
                    && (episode.end() == null || !episode.end().isBefore(visit.date()))) {
                active.add(episode.condition().code().title());
            }
        }
        text.append(active.isEmpty() ? "Healthy." : String.join("; ", active) + ".").append('\n');
        text.append("Plan: ");
        List<String> drugs = new ArrayList<>();
        for (Prescription prescription : prescriptions) {
            if (!prescription.start().isAfter(visit.date())
                    && (prescription.end() == null || !prescription.end().isBefore(visit.date()))) {
                drugs.add(prescription.drug().code().title());
            }
        }
        text.append(drugs.isEmpty() ? "No medications." : "Continue " + String.join(", ", drugs) + ".")
                .append(" Return in ").append(visit.episode() != null ? "2 weeks if not improving" : "one year")
                .append(".\n");
        text.append("Signed: Dr. ").append(provider[0]).append(' ').append(provider[1]).append('\n');
        return text.toString();
    }

    private String ageText(LocalDate date) {
        double years = ageYears(date);
        if (years < 2) {
            long months = Math.round(ageMonths(date));
            return months < 1 ? ChronoUnit.DAYS.between(birthDate, date) + "-day-old" : months + "-month-old";
        }
        return (int) years + "-year-old";
    }

    private void documents() {
        if (!visits.isEmpty() && random.nextDouble() < 0.25) {
            VisitRecord visit = visits.get(visits.size() - 1);
            if (random.nextBoolean()) {
                String text = "Referral letter\n\nDate: " + visit.date() + "\nTo: Specialist clinic\n\nRe: "
                        + givenName + " " + familyName + ", born " + birthDate + ", MRN " + recordId
                        + "\n\nDear colleague,\n\nI would be grateful if you could see this patient. "
                        + "Findings at the last visit: " + visit.summary() + ".\n\nKind regards,\nDr. "
                        + provider[0] + " " + provider[1] + "\n" + NamePools.FACILITIES.get(facility) + "\n";
                document(DOCUMENT, "referral-" + visit.date() + ".txt", "text/plain", "Referral letter",
                        visit.date(), DocumentFiles.text(text), List.of(CodeTables.DOCUMENT_REFERRAL,
                                CodeTables.DOCUMENT_LETTER));
            } else {
                List<String> lines = List.of("Patient: " + givenName + " " + familyName + " (MRN " + recordId + ")",
                        "Date of birth: " + birthDate, "Visit date: " + visit.date(),
                        "Measurements: " + visit.summary(), "Clinician: Dr. " + provider[0] + " " + provider[1]);
                document(DOCUMENT, "visit-summary-" + visit.date() + ".pdf", "application/pdf", "Visit summary",
                        visit.date(), DocumentFiles.pdf("Visit summary", lines), List.of(CodeTables.DOCUMENT_SUMMARY,
                                CodeTables.DOCUMENT_REPORT));
            }
        }
        if (random.nextDouble() < 0.3) {
            LocalDate taken = visits.isEmpty() ? today : visits.get(visits.size() - 1).date();
            document(PHOTOGRAPH, "photo.png", "image/png", "Photograph of the patient", taken,
                    InitialsAvatar.png(givenName, familyName), List.of(CodeTables.DOCUMENT_IMAGE));
        }
    }

    private void document(IRI type, String fileName, String mediaType, String title, LocalDate date, byte[] bytes,
            List<Code> documentTypes) {
        files.put(fileName, bytes);
        BNode document = graph.statement(type);
        graph.date(document, DC_DATE, date);
        graph.literal(document, DC_TITLE, title);
        graph.literal(document, FILE_NAME, fileName);
        graph.valueAndUnit(document, FILE_SIZE, Integer.toString(bytes.length), "byte");
        mediaType(document, mediaType);
        for (Code documentType : documentTypes) {
            graph.coded(document, DOCUMENT_TYPE, documentType);
        }
        graph.add(document, PROVIDER_PROPERTY, provider());
        BNode resource = graph.node(RESOURCE);
        BNode hash = graph.node(HASH);
        graph.literal(hash, ALGORITHM, "SHA-256");
        graph.literal(hash, VALUE, sha256(bytes));
        graph.add(resource, HASH_PROPERTY, hash);
        graph.add(document, RESOURCE_PROPERTY, resource);
    }

    private void mediaType(Resource document, String mediaType) {
        IRI format = SimpleValueFactory.getInstance().createIRI(MEDIA_TYPES + mediaType);
        graph.add(format, RDF.TYPE, MEDIA_TYPE_OR_EXTENT);
        graph.literal(format, RDFS.LABEL, mediaType);
        graph.add(document, DC_FORMAT, format);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    // ---- Small helpers ------------------------------------------------------------------------------------------

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private double gaussian(double mean, double sd) {
        // Box-Muller on the splittable source (SplittableRandom has no nextGaussian in Java 17).
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** A 10-digit NPI with a valid Luhn check digit (computed with the 80840 prefix, as the NPI standard says). */
    static String npi(int base) {
        String body = "1" + String.format("%08d", base % 100_000_000);
        String withPrefix = "80840" + body;
        int sum = 0;
        boolean doubleIt = true;
        for (int i = withPrefix.length() - 1; i >= 0; i--) {
            int digit = withPrefix.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return body + (10 - sum % 10) % 10;
    }
}
