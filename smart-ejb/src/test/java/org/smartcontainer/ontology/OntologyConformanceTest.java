package org.smartcontainer.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/**
 * Our shipped ontology states the same structural facts as the upstream smart.owl, except for the
 * intended differences listed in {@link IntendedDifference}; any other difference, in either direction,
 * fails. Labels are names apps rely on: every label upstream gives a term is ours too, word for word.
 */
class OntologyConformanceTest {

    private static final String SP = SmartTerms.NAMESPACE;
    private static final String CALLS = ApiTerms.CALLS_NAMESPACE;
    private static final String FILTERS = ApiTerms.FILTERS_NAMESPACE;
    private static final String PARAMETERS = ApiTerms.PARAMETERS_NAMESPACE;

    /** Every intended difference to upstream, with the reason. Facts only upstream has / only we have. */
    enum IntendedDifference {
        LAB_PANEL_ITEM_PATH("get_lab_panel declares the collection path; the item path uses {lab_panel_id} (api.md 2)",
                Set.of("call get_lab_panel GET /records/{record_id}/lab_panels/"),
                Set.of("call get_lab_panel GET /records/{record_id}/lab_panels/{lab_panel_id}")),
        DOCUMENTS_SORT("get_documents sorts by the non-existent sp:date; documents carry dcterms:date (spec 2.4)",
                Set.of("call get_documents defaultSort " + SP + "date"),
                Set.of("call get_documents defaultSort http://purl.org/dc/terms/date")),
        SEARCH_RECORDS_ZIPCODE("parameters#zipcode is named app_id upstream; the search reads zipcode (api.md 6.4)",
                Set.of("call search_records parameter app_id " + PARAMETERS + "zipcode type http://www.w3.org/2000/01/rdf-schema#Literal"),
                Set.of("call search_records parameter zipcode " + PARAMETERS + "zipcode type http://www.w3.org/2000/01/rdf-schema#Literal")),
        SEARCH_RECORDS_BIRTHDAY("the reference server reads birthday, the ontology declares date_of_birth; both are accepted",
                Set.of(),
                Set.of("call search_records parameter birthday " + PARAMETERS + "birthday type query",
                        "individual " + PARAMETERS + "birthday a [" + ApiTerms.PARAMETER + ", http://www.w3.org/2002/07/owl#NamedIndividual]")),
        ORPHAN_FILTER("filters#lab_results_by_date belongs to no call and has a %s placeholder (spec 2.4)",
                Set.of("filter declared " + FILTERS + "lab_results_by_date",
                        "individual " + FILTERS + "lab_results_by_date a [" + ApiTerms.FILTER + ", http://www.w3.org/2002/07/owl#NamedIndividual]"),
                Set.of()),
        LANGUAGE_TAG("the comment of get_app_manifest has a sentence fragment as xml:lang; our prose uses valid tags",
                Set.of("malformed language tag on " + CALLS + "get_app_manifest http://www.w3.org/2000/01/rdf-schema#comment"),
                Set.of()),
        UNUSED_DECLARATIONS("leftovers of the upstream editor that nothing references: parameter sets, parameters#recordId,"
                + " rdf:first/rest/nil declared as OWL terms, one owl:AllDifferent duplicating the EncounterType enumeration",
                Set.of("individual http://smartplatforms.org/terms/api/parameter_sets#put_preferences_params_0 a ["
                                + ApiTerms.NAMESPACE + "ParameterSet, http://www.w3.org/2002/07/owl#NamedIndividual]",
                        "individual http://smartplatforms.org/terms/api/parameter_sets#put_scratchpad_data_0 a ["
                                + ApiTerms.NAMESPACE + "ParameterSet, http://www.w3.org/2002/07/owl#NamedIndividual]",
                        "individual " + PARAMETERS + "recordId a [http://www.w3.org/2002/07/owl#NamedIndividual]",
                        "individual http://www.w3.org/1999/02/22-rdf-syntax-ns#nil a [http://www.w3.org/2002/07/owl#NamedIndividual,"
                                + " http://www.w3.org/2002/07/owl#Thing]",
                        "property http://www.w3.org/1999/02/22-rdf-syntax-ns#first a DatatypeProperty",
                        "property http://www.w3.org/1999/02/22-rdf-syntax-ns#first a ObjectProperty",
                        "property http://www.w3.org/1999/02/22-rdf-syntax-ns#rest a ObjectProperty",
                        "allDifferent [distinctMembers=(http://smartplatforms.org/terms/codes/EncounterType#ambulatory"
                                + " http://smartplatforms.org/terms/codes/EncounterType#emergency"
                                + " http://smartplatforms.org/terms/codes/EncounterType#field"
                                + " http://smartplatforms.org/terms/codes/EncounterType#home"
                                + " http://smartplatforms.org/terms/codes/EncounterType#inpatient"
                                + " http://smartplatforms.org/terms/codes/EncounterType#virtual); type=http://www.w3.org/2002/07/owl#AllDifferent]"),
                Set.of());

