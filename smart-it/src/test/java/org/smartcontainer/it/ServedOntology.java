package org.smartcontainer.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * The ontology as {@code GET /api/ontology} serves it, read with RDF4J: what an app that names the API's data
 * from the ontology should find. Client side only.
 */
final class ServedOntology {

    private static final String API = "http://smartplatforms.org/terms/api#";
    private static final IRI CALL = Values.iri(API, "Call");

    private ServedOntology() {
    }

    /** Fetches and parses the served ontology. */
    static Model fetch() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(SmartClient.API + "/ontology")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("GET /ontology answered " + response.statusCode());
        }
        try (InputStream in = response.body()) {
            return Rio.parse(in, URI.create(SmartClient.API + "/ontology").toString(), RDFFormat.RDFXML);
        }
    }

    /** Client method name of every record call (api:category "record") to its target class's label ("" if none). */
    static Map<String, String> recordCallTargetLabels(Model ontology) {
        Map<String, String> labels = new TreeMap<>();
        for (Resource call : ontology.filter(null, RDF.TYPE, CALL).subjects()) {
            if (!"record".equals(literal(ontology, call, Values.iri(API, "category")))) {
                continue;
            }
            Value target = Models.getProperty(ontology, call, Values.iri(API, "target")).orElseThrow();
            labels.put(literal(ontology, call, Values.iri(API, "clientMethodName")), literal(ontology, (Resource) target, RDFS.LABEL));
        }
        return labels;
    }

    /** The list an app reported as JSON {@code [[call, label], ...]}, as a map. */
    static Map<String, String> fromAppReport(String json) {
        Map<String, String> labels = new TreeMap<>();
        for (JsonArray row : Json.createReader(new StringReader(json)).readArray().getValuesAs(JsonArray.class)) {
            labels.put(row.getString(0), row.getString(1));
        }
        return labels;
    }

    private static String literal(Model m, Resource subject, IRI property) {
        return Models.getPropertyString(m, subject, property).orElse("");
    }
}
