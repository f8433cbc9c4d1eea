package org.smartcontainer.records.generator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generator's own clinical code tables. Every code is a real concept of its vocabulary (RxNorm, SNOMED CT,
 * LOINC, NDF-RT, UNII, CDC CVX / vaccine groups) or a value of a SMART enumeration; which codes go together
 * (a problem and the drugs that treat it, a panel and its results) is our own choice.
 */
final class CodeTables {

    private CodeTables() {
    }

    // ---- SMART enumerations -------------------------------------------------------------------------------

    static final Code PROBLEM_ACTIVE = Code.snomedIn("ProblemStatus", "55561003", "Active");
    static final Code PROBLEM_INACTIVE = Code.snomedIn("ProblemStatus", "73425007", "Inactive");
    static final Code PROBLEM_RESOLVED = Code.snomedIn("ProblemStatus", "413322009", "Resolved");

    static final Code PROCEDURE_ACTIVE = Code.snomedIn("ProcedureStatus", "410523001", "Active");
    static final Code PROCEDURE_COMPLETE = Code.snomedIn("ProcedureStatus", "385658003", "Complete");
    static final Code PROCEDURE_ABORTED = Code.snomedIn("ProcedureStatus", "385657008", "Aborted");
    static final Code PROCEDURE_CANCELLED = Code.snomedIn("ProcedureStatus", "89925002", "Cancelled");

    static final Code NO_KNOWN_ALLERGIES = Code.snomedIn("AllergyExclusion", "160244002", "No known allergies");
    static final Code NO_KNOWN_DRUG_ALLERGY =
            Code.snomedIn("AllergyExclusion", "409137002", "No known history of drug allergy");

    static final Code FOOD_ALLERGY = Code.snomedIn("AllergyCategory", "414285001", "Food allergy");
    static final Code DRUG_ALLERGY = Code.snomedIn("AllergyCategory", "416098002", "Drug allergy");
    static final Code ENVIRONMENTAL_ALLERGY = Code.snomedIn("AllergyCategory", "426232007", "Environmental allergy");
    static final Code DRUG_INTOLERANCE = Code.snomedIn("AllergyCategory", "59037007", "Drug intolerance");

    static final List<Code> ALLERGY_SEVERITIES = List.of(
            Code.snomedIn("AllergySeverity", "255604002", "Mild"),
            Code.snomedIn("AllergySeverity", "6736007", "Moderate"),
            Code.snomedIn("AllergySeverity", "24484000", "Severe"),
            Code.snomedIn("AllergySeverity", "442452003", "Life threatening"));

    static final Code NEVER_SMOKER = Code.snomedIn("SmokingStatus", "266919005", "Never smoker");
    static final Code FORMER_SMOKER = Code.snomedIn("SmokingStatus", "8517006", "Former smoker");
    static final Code CURRENT_EVERY_DAY_SMOKER = Code.snomedIn("SmokingStatus", "449868002", "Current every day smoker");
    static final Code CURRENT_SOME_DAY_SMOKER =
            Code.snomedIn("SmokingStatus", "428041000124106", "Current some day smoker");
    static final Code SMOKING_UNKNOWN = Code.snomedIn("SmokingStatus", "266927001", "Unknown if ever smoked");

    static final Code AMBULATORY = Code.smart("EncounterType", "ambulatory", "Ambulatory encounter");
    static final Code EMERGENCY = Code.smart("EncounterType", "emergency", "Emergency encounter");
    static final Code HOME = Code.smart("EncounterType", "home", "Home encounter");
    static final Code INPATIENT = Code.smart("EncounterType", "inpatient", "Inpatient encounter");

    static final Code DOSE_GIVEN = Code.smart("ImmunizationAdministrationStatus", "doseGiven", "Dose Given");
    static final Code NOT_ADMINISTERED =
            Code.smart("ImmunizationAdministrationStatus", "notAdministered", "Not Administered");
    static final Code PARTIAL_DOSE =
            Code.smart("ImmunizationAdministrationStatus", "partialDose", "Dose Partially Administered");
    static final List<Code> REFUSAL_REASONS = List.of(
            Code.smart("ImmunizationRefusalReason", "patientOrParentRefused", "Patient/parent refused"),
            Code.smart("ImmunizationRefusalReason", "vaccineUnavailable", "Vaccine unavailable at visit"),
            Code.smart("ImmunizationRefusalReason", "providerDeferred", "Provider deferred"),
            Code.smart("ImmunizationRefusalReason", "contraindicated", "Contraindicated"));

    static final Code LAB_NORMAL = Code.smart("LabResultInterpretation", "normal", "Normal");
    static final Code LAB_ABNORMAL = Code.smart("LabResultInterpretation", "abnormal", "Abnormal");
    static final Code LAB_CRITICAL = Code.smart("LabResultInterpretation", "critical", "Critical");
    static final Code LAB_FINAL = Code.smart("LabStatus", "LabResultStatus", "final", "Final");
    static final Code LAB_PRELIMINARY = Code.smart("LabStatus", "LabResultStatus", "preliminary", "Preliminary");
    static final Code LAB_CORRECTION = Code.smart("LabStatus", "LabResultStatus", "correction", "Correction");