        final String reason;
        final Set<String> onlyUpstream;
        final Set<String> onlyOurs;

        IntendedDifference(String reason, Set<String> onlyUpstream, Set<String> onlyOurs) {
            this.reason = reason;
            this.onlyUpstream = onlyUpstream;
            this.onlyOurs = onlyOurs;
        }
    }

    private final Set<String> upstream = OntologyFacts.of(SharedFixtures.upstreamOntology());
    private final Set<String> ours = OntologyFacts.of(SmartOntology.loadDefault());

    @Test
    void everyUpstreamFactIsOursUnlessListedAsIntended() {
        Set<String> missing = new TreeSet<>(upstream);
        missing.removeAll(ours);
        Set<String> intended = new TreeSet<>();
        for (IntendedDifference d : IntendedDifference.values()) {
            intended.addAll(d.onlyUpstream);
        }
        assertEquals(intended, missing, "facts of smart.owl missing from our ontology");
    }

    @Test
    void everyFactOfOursIsUpstreamUnlessListedAsIntended() {
        Set<String> extra = new TreeSet<>(ours);
        extra.removeAll(upstream);
        Set<String> intended = new TreeSet<>();
        for (IntendedDifference d : IntendedDifference.values()) {
            intended.addAll(d.onlyOurs);
        }
        assertEquals(intended, extra, "facts of our ontology that smart.owl does not have");
    }

    @Test
    void everyUpstreamLabelIsOursWordForWord() {
        Map<IRI, String> upstreamLabels = labels(SharedFixtures.upstreamOntology());
        Map<IRI, String> ourLabels = labels(SmartOntology.loadDefault());
        Map<IRI, String> differing = new TreeMap<>(Comparator.comparing(IRI::stringValue));
        upstreamLabels.forEach((term, label) -> {
            if (!label.equals(ourLabels.get(term))) {
                differing.put(term, "upstream \"" + label + "\", ours \"" + ourLabels.get(term) + "\"");
            }
        });
        assertEquals(Map.of(), differing, "labels of smart.owl that our ontology lacks or words differently");
    }

    @Test
    void labelComparisonCoversClassesAndProperties() {
        // Guards against a label reader that silently compares nothing.
        Map<IRI, String> upstreamLabels = labels(SharedFixtures.upstreamOntology());
        assertEquals("Allergy", upstreamLabels.get(SmartTerms.sp("Allergy")));
        assertEquals("Medication", upstreamLabels.get(SmartTerms.sp("Medication")));
        assertEquals("dateOfBirth", upstreamLabels.get(Values.iri("http://www.w3.org/2006/vcard/ns#bday")));
        assertTrue(upstreamLabels.size() > 25, upstreamLabels.toString());
    }

    /** The plain-text rdfs:label of every IRI that has one (the first, if a term had several). */
    private static Map<IRI, String> labels(SmartOntology ontology) {
        Map<IRI, String> labels = new HashMap<>();
        for (Statement st : ontology.model().filter(null, RDFS.LABEL, null)) {
            if (st.getSubject() instanceof IRI term) {
                labels.putIfAbsent(term, st.getObject().stringValue());
            }
        }
        return labels;
    }

    @Test
    void comparisonCoversCallsClassesRestrictionsAndCodeSystems() {
        // Guards against a fact extractor that silently compares nothing.
        for (String kind : List.of("call ", "class ", "codes ", "property ", "individual ", "filter declared ")) {
            assertTrue(ours.stream().filter(f -> f.startsWith(kind)).count() > 10, kind);
        }
        assertTrue(ours.contains("call get_medications GET /records/{record_id}/medications/"));
        assertTrue(ours.stream().anyMatch(f -> f.startsWith("class " + SP + "Medication subClassOf [")));
    }

    @Test
    void everyIntendedDifferenceHasAReason() {
        for (IntendedDifference d : IntendedDifference.values()) {
            assertTrue(!d.reason.isBlank() && !(d.onlyUpstream.isEmpty() && d.onlyOurs.isEmpty()), d.name());
        }
    }
}
