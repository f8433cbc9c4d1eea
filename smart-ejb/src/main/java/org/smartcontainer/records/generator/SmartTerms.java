package org.smartcontainer.records.generator;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/** The SMART, vCard, FOAF and Dublin Core terms the generator writes. */
final class SmartTerms {

    static final String SP = "http://smartplatforms.org/terms#";
    static final String SPCODE = "http://smartplatforms.org/terms/codes/";
    static final String V = "http://www.w3.org/2006/vcard/ns#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String MEDIA_TYPES = "http://purl.org/NET/mediatypes/";

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    // Classes
    static final IRI MEDICAL_RECORD = sp("MedicalRecord");
    static final IRI DEMOGRAPHICS = sp("Demographics");
    static final IRI MEDICATION = sp("Medication");
    static final IRI FULFILLMENT = sp("Fulfillment");
    static final IRI PROBLEM = sp("Problem");
    static final IRI PROCEDURE = sp("Procedure");
    static final IRI ALLERGY = sp("Allergy");
    static final IRI ALLERGY_EXCLUSION = sp("AllergyExclusion");
    static final IRI LAB_RESULT = sp("LabResult");
    static final IRI LAB_PANEL = sp("LabPanel");
    static final IRI VITAL_SIGN_SET = sp("VitalSignSet");
    static final IRI ENCOUNTER = sp("Encounter");
    static final IRI IMMUNIZATION = sp("Immunization");
    static final IRI SOCIAL_HISTORY = sp("SocialHistory");
    static final IRI FAMILY_HISTORY = sp("FamilyHistory");
    static final IRI CLINICAL_NOTE = sp("ClinicalNote");
    static final IRI DOCUMENT = sp("Document");
    static final IRI PHOTOGRAPH = sp("Photograph");
    static final IRI CODED_VALUE = sp("CodedValue");
    static final IRI CODE = sp("Code");
    static final IRI VALUE_AND_UNIT = sp("ValueAndUnit");
    static final IRI VALUE_RANGE = sp("ValueRange");
    static final IRI VITAL_SIGN = sp("VitalSign");
    static final IRI BLOOD_PRESSURE = sp("BloodPressure");
    static final IRI QUANTITATIVE_RESULT = sp("QuantitativeResult");
    static final IRI NARRATIVE_RESULT = sp("NarrativeResult");
    static final IRI PROVIDER = sp("Provider");
    static final IRI PHARMACY = sp("Pharmacy");
    static final IRI ORGANIZATION = sp("Organization");
    static final IRI RESOURCE = sp("Resource");
    static final IRI CONTENT = sp("Content");
    static final IRI HASH = sp("Hash");
    static final IRI MEDIA_TYPE_OR_EXTENT = VF.createIRI(DCTERMS, "MediaTypeOrExtent");
    static final IRI V_NAME = v("Name");
    static final IRI V_ADDRESS = v("Address");
    static final IRI V_TEL = v("Tel");
    static final IRI V_HOME = v("Home");
    static final IRI V_WORK = v("Work");
    static final IRI V_CELL = v("Cell");
    static final IRI V_PREF = v("Pref");

