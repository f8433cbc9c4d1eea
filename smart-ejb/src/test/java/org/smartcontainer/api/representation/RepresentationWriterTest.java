package org.smartcontainer.api.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.records.query.QueryParameters;
import org.smartcontainer.records.query.ResponseSummary;
import org.smartcontainer.records.query.Selection;

class RepresentationWriterTest {

    private static final RepresentationWriter WRITER = RepresentationWriter.forOntology(SmartOntology.loadDefault());

    static Stream<Arguments> representationsOfSamplePatients() {
        List<Path> files = SampleGraphs.patientFiles();
        return Stream.of(RdfMediaType.values()).flatMap(type ->
                Stream.of(files.get(0), files.get(files.size() / 2), files.get(files.size() - 1))
                        .map(f -> Arguments.of(type, f.getFileName().toString())));
    }

    private static byte[] write(Model graph, RdfMediaType type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WRITER.represent(graph, type).writeTo(out);
        return out.toByteArray();
    }

    private static Model read(byte[] bytes, RDFFormat format) throws IOException {
        return Rio.parse(new ByteArrayInputStream(bytes), "", format);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("representationsOfSamplePatients")
    void everyRepresentationParsesBackToTheSameGraph(RdfMediaType type, String file) throws IOException {
        Model graph = SampleGraphs.withSummary(SampleGraphs.patient(SampleGraphs.sharedDir()
                .resolve("sample-patients").resolve(file)));
        Model back = read(write(graph, type), type.format());
        assertTrue(Models.isomorphic(graph, back), type + " of " + file + " is not isomorphic: "
                + graph.size() + " vs " + back.size() + " triples");
    }

    @ParameterizedTest
    @EnumSource(RdfMediaType.class)
    void anEmptyCollectionWithOnlyItsSummaryRoundTrips(RdfMediaType type) throws IOException {
        Model graph = new LinkedHashModel();
        ResponseSummary.of(new Selection(List.of(), 0, Optional.empty()), "http://x/", QueryParameters.none(), 0)
                .addTo(graph);
        assertTrue(Models.isomorphic(graph, read(write(graph, type), type.format())));
    }

    @Test
    void rdfXmlReadAgainThroughTurtleIsStillTheSameGraph() throws IOException {
        Model graph = SampleGraphs.withSummary(SampleGraphs.patient(SampleGraphs.patientFiles().get(7)));
        Model fromXml = read(write(graph, RdfMediaType.RDF_XML), RDFFormat.RDFXML);
        Model fromTurtle = read(write(fromXml, RdfMediaType.TURTLE), RDFFormat.TURTLE);
        assertTrue(Models.isomorphic(graph, fromTurtle));
        String nTriples = new String(write(fromTurtle, RdfMediaType.N_TRIPLES), StandardCharsets.UTF_8);
        assertEquals(graph.size(), nTriples.lines().filter(l -> !l.isBlank()).count(), "one line per triple");
    }

    @Test
    void rdfXmlIsUtf8WithAnXmlDeclarationAndSmartPrefixes() throws IOException {
        Model graph = SampleGraphs.patient(SampleGraphs.patientFiles().get(0));
        String xml = new String(write(graph, RdfMediaType.RDF_XML), StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml.substring(0, 60));
        assertTrue(xml.contains("xmlns:sp=\"http://smartplatforms.org/terms#\""));
        assertTrue(xml.contains("<sp:Demographics") || xml.contains("rdf:resource=\"http://smartplatforms.org/terms#Demographics\""));
    }

    @Test
    void jsonLdIsCompactedWithSmartTermNames() throws IOException {
        Model graph = SampleGraphs.withSummary(SampleGraphs.patient(SampleGraphs.patientFiles().get(3)));
        String text = new String(write(graph, RdfMediaType.JSON_LD), StandardCharsets.UTF_8);
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        JsonObject context = json.getJsonObject("@context");
        assertEquals("http://smartplatforms.org/terms#Medication", context.getJsonObject("Medication").getString("@id"));
        assertEquals("http://purl.org/dc/terms/title", context.getJsonObject("dcterms__title").getString("@id"));
        assertEquals("http://smartplatforms.org/terms/api#ResponseSummary",
                context.getJsonObject("api__ResponseSummary").getString("@id"));
        assertTrue(text.contains("\"drugName\""), "SMART properties are unprefixed");
        assertTrue(text.contains("\"v__given_name\""), "other namespaces are ns__local with - as _");
        String graphPart = json.getJsonArray("@graph").toString();
        assertFalse(graphPart.contains("\"http://smartplatforms.org/terms#drugName\""), "no expanded SMART keys");
        assertTrue(graphPart.contains("\"Medication\""), "SMART types are terms");
        for (JsonValue node : json.getJsonArray("@graph")) {
            assertFalse(node.asJsonObject().keySet().stream().anyMatch(k -> k.startsWith("http://smartplatforms.org/")),
                    node.toString());
        }
    }

    @Test
    void theContextUsesTheNamesOfTheUpstreamSmartContext() throws IOException {
        String file = Files.readString(SampleGraphs.sharedDir().resolve("ontology/smart_context.jsonld"));
        JsonObject upstream = Json.createReader(new StringReader(file.substring(file.indexOf('{')))).readObject();
        SmartJsonLdContext ours = WRITER.jsonLdContext();
        Map<String, IRI> ourTerms = ours.terms();
        int shared = 0;
        for (Map.Entry<String, JsonValue> e : upstream.entrySet()) {
            IRI iri = SimpleValueFactory.getInstance().createIRI(e.getValue().asJsonObject().getString("@id"));
            if (ours.termFor(iri).isPresent()) {
                assertEquals(e.getKey(), ours.termFor(iri).get(), "name of " + iri);
                shared++;
            } else {
                assertFalse(ourTerms.containsKey(e.getKey()), e.getKey() + " names another IRI in our context");
            }
        }
        assertTrue(shared > 150, "most upstream terms are ours too: " + shared + " of " + upstream.size());
    }

    @Test
    void multiValuedPropertiesAreSets() {
        SmartJsonLdContext context = WRITER.jsonLdContext();
        SimpleValueFactory vf = SimpleValueFactory.getInstance();
        assertTrue(context.isSet(vf.createIRI("http://smartplatforms.org/terms#fulfillment")));
        assertTrue(context.isSet(vf.createIRI("http://smartplatforms.org/terms#labResult")));
        assertFalse(context.isSet(vf.createIRI("http://smartplatforms.org/terms#drugName")));
    }
}
