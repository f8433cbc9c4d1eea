package org.smartcontainer.ontology;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/** Terms of the SMART data model namespace ({@code sp:}) and its code namespace ({@code spcode:}). */
public final class SmartTerms {

    /** The SMART data namespace. */
    public static final String NAMESPACE = "http://smartplatforms.org/terms#";
    /** The namespace of SMART code classes and enumerations. */
    public static final String CODES_NAMESPACE = "http://smartplatforms.org/terms/codes/";

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    public static final IRI STATEMENT = sp("Statement");
    public static final IRI MEDICAL_RECORD = sp("MedicalRecord");
    public static final IRI CODE = sp("Code");
    public static final IRI CODED_VALUE = sp("CodedValue");
    public static final IRI CODE_PROPERTY = sp("code");
    public static final IRI SYSTEM = sp("system");
    public static final IRI UNIT = sp("unit");
    public static final IRI BELONGS_TO = sp("belongsTo");

    private SmartTerms() {
    }

    /** The IRI of a local name in the SMART data namespace. */
    public static IRI sp(String localName) {
        return VF.createIRI(NAMESPACE, localName);
    }

    /** The IRI of a code class or enumeration in the SMART code namespace. */
    public static IRI spcode(String localName) {
        return VF.createIRI(CODES_NAMESPACE, localName);
    }
}
