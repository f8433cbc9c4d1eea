package org.smartcontainer.it;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * What the sample apps should show, read independently from the upstream sample patient files
 * ({@link SamplePatients}): names, medications, problems, vital signs and labs of one record.
 */
final class SampleRecords {

    private static final SimpleValueFactory VF = SimpleValueFactory.getInstance();
    private static final String SP = "http://smartplatforms.org/terms#";
    private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";

    private SampleRecords() {
    }

    /** One vital sign set with a blood pressure: date, height (the latest known on that date), systolic, diastolic. */
    record BloodPressure(String date, double height, double systolic, double diastolic) {
    }

    /** One height measurement. */
    record Height(String date, double height) {
    }

    private static Model model(String recordId) {
        return SamplePatients.all().get(recordId);
    }

    private static IRI sp(String local) {
        return VF.createIRI(SP, local);
    }

    static String familyName(String recordId) {
        Model m = model(recordId);
        Resource n = Models.objectResource(m.filter(null, VF.createIRI(VCARD, "n"), null)).orElseThrow();
        return Models.getPropertyString(m, n, VF.createIRI(VCARD, "family-name")).orElseThrow();
    }

    static String givenName(String recordId) {
        Model m = model(recordId);
        Resource n = Models.objectResource(m.filter(null, VF.createIRI(VCARD, "n"), null)).orElseThrow();
        return Models.getPropertyString(m, n, VF.createIRI(VCARD, "given-name")).orElseThrow();
    }

    static String birthDate(String recordId) {
        return Models.objectString(model(recordId).filter(null, VF.createIRI(VCARD, "bday"), null)).orElseThrow();
    }

    static String gender(String recordId) {
        return Models.objectString(model(recordId).filter(null, FOAF.GENDER, null)).orElseThrow();
    }

    /** The drug names (titles of sp:drugName) of the record's medications, sorted. */
    static Set<String> medicationNames(String recordId) {
        return titles(recordId, "Medication", "drugName");
    }

    /** The problem names of the record's problems, sorted. */
    static Set<String> problemNames(String recordId) {
        return titles(recordId, "Problem", "problemName");
    }

    /** Whether any medication has at least one fulfillment with a date and a days' supply. */
    static boolean hasDatedFills(String recordId) {
        Model m = model(recordId);
        return m.filter(null, RDF.TYPE, sp("Fulfillment")).subjects().stream()
                .anyMatch(f -> m.contains(f, DCTERMS.DATE, null) && m.contains(f, sp("dispenseDaysSupply"), null));
    }

    /** The number of clinical notes in the file. */
    static int clinicalNotes(String recordId) {
        return model(recordId).filter(null, RDF.TYPE, sp("ClinicalNote")).subjects().size();
    }

    private static Set<String> titles(String recordId, String type, String property) {
        Model m = model(recordId);
        Set<String> names = new TreeSet<>();
        for (Resource s : m.filter(null, RDF.TYPE, sp(type)).subjects()) {
            Models.getPropertyResource(m, s, sp(property)).flatMap(c -> Models.getPropertyString(m, c, DCTERMS.TITLE)).ifPresent(names::add);
        }
        return names;
    }

    /** Blood pressures with the latest height known at their date, oldest first. */
    static List<BloodPressure> bloodPressures(String recordId) {
        Model m = model(recordId);
        List<Resource> sets = new ArrayList<>(m.filter(null, RDF.TYPE, sp("VitalSignSet")).subjects());
        sets.sort(Comparator.comparing(s -> Models.getPropertyString(m, s, DCTERMS.DATE).orElse("")));
        List<BloodPressure> out = new ArrayList<>();
        double height = Double.NaN;
        for (Resource s : sets) {
            Optional<Double> h = value(m, s, "height");
            if (h.isPresent()) {
                height = h.get();
            }
            Optional<Resource> bp = Models.getPropertyResource(m, s, sp("bloodPressure"));
            if (bp.isPresent()) {
                Optional<Double> sys = value(m, bp.get(), "systolic");
                Optional<Double> dia = value(m, bp.get(), "diastolic");
                if (sys.isPresent() && dia.isPresent() && !Double.isNaN(height)) {
                    out.add(new BloodPressure(Models.getPropertyString(m, s, DCTERMS.DATE).orElseThrow(), height, sys.get(), dia.get()));
                }
            }
        }
        return out;
    }

    /** Heights, oldest first. */
    static List<Height> heights(String recordId) {
        Model m = model(recordId);
        List<Height> out = new ArrayList<>();
        for (Resource s : m.filter(null, RDF.TYPE, sp("VitalSignSet")).subjects()) {
            value(m, s, "height").ifPresent(h -> out.add(new Height(Models.getPropertyString(m, s, DCTERMS.DATE).orElseThrow(), h)));
        }
        out.sort(Comparator.comparing(Height::date));
        return out;
    }

    /** The results of a LOINC-coded quantitative lab on its latest date (several results may share that date). */
    static Set<Double> latestLab(String recordId, String loinc) {
        Model m = model(recordId);
        String code = "http://purl.bioontology.org/ontology/LNC/" + loinc;
        String bestDate = "";
        Set<Double> best = new TreeSet<>();
        for (Resource lab : m.filter(null, RDF.TYPE, sp("LabResult")).subjects()) {
            Optional<Value> c = Models.getPropertyResource(m, lab, sp("labName")).flatMap(n -> Models.getProperty(m, n, sp("code")));
            if (c.isEmpty() || !c.get().stringValue().equals(code)) {
                continue;
            }
            Optional<Double> v = Models.getPropertyResource(m, lab, sp("quantitativeResult"))
                    .flatMap(q -> Models.getPropertyResource(m, q, sp("valueAndUnit"))).flatMap(vu -> Models.getPropertyString(m, vu, sp("value")))
                    .map(Double::parseDouble);
            String date = Models.getPropertyString(m, lab, DCTERMS.DATE).orElse("");
            if (v.isEmpty() || date.compareTo(bestDate) < 0) {
                continue;
            }
            if (date.compareTo(bestDate) > 0) {
                best.clear();
                bestDate = date;
            }
            best.add(v.get());
        }
        return best;
    }

    private static Optional<Double> value(Model m, Resource node, String property) {
        return Models.getPropertyResource(m, node, sp(property)).flatMap(v -> Models.getPropertyString(m, v, sp("value")))
                .map(Double::parseDouble);
    }
}
