package org.smartcontainer.api.representation;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.hasmac.jsonld.JsonLd;
import no.hasmac.jsonld.JsonLdError;
import no.hasmac.jsonld.document.JsonDocument;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.SimpleNamespace;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.helpers.XMLWriterSettings;
import org.eclipse.rdf4j.rio.jsonld.JSONLDMode;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;
import org.eclipse.rdf4j.rio.jsonld.JSONLDWriter;
import org.eclipse.rdf4j.rio.ntriples.NTriplesWriter;
import org.eclipse.rdf4j.rio.rdfxml.RDFXMLWriter;
import org.eclipse.rdf4j.rio.turtle.TurtleWriter;
import org.smartcontainer.ontology.ApiTerms;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.SmartTerms;

/**
 * The one place that turns a response graph into bytes, in any {@link RdfMediaType}. Writer settings are
 * built once; output goes straight to the caller's stream (UTF-8). Thread-safe: a writer instance per call,
 * shared read-only configuration.
 */
public final class RepresentationWriter {

    /** Prefixes declared in RDF/XML and Turtle output, so that elements read {@code sp:Medication}. */
    private static final List<Namespace> NAMESPACES = List.of(
            new SimpleNamespace("rdf", RDF.NAMESPACE),
            new SimpleNamespace("sp", SmartTerms.NAMESPACE),
            new SimpleNamespace("dcterms", DCTERMS.NAMESPACE),
            new SimpleNamespace("foaf", FOAF.NAMESPACE),
            new SimpleNamespace("v", "http://www.w3.org/2006/vcard/ns#"),
            new SimpleNamespace("spcode", SmartTerms.CODES_NAMESPACE),
            new SimpleNamespace("api", ApiTerms.NAMESPACE),
            new SimpleNamespace("xsd", XSD.NAMESPACE));

    private final SmartJsonLdContext context;
    private final WriterConfig rdfXmlConfig;
    private final WriterConfig turtleConfig;
    private final WriterConfig nTriplesConfig;
    private final WriterConfig expandedJsonLdConfig;
    private final JsonWriterFactory jsonWriters;
    private final JsonReaderFactory jsonReaders;
    private final JsonBuilderFactory jsonBuilders;

    private RepresentationWriter(SmartJsonLdContext context) {
        this.context = context;
        this.rdfXmlConfig = new WriterConfig();
        rdfXmlConfig.set(XMLWriterSettings.INCLUDE_XML_PI, true);
        rdfXmlConfig.set(BasicWriterSettings.PRETTY_PRINT, false);
        this.turtleConfig = new WriterConfig();
        turtleConfig.set(BasicWriterSettings.PRETTY_PRINT, true);
        // Inlining blank nodes needs the whole graph buffered and mis-nests shared nodes; labels are exact.
        turtleConfig.set(BasicWriterSettings.INLINE_BLANK_NODES, false);
        this.nTriplesConfig = new WriterConfig();
        this.expandedJsonLdConfig = new WriterConfig();
        expandedJsonLdConfig.set(JSONLDSettings.JSONLD_MODE, JSONLDMode.EXPAND);
        expandedJsonLdConfig.set(BasicWriterSettings.PRETTY_PRINT, false);
        // Factories once: each Json.createXxx call looks the JSON-P provider up with a ServiceLoader.
        this.jsonWriters = Json.createWriterFactory(Map.of());
        this.jsonReaders = Json.createReaderFactory(Map.of());
        this.jsonBuilders = Json.createBuilderFactory(Map.of());
    }

    /** A writer whose JSON-LD is compacted with the context of {@code ontology}. */
    public static RepresentationWriter forOntology(SmartOntology ontology) {
        return new RepresentationWriter(SmartJsonLdContext.fromOntology(ontology));
    }

    /** The JSON-LD context in use. */
    public SmartJsonLdContext jsonLdContext() {
        return context;
    }

    /** A value that writes {@code graph} as {@code type} when the response is sent. */
    public RdfRepresentation represent(Model graph, RdfMediaType type) {
        return new RdfRepresentation(this, graph, type);
    }

    /** Writes {@code graph} as {@code type} to {@code out} (not closed). */
    public void write(Model graph, RdfMediaType type, OutputStream out) throws IOException {
        try {
            switch (type) {
                case RDF_XML -> writeWith(new RDFXMLWriter(out), rdfXmlConfig, graph, true);
                case TURTLE -> writeWith(new TurtleWriter(out), turtleConfig, graph, true);
                case N_TRIPLES -> writeWith(new NTriplesWriter(out), nTriplesConfig, graph, false);
                case JSON_LD -> writeCompactJsonLd(graph, out);
            }
        } catch (RDFHandlerException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static void writeWith(RDFWriter writer, WriterConfig config, Model graph, boolean namespaces) {
        writer.setWriterConfig(config);
        writer.startRDF();
        if (namespaces) {
            for (Namespace ns : NAMESPACES) {
                writer.handleNamespace(ns.getPrefix(), ns.getName());
            }
        }
        for (Statement st : graph) {
            writer.handleStatement(st);
        }
        writer.endRDF();
    }

    /** RDF4J expands, the JSON-LD processor compacts with our context (RDF4J would only use prefixes). */
    private void writeCompactJsonLd(Model graph, OutputStream out) throws IOException {
        ByteArrayOutputStream expanded = new ByteArrayOutputStream(8192);
        writeWith(new JSONLDWriter(expanded), expandedJsonLdConfig, graph, false);
        JsonStructure expandedJson;
        try (JsonReader reader = jsonReaders.createReader(new ByteArrayInputStream(expanded.toByteArray()))) {
            expandedJson = reader.read();
        }
        JsonObject compacted;
        try {
            compacted = JsonLd.compact(JsonDocument.of(expandedJson),
                    JsonDocument.of(jsonBuilders.createObjectBuilder().add("@context", context.forGraph(graph)).build()))
                    .get();
        } catch (JsonLdError e) {
            throw new IOException("Cannot compact JSON-LD: " + e.getMessage(), e);
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JsonWriter json = jsonWriters.createWriter(writer);
        json.write(compacted);
        writer.flush();
    }
}