    static final Code BP_SITTING = Code.snomedIn("BloodPressureBodyPosition", "33586001", "Sitting");
    static final Code BP_SUPINE = Code.snomedIn("BloodPressureBodyPosition", "40199007", "Supine");
    static final Code BP_LEFT_ARM = Code.snomedIn("BloodPressureBodySite", "368208006", "Left arm");
    static final Code BP_RIGHT_ARM = Code.snomedIn("BloodPressureBodySite", "368209003", "Right arm");
    static final Code BP_AUSCULTATION = Code.smart("BloodPressureMethod", "auscultation", "Auscultation");
    static final Code BP_MACHINE = Code.smart("BloodPressureMethod", "machine", "Machine");

    static final Code DOCUMENT_IMAGE =
            Code.smart("DocumentType", "image", "A digital image pertaining to the patient record");
    static final Code DOCUMENT_LETTER = Code.smart("DocumentType", "letter", "Letter about the patient");
    static final Code DOCUMENT_NOTE = Code.smart("DocumentType", "note", "A clinical note about the patient");
    static final Code DOCUMENT_REFERRAL = Code.smart("DocumentType", "referral", "Patient referral note");
    static final Code DOCUMENT_REPORT = Code.smart("DocumentType", "report", "A report about the patient");
    static final Code DOCUMENT_SUMMARY = Code.smart("DocumentType", "summary", "Summary about the patient");

    // ---- Vital signs (LOINC, SMART vital-sign value set) -------------------------------------------------

    static final Code HEIGHT = Code.vitalSign("8302-2", "Body height");
    static final Code HEIGHT_LYING = Code.vitalSign("8306-3", "Body height (lying)");
    static final Code WEIGHT = Code.vitalSign("3141-9", "Body weight");
    static final Code BMI = Code.vitalSign("39156-5", "Body mass index");
    static final Code HEAD_CIRCUMFERENCE = Code.vitalSign("8287-5", "Head circumference");
    static final Code HEART_RATE = Code.vitalSign("8867-4", "Heart rate");
    static final Code RESPIRATORY_RATE = Code.vitalSign("9279-1", "Respiration rate");
    static final Code TEMPERATURE = Code.vitalSign("8310-5", "Body temperature");
    static final Code OXYGEN_SATURATION = Code.vitalSign("2710-2", "Oxygen saturation");
    static final Code SYSTOLIC = Code.vitalSign("8480-6", "Intravascular systolic");
    static final Code DIASTOLIC = Code.vitalSign("8462-4", "Intravascular diastolic");

    // ---- Drugs (RxNorm SCD / SBD) -------------------------------------------------------------------------

    /**
     * A prescribable drug with the usual sig: {@code dose} {@code doseUnit} taken {@code perDay} times a day.
     * {@code packageUnit} is set for drugs dispensed as whole packages (inhalers); {@code courseDays} is 0 for
     * long-term drugs. {@code ingredients} are RxNorm ingredient ids, to keep allergies and drugs apart.
     */
    record Drug(Code code, String instructions, double dose, String doseUnit, double perDay, String packageUnit,
            int courseDays, Set<String> ingredients) {

        boolean longTerm() {
            return courseDays == 0;
        }
    }

    private static Drug daily(String rxcui, String title, String instructions, double dose, double perDay,
            String ingredient) {
        return new Drug(Code.rxnormDrug(rxcui, title), instructions, dose, "{tablet}", perDay, null, 0,
                Set.of(ingredient));
    }

    private static Drug course(String rxcui, String title, String instructions, double dose, String unit,
            double perDay, int days, String... ingredients) {
        return new Drug(Code.rxnormDrug(rxcui, title), instructions, dose, unit, perDay, null, days,
                Set.of(ingredients));
    }

    private static Drug inhaler(String rxcui, String title, String instructions, double puffs, double perDay,
            String ingredient) {
        return new Drug(Code.rxnormDrug(rxcui, title), instructions, puffs, "{puff}", perDay, "{inhaler}", 0,
                Set.of(ingredient));
    }