    // Properties
    static final IRI HAS_STATEMENT = sp("hasStatement");
    static final IRI BELONGS_TO = sp("belongsTo");
    static final IRI CODE_PROPERTY = sp("code");
    static final IRI SYSTEM = sp("system");
    static final IRI VALUE = sp("value");
    static final IRI UNIT = sp("unit");
    static final IRI MINIMUM = sp("minimum");
    static final IRI MAXIMUM = sp("maximum");
    static final IRI VITAL_NAME = sp("vitalName");
    static final IRI MEDICAL_RECORD_NUMBER = sp("medicalRecordNumber");
    static final IRI GESTATIONAL_AGE_AT_BIRTH = sp("gestationalAgeAtBirth");
    static final IRI RACE = sp("race");
    static final IRI ETHNICITY = sp("ethnicity");
    static final IRI PREFERRED_LANGUAGE = sp("preferredLanguage");
    static final IRI DRUG_NAME = sp("drugName");
    static final IRI START_DATE = sp("startDate");
    static final IRI END_DATE = sp("endDate");
    static final IRI INSTRUCTIONS = sp("instructions");
    static final IRI QUANTITY = sp("quantity");
    static final IRI FREQUENCY = sp("frequency");
    static final IRI FULFILLMENT_PROPERTY = sp("fulfillment");
    static final IRI MEDICATION_PROPERTY = sp("medication");
    static final IRI DISPENSE_DAYS_SUPPLY = sp("dispenseDaysSupply");
    static final IRI QUANTITY_DISPENSED = sp("quantityDispensed");
    static final IRI PHARMACY_PROPERTY = sp("pharmacy");
    static final IRI PROVIDER_PROPERTY = sp("provider");
    static final IRI NCPDP_ID = sp("ncpdpId");
    static final IRI NPI_NUMBER = sp("npiNumber");
    static final IRI PROBLEM_NAME = sp("problemName");
    static final IRI PROBLEM_STATUS = sp("problemStatus");
    static final IRI NOTES = sp("notes");
    static final IRI PROCEDURE_NAME = sp("procedureName");
    static final IRI PROCEDURE_STATUS = sp("procedureStatus");
    static final IRI CATEGORY = sp("category");
    static final IRI SEVERITY = sp("severity");
    static final IRI ALLERGIC_REACTION = sp("allergicReaction");
    static final IRI DRUG_ALLERGEN = sp("drugAllergen");
    static final IRI DRUG_CLASS_ALLERGEN = sp("drugClassAllergen");
    static final IRI OTHER_ALLERGEN = sp("otherAllergen");
    static final IRI ALLERGY_EXCLUSION_NAME = sp("allergyExclusionName");
    static final IRI LAB_NAME = sp("labName");
    static final IRI LAB_RESULT_PROPERTY = sp("labResult");
    static final IRI QUANTITATIVE_RESULT_PROPERTY = sp("quantitativeResult");
    static final IRI NARRATIVE_RESULT_PROPERTY = sp("narrativeResult");
    static final IRI VALUE_AND_UNIT_PROPERTY = sp("valueAndUnit");
    static final IRI NORMAL_RANGE = sp("normalRange");
    static final IRI NON_CRITICAL_RANGE = sp("nonCriticalRange");
    static final IRI ABNORMAL_INTERPRETATION = sp("abnormalInterpretation");
    static final IRI LAB_STATUS = sp("labStatus");
    static final IRI ACCESSION_NUMBER = sp("accessionNumber");
    static final IRI ENCOUNTER_PROPERTY = sp("encounter");
    static final IRI ENCOUNTER_TYPE = sp("encounterType");
    static final IRI FACILITY = sp("facility");
    static final IRI HEIGHT = sp("height");
    static final IRI WEIGHT = sp("weight");
    static final IRI BODY_MASS_INDEX = sp("bodyMassIndex");
    static final IRI HEAD_CIRCUMFERENCE = sp("headCircumference");
    static final IRI HEART_RATE = sp("heartRate");
    static final IRI RESPIRATORY_RATE = sp("respiratoryRate");
    static final IRI TEMPERATURE = sp("temperature");
    static final IRI OXYGEN_SATURATION = sp("oxygenSaturation");
    static final IRI BLOOD_PRESSURE_PROPERTY = sp("bloodPressure");
    static final IRI SYSTOLIC = sp("systolic");
    static final IRI DIASTOLIC = sp("diastolic");
    static final IRI BODY_POSITION = sp("bodyPosition");
    static final IRI BODY_SITE = sp("bodySite");
    static final IRI METHOD = sp("method");
    static final IRI ADMINISTRATION_STATUS = sp("administrationStatus");
    static final IRI PRODUCT_NAME = sp("productName");
    static final IRI PRODUCT_CLASS = sp("productClass");
    static final IRI REFUSAL_REASON = sp("refusalReason");
    static final IRI SMOKING_STATUS = sp("smokingStatus");
    static final IRI ABOUT_RELATIVE = sp("aboutRelative");
    static final IRI HAS_PROBLEM = sp("hasProblem");
    static final IRI RESOURCE_PROPERTY = sp("resource");
    static final IRI CONTENT_PROPERTY = sp("content");
    static final IRI ENCODING = sp("encoding");
    static final IRI HASH_PROPERTY = sp("hash");
    static final IRI ALGORITHM = sp("algorithm");
    static final IRI FILE_NAME = sp("fileName");
    static final IRI FILE_SIZE = sp("fileSize");
    static final IRI DOCUMENT_TYPE = sp("documentType");
    static final IRI DC_TITLE = VF.createIRI(DCTERMS, "title");
    static final IRI DC_IDENTIFIER = VF.createIRI(DCTERMS, "identifier");
    static final IRI DC_DATE = VF.createIRI(DCTERMS, "date");
    static final IRI DC_FORMAT = VF.createIRI(DCTERMS, "format");
    static final IRI FOAF_GENDER = VF.createIRI(FOAF, "gender");
    static final IRI V_N = v("n");
    static final IRI V_GIVEN_NAME = v("given-name");
    static final IRI V_FAMILY_NAME = v("family-name");
    static final IRI V_ADDITIONAL_NAME = v("additional-name");
    static final IRI V_HONORIFIC_PREFIX = v("honorific-prefix");
    static final IRI V_HONORIFIC_SUFFIX = v("honorific-suffix");
    static final IRI V_ADR = v("adr");
    static final IRI V_STREET_ADDRESS = v("street-address");
    static final IRI V_LOCALITY = v("locality");
    static final IRI V_REGION = v("region");
    static final IRI V_POSTAL_CODE = v("postal-code");
    static final IRI V_COUNTRY_NAME = v("country-name");
    static final IRI V_TEL_PROPERTY = v("tel");
    static final IRI V_EMAIL = v("email");
    static final IRI V_BDAY = v("bday");
    static final IRI V_DEATHDATE = v("deathdate");
    static final IRI V_ORGANIZATION_NAME = v("organization-name");

    private SmartTerms() {
    }

    static IRI sp(String localName) {
        return VF.createIRI(SP, localName);
    }

    static IRI spcode(String localName) {
        return VF.createIRI(SPCODE, localName);
    }

    private static IRI v(String localName) {
        return VF.createIRI(V, localName);
    }
}
