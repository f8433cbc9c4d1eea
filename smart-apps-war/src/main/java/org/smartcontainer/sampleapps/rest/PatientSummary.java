package org.smartcontainer.sampleapps.rest;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/** The demographics the REST app shows, read out of a {@code get_demographics} answer (RDF/XML). */
public record PatientSummary(String givenName, String familyName, String birthDate, String gender) {

    private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    private static final SimpleValueFactory VF = SimpleValueFactory.getInstance();

    /** The patient of the document; blanks where the record says nothing. */
    public static PatientSummary parse(String rdfXml, String baseUri) throws IOException {
        Model model = Rio.parse(new StringReader(rdfXml), baseUri, RDFFormat.RDFXML);
        Optional<Resource> name = Models.objectResource(model.filter(null, vcard("n"), null));
        String given = name.flatMap(n -> Models.getPropertyString(model, n, vcard("given-name"))).orElse("");
        String family = name.flatMap(n -> Models.getPropertyString(model, n, vcard("family-name"))).orElse("");
        String bday = Models.objectString(model.filter(null, vcard("bday"), null)).orElse("");
        String gender = Models.objectString(model.filter(null, FOAF.GENDER, null)).orElse("");
        return new PatientSummary(given, family, bday, gender);
    }

    private static IRI vcard(String local) {
        return VF.createIRI(VCARD, local);
    }
}