    static final Drug METFORMIN = daily("861007", "metformin hydrochloride 500 MG Oral Tablet",
            "Take 1 tablet by mouth twice daily with meals", 1, 2, "6809");
    static final Drug LISINOPRIL_10 = daily("314076", "lisinopril 10 MG Oral Tablet",
            "Take 1 tablet by mouth once daily", 1, 1, "29046");
    static final Drug LISINOPRIL_20 = daily("314077", "lisinopril 20 MG Oral Tablet",
            "Take 1 tablet by mouth once daily", 1, 1, "29046");
    static final Drug AMLODIPINE = daily("197361", "amlodipine 5 MG Oral Tablet",
            "Take 1 tablet by mouth once daily", 1, 1, "17767");
    static final Drug HYDROCHLOROTHIAZIDE = daily("310798", "hydrochlorothiazide 25 MG Oral Tablet",
            "Take 1 tablet by mouth every morning", 1, 1, "5487");
    static final Drug SIMVASTATIN = daily("312961", "simvastatin 20 MG Oral Tablet",
            "Take 1 tablet by mouth at bedtime", 1, 1, "36567");
    static final Drug LIPITOR = daily("617318", "atorvastatin 20 MG Oral Tablet [Lipitor]",
            "Take 1 tablet by mouth once daily", 1, 1, "83367");
    static final Drug ALBUTEROL = inhaler("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler",
            "Inhale 2 puffs every 4 to 6 hours as needed for wheezing", 2, 4, "435");
    static final Drug LEVOTHYROXINE = daily("966247", "levothyroxine sodium 0.05 MG Oral Tablet [Synthroid]",
            "Take 1 tablet by mouth every morning on an empty stomach", 1, 1, "10582");
    static final Drug SERTRALINE = daily("312938", "sertraline 100 MG Oral Tablet",
            "Take 1 tablet by mouth once daily", 1, 1, "36437");
    static final Drug WARFARIN = daily("855332", "warfarin sodium 5 MG Oral Tablet",
            "Take 1 tablet by mouth once daily in the evening or as directed", 1, 1, "11289");
    static final Drug METOPROLOL = daily("866924", "metoprolol tartrate 25 MG Oral Tablet",
            "Take 1 tablet by mouth twice daily", 1, 2, "6918");
    static final Drug CLOPIDOGREL = daily("309362", "clopidogrel 75 MG Oral Tablet",
            "Take 1 tablet by mouth once daily", 1, 1, "32968");
    static final Drug FUROSEMIDE = daily("310429", "furosemide 20 MG Oral Tablet",
            "Take 1 tablet by mouth every morning", 1, 1, "4603");
    static final Drug CARVEDILOL = daily("200033", "carvedilol 25 MG Oral Tablet",
            "Take 1 tablet by mouth twice daily with food", 1, 2, "20352");
    static final Drug NAPROXEN = daily("198014", "naproxen 500 MG Oral Tablet",
            "Take 1 tablet by mouth twice daily with food as needed for joint pain", 1, 2, "7258");
    static final Drug FEXOFENADINE = daily("310333", "fexofenadine hydrochloride 180 MG Oral Tablet",
            "Take 1 tablet by mouth once daily", 1, 1, "87636");
    static final Drug PANTOPRAZOLE = daily("314200", "pantoprazole 40 MG Delayed Release Oral Tablet",
            "Take 1 tablet by mouth once daily before breakfast", 1, 1, "40790");
    static final Drug ZOLPIDEM = daily("854873", "zolpidem tartrate 10 MG Oral Tablet",
            "Take 1 tablet by mouth at bedtime as needed for sleep", 1, 1, "39993");
    static final Drug AMOXICILLIN_SUSPENSION = course("313797", "amoxicillin 25 MG/ML Oral Suspension",
            "Give 5 mL by mouth three times daily for 10 days", 5, "mL", 3, 10, "723");
    static final Drug AMOXICILLIN_875 = course("308194", "amoxicillin 875 MG Oral Tablet",
            "Take 1 tablet by mouth twice daily for 10 days", 1, "{tablet}", 2, 10, "723");
    static final Drug PENICILLIN_V = course("834102", "penicillin V potassium 500 MG Oral Tablet",
            "Take 1 tablet by mouth twice daily for 10 days", 1, "{tablet}", 2, 10, "7984");
    static final Drug CIPROFLOXACIN = course("309309", "ciprofloxacin 500 MG Oral Tablet",
            "Take 1 tablet by mouth twice daily for 3 days", 1, "{tablet}", 2, 3, "2551");
    static final Drug PREDNISONE = course("312615", "prednisone 20 MG Oral Tablet",
            "Take 2 tablets by mouth once daily for 5 days", 2, "{tablet}", 1, 5, "8640");

    // ---- Problems (SNOMED CT) and what goes with them ------------------------------------------------------

    /** A problem that may appear between {@code minAge} and {@code maxAge} years with a yearly-ish prevalence. */
    record Condition(Code code, int minAge, int maxAge, double prevalence, boolean chronic, List<Drug> drugs) {
    }

