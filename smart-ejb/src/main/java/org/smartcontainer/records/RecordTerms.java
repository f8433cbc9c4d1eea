package org.smartcontainer.records;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/** The few SMART, vCard and FOAF terms the record store itself reads or writes. */
final class RecordTerms {

    static final String SP = "http://smartplatforms.org/terms#";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    /** Every SMART namespace (terms#, terms/codes/, terms/api#): types in it must be known to the ontology. */
    static final String SMART_NAMESPACES = "http://smartplatforms.org/terms";

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    static final IRI MEDICAL_RECORD = VF.createIRI(SP, "MedicalRecord");
    static final IRI DEMOGRAPHICS = VF.createIRI(SP, "Demographics");
    static final IRI HAS_STATEMENT = VF.createIRI(SP, "hasStatement");
    static final IRI BELONGS_TO = VF.createIRI(SP, "belongsTo");
    static final IRI FILE_NAME = VF.createIRI(SP, "fileName");
    static final IRI MEDICAL_RECORD_NUMBER = VF.createIRI(SP, "medicalRecordNumber");
    static final IRI VCARD_N = VF.createIRI(VCARD, "n");
    static final IRI GIVEN_NAME = VF.createIRI(VCARD, "given-name");
    static final IRI FAMILY_NAME = VF.createIRI(VCARD, "family-name");
    static final IRI BDAY = VF.createIRI(VCARD, "bday");
    static final IRI ADR = VF.createIRI(VCARD, "adr");
    static final IRI POSTAL_CODE = VF.createIRI(VCARD, "postal-code");
    static final IRI PREF = VF.createIRI(VCARD, "Pref");
    static final IRI GENDER = VF.createIRI("http://xmlns.com/foaf/0.1/", "gender");
    static final IRI IDENTIFIER = VF.createIRI("http://purl.org/dc/terms/", "identifier");

    private RecordTerms() {
    }

    /** "sp:Medication" for SMART terms, else the full IRI in angle brackets: for messages. */
    static String shortName(IRI iri) {
        String s = iri.stringValue();
        return s.startsWith(SP) ? "sp:" + s.substring(SP.length()) : "<" + s + ">";
    }
}
