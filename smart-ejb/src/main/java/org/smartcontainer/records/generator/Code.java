package org.smartcontainer.records.generator;

import java.util.List;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * One vocabulary code as SMART describes it: the code URI is {@code system + identifier}, the node is typed
 * {@code sp:Code} plus the {@code spcode:} classes in {@code codeClasses} (the most specific first).
 */
record Code(String system, String identifier, String title, List<IRI> codeClasses) {

    static final String RXNORM = "http://purl.bioontology.org/ontology/RXNORM/";
    static final String SNOMED = "http://purl.bioontology.org/ontology/SNOMEDCT/";
    static final String LOINC = "http://purl.bioontology.org/ontology/LNC/";
    static final String NDFRT = "http://purl.bioontology.org/ontology/NDFRT/";
    static final String UNII = "http://fda.gov/UNII/";
    static final String CVX = "http://www2a.cdc.gov/nip/IIS/IISStandards/vaccines.asp?rpt=cvx#";
    static final String VACCINE_GROUP = "http://www2a.cdc.gov/nip/IIS/IISStandards/vaccines.asp?rpt=vg#";

    private static final IRI SNOMED_CLASS = SmartTerms.spcode("SNOMED");
    private static final IRI LOINC_CLASS = SmartTerms.spcode("LOINC");
    private static final IRI RXNORM_CLASS = SmartTerms.spcode("RxNorm");

    /** The code URI, e.g. {@code http://purl.bioontology.org/ontology/RXNORM/861007}. */
    IRI iri() {
        return SimpleValueFactory.getInstance().createIRI(system + identifier);
    }

    /** A semantic clinical or branded drug (TTY SCD/SBD), the only kind {@code sp:drugName} accepts. */
    static Code rxnormDrug(String rxcui, String title) {
        return new Code(RXNORM, rxcui, title, List.of(SmartTerms.spcode("RxNorm_Semantic"), RXNORM_CLASS));
    }

    /** An RxNorm ingredient (TTY IN), as used for drug allergens. */
    static Code rxnormIngredient(String rxcui, String title) {
        return new Code(RXNORM, rxcui, title, List.of(SmartTerms.spcode("RxNorm_Ingredient"), RXNORM_CLASS));
    }

    /** A plain SNOMED CT concept (problems, reactions, relatives). */
    static Code snomed(String conceptId, String title) {
        return new Code(SNOMED, conceptId, title, List.of(SNOMED_CLASS));
    }

    /** A SNOMED CT concept that is a member of one of SMART's SNOMED value sets (e.g. {@code AllergySeverity}). */
    static Code snomedIn(String valueSet, String conceptId, String title) {
        return new Code(SNOMED, conceptId, title, List.of(SmartTerms.spcode(valueSet), SNOMED_CLASS));
    }

    /** A LOINC observation or panel code. */
    static Code loinc(String code, String title) {
        return new Code(LOINC, code, title, List.of(LOINC_CLASS));
    }

    /** A LOINC code of SMART's vital-sign value set. */
    static Code vitalSign(String code, String title) {
        return new Code(LOINC, code, title, List.of(SmartTerms.spcode("VitalSign"), LOINC_CLASS));
    }

    static Code ndfrt(String code, String title) {
        return new Code(NDFRT, code, title, List.of(SmartTerms.spcode("NDFRT")));
    }

    static Code unii(String code, String title) {
        return new Code(UNII, code, title, List.of(SmartTerms.spcode("UNII")));
    }

    static Code cvx(String code, String title) {
        return new Code(CVX, code, title, List.of(SmartTerms.spcode("ImmunizationProduct")));
    }

    static Code vaccineGroup(String code) {
        return new Code(VACCINE_GROUP, code, code, List.of(SmartTerms.spcode("ImmunizationClass")));
    }

    /** A value of a closed SMART enumeration, e.g. {@code EncounterType#ambulatory}. */
    static Code smart(String enumeration, String value, String title) {
        return smart(enumeration, enumeration, value, title);
    }

    /** A SMART enumeration whose URIs use another name than its class (LabResultStatus uses {@code LabStatus#}). */
    static Code smart(String uriName, String enumeration, String value, String title) {
        return new Code(SmartTerms.SPCODE + uriName + "#", value, title, List.of(SmartTerms.spcode(enumeration)));
    }
}