    static final Condition TYPE_2_DIABETES = new Condition(Code.snomed("44054006", "Diabetes mellitus type 2"),
            30, 120, 0.16, true, List.of(METFORMIN));
    static final Condition HYPERTENSION = new Condition(Code.snomed("38341003", "Hypertensive disorder"),
            30, 120, 0.35, true, List.of(LISINOPRIL_10, LISINOPRIL_20, AMLODIPINE, HYDROCHLOROTHIAZIDE));
    static final Condition HYPERLIPIDEMIA = new Condition(Code.snomed("55822004", "Hyperlipidemia"),
            35, 120, 0.30, true, List.of(SIMVASTATIN, LIPITOR));
    static final Condition ASTHMA = new Condition(Code.snomed("195967001", "Asthma"), 3, 120, 0.09, true,
            List.of(ALBUTEROL));
    static final Condition HYPOTHYROIDISM = new Condition(Code.snomed("40930008", "Hypothyroidism"),
            25, 120, 0.07, true, List.of(LEVOTHYROXINE));
    static final Condition DEPRESSION = new Condition(Code.snomed("35489007", "Depressive disorder"),
            16, 120, 0.10, true, List.of(SERTRALINE));
    static final Condition ATRIAL_FIBRILLATION = new Condition(Code.snomed("49436004", "Atrial fibrillation"),
            60, 120, 0.12, true, List.of(WARFARIN, METOPROLOL));
    static final Condition CORONARY_DISEASE = new Condition(Code.snomed("53741008", "Coronary arteriosclerosis"),
            50, 120, 0.10, true, List.of(CLOPIDOGREL, METOPROLOL));
    static final Condition HEART_FAILURE = new Condition(Code.snomed("84114007", "Heart failure"),
            60, 120, 0.06, true, List.of(FUROSEMIDE, CARVEDILOL));
    static final Condition OSTEOARTHRITIS = new Condition(Code.snomed("396275006", "Osteoarthritis"),
            50, 120, 0.20, true, List.of(NAPROXEN));
    static final Condition ALLERGIC_RHINITIS = new Condition(Code.snomed("61582004", "Allergic rhinitis"),
            5, 120, 0.12, true, List.of(FEXOFENADINE));
    static final Condition REFLUX = new Condition(Code.snomed("235595009", "Gastroesophageal reflux disease"),
            20, 120, 0.10, true, List.of(PANTOPRAZOLE));
    static final Condition INSOMNIA = new Condition(Code.snomed("193462001", "Insomnia"), 25, 120, 0.05, true,
            List.of(ZOLPIDEM));
    static final Condition OBESITY = new Condition(Code.snomed("414916001", "Obesity"), 12, 120, 0.0, true,
            List.of());
    static final Condition CHRONIC_KIDNEY_DISEASE = new Condition(
            Code.snomed("433144002", "Chronic kidney disease stage 3"), 55, 120, 0.05, true, List.of());
    static final Condition MIGRAINE = new Condition(Code.snomed("37796009", "Migraine"), 12, 70, 0.06, true,
            List.of());

    static final Condition OTITIS_MEDIA = new Condition(Code.snomed("65363002", "Otitis media"), 0, 8, 0.35,
            false, List.of(AMOXICILLIN_SUSPENSION));
    static final Condition STREP_THROAT = new Condition(Code.snomed("43878008", "Streptococcal sore throat"),
            3, 40, 0.12, false, List.of(PENICILLIN_V));
    static final Condition SINUSITIS = new Condition(Code.snomed("36971009", "Sinusitis"), 12, 120, 0.10, false,
            List.of(AMOXICILLIN_875));
    static final Condition URINARY_TRACT_INFECTION = new Condition(
            Code.snomed("68566005", "Urinary tract infectious disease"), 16, 120, 0.08, false,
            List.of(CIPROFLOXACIN));
    static final Condition ACUTE_BRONCHITIS = new Condition(Code.snomed("10509002", "Acute bronchitis"),
            2, 120, 0.08, false, List.of(PREDNISONE));
    static final Condition VIRAL_URI = new Condition(
            Code.snomed("54150009", "Upper respiratory infection"), 0, 120, 0.20, false, List.of());

    static final List<Condition> CHRONIC_CONDITIONS = List.of(TYPE_2_DIABETES, HYPERTENSION, HYPERLIPIDEMIA,
            ASTHMA, HYPOTHYROIDISM, DEPRESSION, ATRIAL_FIBRILLATION, CORONARY_DISEASE, HEART_FAILURE,
            OSTEOARTHRITIS, ALLERGIC_RHINITIS, REFLUX, INSOMNIA, CHRONIC_KIDNEY_DISEASE, MIGRAINE);
    static final List<Condition> ACUTE_CONDITIONS = List.of(OTITIS_MEDIA, STREP_THROAT, SINUSITIS,
            URINARY_TRACT_INFECTION, ACUTE_BRONCHITIS, VIRAL_URI);

    // ---- Allergies ----------------------------------------------------------------------------------------

    /** An allergen with its SMART category; {@code conflicts} lists RxNorm ingredients the patient must not get. */
    record Allergen(String property, Code code, Code category, Set<String> conflicts) {
    }

