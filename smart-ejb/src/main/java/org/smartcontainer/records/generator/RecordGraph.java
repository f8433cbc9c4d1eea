package org.smartcontainer.records.generator;

import static org.smartcontainer.records.generator.SmartTerms.*;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.DynamicModelFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;

/**
 * Builds one patient's graph in the SMART sample-patient shape: one blank {@code sp:MedicalRecord}, every
 * statement a blank node typed with its class and linked both ways ({@code sp:hasStatement} /
 * {@code sp:belongsTo}), coded values as {@code sp:CodedValue} nodes pointing at described code URIs.
 */
final class RecordGraph {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    // A DynamicModel stays a plain insertion-ordered set until someone filters it: cheap to fill.
    private final Model model = new DynamicModelFactory().createEmptyModel();
    private final Set<String> describedCodes = new HashSet<>();
    private final String nodePrefix;
    private final BNode record;
    private int nextNode;

    RecordGraph(String recordId) {
        // Blank-node labels derived from the record id keep the serialized output byte-for-byte reproducible.
        this.nodePrefix = "r" + recordId + "n";
        model.setNamespace(RDF.NS);
        model.setNamespace(RDFS.NS);
        model.setNamespace("sp", SP);
        model.setNamespace("spcode", SPCODE);
        model.setNamespace("v", V);
        model.setNamespace("foaf", FOAF);
        model.setNamespace("dcterms", DCTERMS);
        this.record = node(MEDICAL_RECORD);
    }

    Model model() {
        return model;
    }

    BNode record() {
        return record;
    }

    /** A new blank node of the given type. */
    BNode node(IRI type) {
        BNode node = VF.createBNode(nodePrefix + nextNode++);
        model.add(node, RDF.TYPE, type);
        return node;
    }

    /** A new clinical statement of the given class, linked from and to the medical record. */
    BNode statement(IRI type) {
        BNode statement = node(type);
        model.add(record, HAS_STATEMENT, statement);
        model.add(statement, BELONGS_TO, record);
        return statement;
    }

    void add(Resource subject, IRI predicate, Value object) {
        model.add(subject, predicate, object);
    }

    void literal(Resource subject, IRI predicate, String value) {
        model.add(subject, predicate, VF.createLiteral(value));
    }

    void date(Resource subject, IRI predicate, LocalDate date) {
        literal(subject, predicate, date.toString());
    }

    /** Links {@code subject} to a new {@code sp:CodedValue} for the code. */
    BNode coded(Resource subject, IRI predicate, Code code) {
        BNode codedValue = node(CODED_VALUE);
        literal(codedValue, DC_TITLE, code.title());
        model.add(codedValue, CODE_PROPERTY, codeNode(code));
        model.add(subject, predicate, codedValue);
        return codedValue;
    }

    /** The code URI, described (types, system, identifier, title) the first time the patient uses it. */
    IRI codeNode(Code code) {
        IRI iri = code.iri();
        if (describedCodes.add(iri.stringValue())) {
            model.add(iri, RDF.TYPE, CODE);
            for (IRI codeClass : code.codeClasses()) {
                model.add(iri, RDF.TYPE, codeClass);
            }
            literal(iri, SYSTEM, code.system());
            literal(iri, DC_IDENTIFIER, code.identifier());
            literal(iri, DC_TITLE, code.title());
        }
        return iri;
    }

    /** Links {@code subject} to a new {@code sp:ValueAndUnit}. */
    BNode valueAndUnit(Resource subject, IRI predicate, String value, String unit) {
        BNode node = node(VALUE_AND_UNIT);
        literal(node, VALUE, value);
        literal(node, UNIT, unit);
        model.add(subject, predicate, node);
        return node;
    }

    /** Links {@code subject} to a new {@code sp:VitalSign} named with its LOINC code. */
    BNode vitalSign(Resource subject, IRI predicate, Code name, String value, String unit) {
        BNode node = node(VITAL_SIGN);
        literal(node, VALUE, value);
        literal(node, UNIT, unit);
        coded(node, VITAL_NAME, name);
        model.add(subject, predicate, node);
        return node;
    }

    /** Formats a measurement with the given number of decimals, without a trailing ".0" for integers. */
    static String number(double value, int decimals) {
        if (decimals == 0) {
            return Long.toString(Math.round(value));
        }
        double scale = Math.pow(10, decimals);
        long scaled = Math.round(value * scale);
        String sign = scaled < 0 ? "-" : "";
        scaled = Math.abs(scaled);
        String fraction = Long.toString(scaled % (long) scale);
        StringBuilder text = new StringBuilder(sign).append(scaled / (long) scale).append('.');
        for (int i = fraction.length(); i < decimals; i++) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }
}
