package org.smartcontainer.sampleapps.refill;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.smartcontainer.ontology.SmartTerms;
import org.smartcontainer.sampleapps.refill.RefillSchedule.RunOut;

/** The refill monitor's clinical note: its text, its RDF/XML for {@code post_clinical_note}, and reading it back. */
public final class RefillNote {

    private static final SimpleValueFactory VF = SimpleValueFactory.getInstance();

    private RefillNote() {
    }

    /** The note's text: one line per medication, soonest run-out first. */
    public static String text(List<RunOut> runOuts) {
        return "When the patient's medications run out (computed from their fills):\n"
                + runOuts.stream().map(r -> "- " + r.describe()).collect(Collectors.joining("\n"));
    }

    /** A {@code sp:ClinicalNote} as a blank node, as {@code post_clinical_note} takes it. */
    public static String rdfXml(String title, LocalDate date, String text) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:sp="http://smartplatforms.org/terms#"
                         xmlns:dcterms="http://purl.org/dc/terms/" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
                  <sp:ClinicalNote>
                    <dcterms:date>%s</dcterms:date>
                    <dcterms:title>%s</dcterms:title>
                    <dcterms:format>
                      <dcterms:MediaTypeOrExtent rdf:about="http://purl.org/NET/mediatypes/text/plain">
                        <rdfs:label>text/plain</rdfs:label>
                      </dcterms:MediaTypeOrExtent>
                    </dcterms:format>
                    <sp:resource><sp:Resource><sp:content><sp:Content>
                      <sp:encoding>UTF-8</sp:encoding><sp:value>%s</sp:value>
                    </sp:Content></sp:content></sp:Resource></sp:resource>
                  </sp:ClinicalNote>
                </rdf:RDF>
                """.formatted(date, xml(title), xml(text));
    }

    /** The text of the newest note with this title in a {@code get_clinical_notes} answer, if any. */
    public static Optional<String> latestText(String rdfXml, String baseUri, String title) throws IOException {
        Model model = Rio.parse(new StringReader(rdfXml), baseUri, RDFFormat.RDFXML);
        return model.filter(null, RDF.TYPE, VF.createIRI(SmartTerms.NAMESPACE, "ClinicalNote")).subjects().stream()
                .filter(note -> Models.getPropertyString(model, note, DCTERMS.TITLE).filter(title::equals).isPresent())
                .max(Comparator.comparing((Resource note) -> Models.getPropertyString(model, note, DCTERMS.DATE).orElse(""))
                        .thenComparing(Resource::stringValue))
                .flatMap(note -> Models.getPropertyResource(model, note, VF.createIRI(SmartTerms.NAMESPACE, "resource")))
                .flatMap(resource -> Models.getPropertyResource(model, resource, VF.createIRI(SmartTerms.NAMESPACE, "content")))
                .flatMap(content -> Models.getPropertyString(model, content, VF.createIRI(SmartTerms.NAMESPACE, "value")));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