    static final List<Allergen> ALLERGENS = List.of(
            new Allergen("drugAllergen", Code.rxnormIngredient("7980", "penicillin G"), DRUG_ALLERGY,
                    Set.of("7980", "7984", "723")),
            new Allergen("drugAllergen", Code.rxnormIngredient("723", "amoxicillin"), DRUG_ALLERGY,
                    Set.of("723")),
            new Allergen("drugAllergen", Code.rxnormIngredient("2670", "codeine"), DRUG_INTOLERANCE,
                    Set.of("2670")),
            new Allergen("drugAllergen", Code.rxnormIngredient("1191", "aspirin"), DRUG_ALLERGY,
                    Set.of("1191")),
            new Allergen("drugAllergen", Code.rxnormIngredient("5640", "ibuprofen"), DRUG_INTOLERANCE,
                    Set.of("5640", "7258")),
            new Allergen("drugClassAllergen", Code.ndfrt("N0000175503", "sulfonamide antibacterial"),
                    DRUG_ALLERGY, Set.of("10180")),
            new Allergen("otherAllergen", Code.unii("QE1QX6B99R", "peanut"), FOOD_ALLERGY, Set.of()),
            new Allergen("otherAllergen", Code.unii("1891LE191T", "shrimp"), FOOD_ALLERGY, Set.of()),
            new Allergen("otherAllergen", Code.unii("2LQ0UUW8IN", "natural latex rubber"), ENVIRONMENTAL_ALLERGY,
                    Set.of()));

    static final List<Code> ALLERGIC_REACTIONS = List.of(
            Code.snomed("271807003", "Eruption of skin"),
            Code.snomed("126485001", "Urticaria"),
            Code.snomed("418290006", "Itching"),
            Code.snomed("422587007", "Nausea"),
            Code.snomed("267036007", "Dyspnea"),
            Code.snomed("39579001", "Anaphylaxis"));

    // ---- Immunizations (CDC CVX products and vaccine groups) -----------------------------------------------

    /** A vaccine product with the vaccine groups it counts for. */
    record Vaccine(Code product, List<Code> groups) {
    }

    private static Vaccine vaccine(String cvx, String title, String... groups) {
        return new Vaccine(Code.cvx(cvx, title), java.util.Arrays.stream(groups).map(Code::vaccineGroup).toList());
    }

    static final Vaccine HEP_B_PEDIATRIC =
            vaccine("08", "hepatitis B vaccine, pediatric or pediatric/adolescent dosage", "HepB");
    static final Vaccine DTAP = vaccine("20", "diphtheria, tetanus toxoids and acellular pertussis vaccine", "DTAP");
    static final Vaccine DTAP_HEPB_IPV = vaccine("110", "DTaP-hepatitis B and poliovirus vaccine",
            "DTAP", "HepB", "POLIO");
    static final Vaccine IPV = vaccine("10", "poliovirus vaccine, inactivated", "POLIO");
    static final Vaccine HIB = vaccine("49", "Haemophilus influenzae type b vaccine, PRP-OMP conjugate", "HIB");
    static final Vaccine PCV13 = vaccine("133", "pneumococcal conjugate vaccine, 13 valent", "PneumoPCV");
    static final Vaccine ROTAVIRUS = vaccine("116", "rotavirus, live, pentavalent vaccine", "ROTAVIRUS");
    static final Vaccine MMR = vaccine("03", "measles, mumps and rubella virus vaccine", "MMR");
    static final Vaccine VARICELLA = vaccine("21", "varicella virus vaccine", "VARICELLA");
    static final Vaccine HEP_A_PEDIATRIC =
            vaccine("83", "hepatitis A vaccine, pediatric/adolescent dosage, 2 dose schedule", "HepA");
    static final Vaccine INFLUENZA = vaccine("140", "influenza, seasonal, injectable, preservative free", "FLU");
    static final Vaccine TDAP = vaccine("115",
            "tetanus toxoid, reduced diphtheria toxoid, and acellular pertussis vaccine, adsorbed", "DTAP");
    static final Vaccine TD_ADULT =
            vaccine("113", "tetanus and diphtheria toxoids, adsorbed, preservative free, for adult use", "Td");
    static final Vaccine HPV = vaccine("62", "human papilloma virus vaccine, quadrivalent", "HPV");
    static final Vaccine MENINGOCOCCAL = vaccine("114",
            "meningococcal polysaccharide (groups A, C, Y and W-135) diphtheria toxoid conjugate vaccine (MCV4P)",
            "MENING");
    static final Vaccine ZOSTER = vaccine("121", "zoster vaccine, live", "ZOSTER");
    static final Vaccine PPSV23 = vaccine("33", "pneumococcal polysaccharide vaccine, 23 valent", "PneumoPPV");

