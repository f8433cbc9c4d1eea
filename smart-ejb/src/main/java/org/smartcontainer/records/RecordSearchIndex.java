package org.smartcontainer.records;

import static org.smartcontainer.records.RecordTerms.ADR;
import static org.smartcontainer.records.RecordTerms.BDAY;
import static org.smartcontainer.records.RecordTerms.FAMILY_NAME;
import static org.smartcontainer.records.RecordTerms.GENDER;
import static org.smartcontainer.records.RecordTerms.GIVEN_NAME;
import static org.smartcontainer.records.RecordTerms.IDENTIFIER;
import static org.smartcontainer.records.RecordTerms.MEDICAL_RECORD_NUMBER;
import static org.smartcontainer.records.RecordTerms.POSTAL_CODE;
import static org.smartcontainer.records.RecordTerms.PREF;
import static org.smartcontainer.records.RecordTerms.VCARD_N;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * The in-memory index of record summaries behind the patient picker and {@code /records/search}:
 * rebuilt from the store's demographics graphs at start, updated after every committed import or
 * delete. A search is a scan over a few thousand small objects, far cheaper than a store query.
 */
final class RecordSearchIndex {

    private static final Comparator<RecordSummary> ORDER = Comparator
            .comparing((RecordSummary r) -> r.familyName().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(r -> r.givenName().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(RecordSummary::recordId);

    private final ConcurrentMap<String, RecordSummary> summaries = new ConcurrentHashMap<>();

    void put(RecordSummary summary) {
        summaries.put(summary.recordId(), summary);
    }

    void remove(String recordId) {
        summaries.remove(recordId);
    }

    void clear() {
        summaries.clear();
    }

    int size() {
        return summaries.size();
    }

    boolean contains(String recordId) {
        return summaries.containsKey(recordId);
    }

    Optional<RecordSummary> get(String recordId) {
        return Optional.ofNullable(summaries.get(recordId));
    }

    List<String> recordIds() {
        List<String> ids = new ArrayList<>(summaries.keySet());
        ids.sort(null);
        return ids;
    }

    List<RecordSummary> search(RecordQuery query) {
        return summaries.values().stream().filter(query::matches).sorted(ORDER).toList();
    }

    /** The summary of a record from its demographics graph (any statement URI form). */
    static RecordSummary summarise(String recordId, Model demographics) {
        Optional<Resource> subject = demographics.filter(null, RDF.TYPE, RecordTerms.DEMOGRAPHICS).subjects()
                .stream().findFirst();
        if (subject.isEmpty()) {
            return new RecordSummary(recordId, "", "", "", "", List.of(), "");
        }
        Resource d = subject.get();
        Optional<Resource> name = objectResource(demographics, d, VCARD_N);
        String given = name.map(n -> literal(demographics, n, GIVEN_NAME)).orElse("");
        String family = name.map(n -> literal(demographics, n, FAMILY_NAME)).orElse("");
        List<String> mrns = new ArrayList<>();
        for (Value code : demographics.filter(d, MEDICAL_RECORD_NUMBER, null).objects()) {
            if (code instanceof Resource r) {
                String id = literal(demographics, r, IDENTIFIER);
                if (!id.isEmpty()) {
                    mrns.add(id);
                }
            }
        }
        String zip = "";
        for (Value adr : demographics.filter(d, ADR, null).objects()) {
            if (adr instanceof Resource r) {
                String code = literal(demographics, r, POSTAL_CODE);
                boolean preferred = demographics.contains(r, RDF.TYPE, PREF);
                if (!code.isEmpty() && (zip.isEmpty() || preferred)) {
                    zip = code;
                }
            }
        }
        return new RecordSummary(recordId, given, family, literal(demographics, d, BDAY),
                literal(demographics, d, GENDER), mrns, zip);
    }

    private static Optional<Resource> objectResource(Model m, Resource s, IRI p) {
        return m.filter(s, p, null).objects().stream().filter(Resource.class::isInstance).map(Resource.class::cast)
                .findFirst();
    }

    private static String literal(Model m, Resource s, IRI p) {
        return m.filter(s, p, null).objects().stream().findFirst().map(Value::stringValue).orElse("").strip();
    }
}
