package org.smartcontainer.sampleapps.refill;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.smartcontainer.ontology.SmartTerms;
import org.smartcontainer.sampleapps.refill.RefillSchedule.Fill;
import org.smartcontainer.sampleapps.refill.RefillSchedule.MedicationSupply;

/** Reads medications and their fulfillments out of a {@code get_medications} answer (RDF/XML). */
public final class MedicationsGraph {

    private static final String SP = SmartTerms.NAMESPACE;

    private MedicationsGraph() {
    }

    /** A medication: its drug name, its instructions and its fills. */
    public record Medication(String name, String instructions, List<Fill> fills) {
    }

    /** The medications of an RDF/XML document, in document order of their names. */
    public static List<Medication> parse(String rdfXml, String baseUri) throws IOException {
        Model model = Rio.parse(new StringReader(rdfXml), baseUri, RDFFormat.RDFXML);
        List<Medication> out = new ArrayList<>();
        for (Resource med : model.filter(null, RDF.TYPE, iri("Medication")).subjects()) {
            String name = Models.getPropertyResource(model, med, iri("drugName"))
                    .flatMap(drug -> Models.getPropertyString(model, drug, DCTERMS.TITLE))
                    .orElse("(unnamed medication)");
            String instructions = Models.getPropertyString(model, med, iri("instructions")).orElse("");
            List<Fill> fills = new ArrayList<>();
            for (Value f : model.filter(med, iri("fulfillment"), null).objects()) {
                if (f instanceof Resource fill) {
                    Optional<LocalDate> date = Models.getPropertyLiteral(model, fill, DCTERMS.DATE).flatMap(MedicationsGraph::date);
                    Optional<Integer> days = Models.getPropertyLiteral(model, fill, iri("dispenseDaysSupply"))
                            .flatMap(MedicationsGraph::integer);
                    if (date.isPresent() && days.isPresent()) {
                        fills.add(new Fill(date.get(), days.get()));
                    }
                }
            }
            out.add(new Medication(name, instructions, fills));
        }
        out.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return out;
    }

    /** The medications as input of {@link RefillSchedule}. */
    public static List<MedicationSupply> supplies(List<Medication> medications) {
        return medications.stream().map(m -> new MedicationSupply(m.name(), m.fills())).toList();
    }

    private static IRI iri(String local) {
        return SimpleValueFactory.getInstance().createIRI(SP, local);
    }

    private static Optional<LocalDate> date(Literal literal) {
        String s = literal.getLabel().trim();
        try {
            return Optional.of(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(Literal literal) {
        try {
            return Optional.of(Integer.parseInt(literal.getLabel().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