    /** One dose of the childhood schedule: the vaccine and the age in months it is due. */
    record ScheduledDose(Vaccine vaccine, int ageMonths) {
    }

    static final List<ScheduledDose> CHILDHOOD_SCHEDULE = List.of(
            new ScheduledDose(HEP_B_PEDIATRIC, 0), new ScheduledDose(HEP_B_PEDIATRIC, 1),
            new ScheduledDose(DTAP, 2), new ScheduledDose(IPV, 2), new ScheduledDose(HIB, 2),
            new ScheduledDose(PCV13, 2), new ScheduledDose(ROTAVIRUS, 2),
            new ScheduledDose(DTAP, 4), new ScheduledDose(IPV, 4), new ScheduledDose(HIB, 4),
            new ScheduledDose(PCV13, 4), new ScheduledDose(ROTAVIRUS, 4),
            new ScheduledDose(DTAP_HEPB_IPV, 6), new ScheduledDose(PCV13, 6), new ScheduledDose(ROTAVIRUS, 6),
            new ScheduledDose(MMR, 12), new ScheduledDose(VARICELLA, 12), new ScheduledDose(HEP_A_PEDIATRIC, 12),
            new ScheduledDose(HIB, 12), new ScheduledDose(PCV13, 12),
            new ScheduledDose(DTAP, 15), new ScheduledDose(HEP_A_PEDIATRIC, 18),
            new ScheduledDose(DTAP, 48), new ScheduledDose(IPV, 48), new ScheduledDose(MMR, 48),
            new ScheduledDose(VARICELLA, 48),
            new ScheduledDose(TDAP, 132), new ScheduledDose(HPV, 132), new ScheduledDose(MENINGOCOCCAL, 132),
            new ScheduledDose(HPV, 138), new ScheduledDose(MENINGOCOCCAL, 192));

    // ---- Procedures (SNOMED CT procedures) ------------------------------------------------------------------

    /** A procedure and the ages (years) at which it is plausible. */
    record ProcedureKind(Code code, int minAge, int maxAge, String sex) {
    }

    private static ProcedureKind procedure(String id, String title, int minAge, int maxAge, String sex) {
        return new ProcedureKind(new Code(Code.SNOMED, id, title,
                List.of(SmartTerms.spcode("Procedure"), SmartTerms.spcode("SNOMED"))), minAge, maxAge, sex);
    }

    static final List<ProcedureKind> PROCEDURES = List.of(
            procedure("80146002", "Appendectomy", 8, 120, null),
            procedure("38102005", "Cholecystectomy", 30, 120, null),
            procedure("73761001", "Colonoscopy", 50, 120, null),
            procedure("173422009", "Tonsillectomy", 4, 30, null),
            procedure("11466000", "Cesarean section", 20, 45, "female"),
            procedure("71651007", "Mammography", 40, 120, "female"),
            procedure("22523008", "Vasectomy", 30, 60, "male"),
            procedure("52734007", "Total replacement of hip", 55, 120, null),
            procedure("609588000", "Total knee replacement", 55, 120, null),
            procedure("399208008", "Plain chest X-ray", 18, 120, null),
            procedure("29303009", "Electrocardiographic procedure", 40, 120, null),
            procedure("127783003", "Spirometry", 6, 120, null));

    static final ProcedureKind CORONARY_BYPASS = procedure("232717009", "Coronary artery bypass grafting",
            50, 120, null);
    static final ProcedureKind CORONARY_INTERVENTION = procedure("415070008",
            "Percutaneous coronary intervention", 50, 120, null);

    // ---- Family history (SNOMED CT) ---------------------------------------------------------------------------

    /** A relative, the SNOMED concept that names them, and how many years older than the patient they are. */
    record Relative(Code code, int minYearsOlder, int maxYearsOlder, String sex) {
    }

    static final List<Relative> RELATIVES = List.of(
            new Relative(Code.snomed("72705000", "Mother"), 18, 42, "female"),
            new Relative(Code.snomed("66839005", "Father"), 18, 48, "male"),
            new Relative(Code.snomed("70924004", "Brother"), -12, 12, "male"),
            new Relative(Code.snomed("27733009", "Sister"), -12, 12, "female"),
            new Relative(Code.snomed("113157001", "Grandmother"), 40, 80, "female"),
            new Relative(Code.snomed("34871008", "Grandfather"), 40, 85, "male"));

    static final List<Code> FAMILY_PROBLEMS = List.of(
            Code.snomed("22298006", "Myocardial infarction"),
            Code.snomed("44054006", "Diabetes mellitus type 2"),
            Code.snomed("38341003", "Hypertensive disorder"),
            Code.snomed("254837009", "Malignant neoplasm of breast"),
            Code.snomed("363406005", "Malignant tumor of colon"),
            Code.snomed("230690007", "Cerebrovascular accident"),
            Code.snomed("26929004", "Alzheimer's disease"),
            Code.snomed("195967001", "Asthma"),
            Code.snomed("399068003", "Malignant tumor of prostate"));

