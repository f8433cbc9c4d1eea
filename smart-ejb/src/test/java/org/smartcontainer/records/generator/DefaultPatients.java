package org.smartcontainer.records.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/** The default 50 patients, generated once per test run, and small query helpers over them. */
final class DefaultPatients {

    static final String SP = "http://smartplatforms.org/terms#";
    static final List<GeneratedPatient> ALL =
            new SamplePatientGenerator(SamplePatientGenerator.DEFAULT_SEED).generateAll(SamplePatientGenerator.DEFAULT_COUNT);

    private DefaultPatients() {
    }

    static IRI sp(String localName) {
        return SimpleValueFactory.getInstance().createIRI(SP, localName);
    }

    /** An indexed copy of the patient graph (the generator's own model is a cheap unindexed one). */
    static Model indexed(GeneratedPatient patient) {
        return new LinkedHashModel(patient.rdf());
    }

    static Set<Resource> ofType(Model model, String smartClass) {
        return model.filter(null, RDF.TYPE, sp(smartClass)).subjects();
    }

    static List<String> strings(Model model, Resource subject, IRI property) {
        List<String> values = new ArrayList<>();
        for (Statement statement : model.filter(subject, property, null)) {
            values.add(statement.getObject().stringValue());
        }
        return values;
    }

    static String string(Model model, Resource subject, IRI property) {
        List<String> values = strings(model, subject, property);
        if (values.size() != 1) {
            throw new AssertionError(subject + " has " + values.size() + " values of " + property);
        }
        return values.get(0);
    }

    static Resource object(Model model, Resource subject, IRI property) {
        return (Resource) model.filter(subject, property, null).objects().iterator().next();
    }

    /** The numeric value of a vital sign ({@code sp:value}) linked from {@code subject} by {@code property}. */
    static double vitalValue(Model model, Resource subject, IRI property) {
        return Double.parseDouble(string(model, object(model, subject, property), sp("value")));
    }
}