    // ---- Laboratory (LOINC) ----------------------------------------------------------------------------------

    /** A quantitative test with its UCUM unit, normal range, decimals shown and optional critical limits. */
    record LabTest(Code code, String unit, double low, double high, int decimals, double criticalLow,
            double criticalHigh) {

        boolean hasCriticalLimits() {
            return criticalHigh > 0;
        }
    }

    /** A narrative (text) test with its usual and its abnormal answers. */
    record NarrativeTest(Code code, List<String> normal, List<String> abnormal) {
    }

    /** A LOINC panel and the tests reported under it. */
    record Panel(Code code, List<LabTest> tests, List<NarrativeTest> narrativeTests) {
    }

    private static LabTest test(String loinc, String title, String unit, double low, double high, int decimals) {
        return new LabTest(Code.loinc(loinc, title), unit, low, high, decimals, 0, 0);
    }

    private static LabTest test(String loinc, String title, String unit, double low, double high, int decimals,
            double criticalLow, double criticalHigh) {
        return new LabTest(Code.loinc(loinc, title), unit, low, high, decimals, criticalLow, criticalHigh);
    }

    static final LabTest GLUCOSE = test("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL",
            70, 99, 0, 40, 450);
    static final LabTest UREA_NITROGEN = test("3094-0", "Urea nitrogen [Mass/volume] in Serum or Plasma", "mg/dL",
            7, 20, 0);
    static final LabTest CREATININE = test("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL",
            0.6, 1.3, 2);
    static final LabTest SODIUM = test("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L",
            135, 145, 0, 120, 160);
    static final LabTest POTASSIUM = test("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L",
            3.5, 5.1, 1, 2.8, 6.2);
    static final LabTest CHLORIDE = test("2075-0", "Chloride [Moles/volume] in Serum or Plasma", "mmol/L",
            98, 107, 0);
    static final LabTest CARBON_DIOXIDE = test("2028-9", "Carbon dioxide, total [Moles/volume] in Serum or Plasma",
            "mmol/L", 22, 29, 0);
    static final LabTest CALCIUM = test("17861-6", "Calcium [Mass/volume] in Serum or Plasma", "mg/dL",
            8.6, 10.3, 1);
    static final LabTest EGFR = test("33914-3",
            "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by "
                    + "Creatinine-based formula (MDRD)", "mL/min/{1.73_m2}", 60, 120, 0);
    static final LabTest ALT = test("1742-6",
            "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 7, 56, 0);
    static final LabTest AST = test("1920-8",
            "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 10, 40, 0);
    static final LabTest ALBUMIN = test("1751-7", "Albumin [Mass/volume] in Serum or Plasma", "g/dL", 3.5, 5.0, 1);
    static final LabTest BILIRUBIN = test("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "mg/dL",
            0.1, 1.2, 1);
    static final LabTest LEUKOCYTES = test("6690-2", "Leukocytes [#/volume] in Blood by Automated count",
            "10*3/uL", 4.5, 11.0, 1);
    static final LabTest ERYTHROCYTES = test("789-8", "Erythrocytes [#/volume] in Blood by Automated count",
            "10*6/uL", 4.2, 5.9, 2);
    static final LabTest HEMOGLOBIN = test("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 12.0, 17.5, 1,
            7.0, 20.0);
    static final LabTest HEMATOCRIT = test("4544-3", "Hematocrit [Volume Fraction] of Blood by Automated count",
            "%", 36, 50, 1);
    static final LabTest MCV = test("787-2", "MCV [Entitic volume] by Automated count", "fL", 80, 100, 0);
    static final LabTest PLATELETS = test("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL",
            150, 400, 0, 20, 1000);
    static final LabTest CHOLESTEROL = test("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL",
            125, 199, 0);
    static final LabTest TRIGLYCERIDE = test("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL",
            0, 149, 0);
    static final LabTest HDL = test("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL",
            40, 90, 0);
    static final LabTest LDL = test("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation",
            "mg/dL", 0, 99, 0);
    static final LabTest HEMOGLOBIN_A1C = test("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%",
            4.0, 5.6, 1);
    static final LabTest THYROTROPIN = test("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "m[IU]/L",
            0.4, 4.0, 2);
    static final LabTest INR = test("6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}",
            0.8, 1.2, 1, 0, 5.0);
    static final LabTest MICROALBUMIN_RATIO = test("14959-1", "Microalbumin/Creatinine [Mass Ratio] in Urine",
            "mg/g", 0, 30, 0);
    static final LabTest LEAD = test("5671-3", "Lead [Mass/volume] in Blood", "ug/dL", 0, 3.4, 1);
    static final LabTest URINE_SPECIFIC_GRAVITY = test("5811-5", "Specific gravity of Urine by Test strip", "1",
            1.005, 1.030, 3);
    static final LabTest URINE_PH = test("5803-2", "pH of Urine by Test strip", "[pH]", 5.0, 8.0, 1);

    static final NarrativeTest URINE_COLOR = new NarrativeTest(Code.loinc("5778-6", "Color of Urine"),
            List.of("Yellow", "Straw", "Pale yellow"), List.of("Amber", "Dark yellow"));
    static final NarrativeTest URINE_APPEARANCE = new NarrativeTest(Code.loinc("5767-9", "Appearance of Urine"),
            List.of("Clear"), List.of("Cloudy", "Hazy"));
    static final NarrativeTest URINE_GLUCOSE = new NarrativeTest(
            Code.loinc("5792-7", "Glucose [Mass/volume] in Urine by Test strip"), List.of("Negative"),
            List.of("Trace", "1+"));
    static final NarrativeTest URINE_PROTEIN = new NarrativeTest(
            Code.loinc("5804-0", "Protein [Mass/volume] in Urine by Test strip"), List.of("Negative"),
            List.of("Trace", "1+"));
    static final NarrativeTest URINE_NITRITE = new NarrativeTest(
            Code.loinc("5802-4", "Nitrite [Presence] in Urine by Test strip"), List.of("Negative"),
            List.of("Positive"));
    static final NarrativeTest URINE_LEUKOCYTE_ESTERASE = new NarrativeTest(
            Code.loinc("5799-2", "Leukocyte esterase [Presence] in Urine by Test strip"), List.of("Negative"),
            List.of("Positive"));
    static final NarrativeTest RAPID_STREP = new NarrativeTest(
            Code.loinc("78012-2", "Streptococcus pyogenes Ag [Presence] in Throat by Rapid immunoassay"),
            List.of("Negative"), List.of("Positive"));

    static final Panel BASIC_METABOLIC = new Panel(
            Code.loinc("24321-2", "Basic metabolic 2000 panel - Serum or Plasma"),
            List.of(GLUCOSE, UREA_NITROGEN, CREATININE, SODIUM, POTASSIUM, CHLORIDE, CARBON_DIOXIDE, CALCIUM, EGFR),
            List.of());
    static final Panel COMPREHENSIVE_METABOLIC = new Panel(
            Code.loinc("24323-8", "Comprehensive metabolic 2000 panel - Serum or Plasma"),
            List.of(GLUCOSE, UREA_NITROGEN, CREATININE, SODIUM, POTASSIUM, CHLORIDE, CARBON_DIOXIDE, CALCIUM,
                    ALBUMIN, BILIRUBIN, ALT, AST),
            List.of());
    static final Panel BLOOD_COUNT = new Panel(Code.loinc("58410-2", "CBC panel - Blood by Automated count"),
            List.of(LEUKOCYTES, ERYTHROCYTES, HEMOGLOBIN, HEMATOCRIT, MCV, PLATELETS), List.of());
    static final Panel LIPIDS = new Panel(Code.loinc("24331-1", "Lipid 1996 panel - Serum or Plasma"),
            List.of(CHOLESTEROL, TRIGLYCERIDE, HDL, LDL), List.of());
    static final Panel URINALYSIS = new Panel(Code.loinc("24357-6", "Urinalysis macro (dipstick) panel - Urine"),
            List.of(URINE_SPECIFIC_GRAVITY, URINE_PH),
            List.of(URINE_COLOR, URINE_APPEARANCE, URINE_GLUCOSE, URINE_PROTEIN, URINE_NITRITE,
                    URINE_LEUKOCYTE_ESTERASE));

    /** How a condition moves a test away from the healthy range: mean and spread of the value. */
    record Shift(double mean, double sd) {
    }

    /** Typical values of affected tests, per condition (untreated or partly controlled). */
    static final Map<Condition, Map<LabTest, Shift>> CONDITION_SHIFTS = Map.of(
            TYPE_2_DIABETES, Map.of(GLUCOSE, new Shift(155, 35), HEMOGLOBIN_A1C, new Shift(7.6, 0.9),
                    MICROALBUMIN_RATIO, new Shift(28, 18)),
            HYPERLIPIDEMIA, Map.of(CHOLESTEROL, new Shift(228, 22), LDL, new Shift(142, 22),
                    TRIGLYCERIDE, new Shift(185, 45), HDL, new Shift(42, 7)),
            HYPOTHYROIDISM, Map.of(THYROTROPIN, new Shift(4.6, 1.8)),
            CHRONIC_KIDNEY_DISEASE, Map.of(CREATININE, new Shift(1.7, 0.3), EGFR, new Shift(44, 8),
                    UREA_NITROGEN, new Shift(28, 6), POTASSIUM, new Shift(4.9, 0.4)),
            HEART_FAILURE, Map.of(SODIUM, new Shift(135, 3)));
}
