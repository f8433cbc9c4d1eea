package org.smartcontainer.api.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.smartcontainer.api.core.ApiRequest;
import org.smartcontainer.api.core.Responses;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiFailure;
import org.smartcontainer.api.core.RouteHandler;
import org.smartcontainer.api.routing.Handler;
import org.smartcontainer.ontology.SmartTerms;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.query.Selection;
import org.smartcontainer.records.query.StatementQuery;

/**
 * Documents and the photograph (api.md 4.7): metadata as RDF, augmented with what the file store knows
 * (size, location, SHA-256, and with {@code format=combined} the content), or the raw bytes with the media
 * type named by the document's {@code dcterms:format}.
 */
@ApplicationScoped
public class DocumentHandler implements RouteHandler {

    /** The query parameter choosing metadata, combined or raw. */
    static final String FORMAT = "format";

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static final IRI FILE_NAME = SmartTerms.sp("fileName");
    private static final IRI FILE_SIZE = SmartTerms.sp("fileSize");
    private static final IRI RESOURCE = SmartTerms.sp("resource");
    private static final IRI LOCATION = SmartTerms.sp("location");
    private static final IRI HASH = SmartTerms.sp("hash");
    private static final IRI CONTENT = SmartTerms.sp("content");
    private static final IRI ALGORITHM = SmartTerms.sp("algorithm");
    private static final IRI VALUE = SmartTerms.sp("value");
    private static final IRI ENCODING = SmartTerms.sp("encoding");
    private static final IRI PHOTOGRAPH = SmartTerms.sp("Photograph");

    private enum Format { METADATA, COMBINED, RAW }

    @Inject
    RecordStore store;

    @Inject
    RecordDataHandler records;

    @Inject
    Responses responses;

    @Override
    public Set<Handler> serves() {
        return EnumSet.of(Handler.DOCUMENTS, Handler.DOCUMENT, Handler.PHOTOGRAPH);
    }

    @Override
    public ApiAnswer answer(ApiRequest request) {
        return switch (request.match().route().handler()) {
            case DOCUMENTS -> documents(request);
            case DOCUMENT -> document(request);
            default -> photograph(request);
        };
    }

    /** {@code GET .../documents/}: metadata (default) or combined. */
    public ApiAnswer documents(ApiRequest request) {
        Format format = format(request, Format.METADATA);
        if (format == Format.RAW) {
            throw ApiFailure.badRequest("format=raw applies to a single document; use metadata or combined");
        }
        Model graph = records.collectionGraph(request);
        augmentAll(graph, request.recordId(), request.match().route().call().target(), format == Format.COMBINED);
        return responses.rdf(request, graph);
    }

    /** {@code GET .../documents/{id}}: raw bytes (default), metadata or combined. */
    public ApiAnswer document(ApiRequest request) {
        Format format = format(request, Format.RAW);
        Model graph = records.itemGraph(request);
        IRI document = VF.createIRI(request.url());
        if (format == Format.RAW) {
            return raw(request.recordId(), document, graph);
        }
        augment(graph, document, request.recordId(), format == Format.COMBINED);
        return responses.rdf(request, graph);
    }

    /** {@code GET .../photograph}: the raw bytes of the record's (first) photograph; {@code 404} if none. */
    public ApiAnswer photograph(ApiRequest request) {
        records.requireRecord(request);
        Selection photos = records.reader().select(request.recordId(), StatementQuery.unfiltered(PHOTOGRAPH),
                request.apiBase());
        if (photos.statements().isEmpty()) {
            throw ApiFailure.notFound("Record " + request.recordId() + " has no photograph");
        }
        IRI photo = photos.statements().get(0);
        Model graph = store.readStatements(request.recordId(), List.of(photo), request.apiBase());
        return raw(request.recordId(), photo, graph);
    }

    private ApiAnswer raw(String recordId, IRI document, Model graph) {
        Path file = file(recordId, document, graph).orElseThrow(() -> ApiFailure.notFound(
                "The content of " + document + " is not in the file store"));
        return ApiAnswer.of(200, mediaType(document, graph), out -> Files.copy(file, out));
    }

    private static Format format(ApiRequest request, Format fallback) {
        Optional<String> value = request.parameters().single(FORMAT);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get()) {
            case "metadata" -> Format.METADATA;
            case "combined" -> Format.COMBINED;
            case "raw" -> Format.RAW;
            default -> throw ApiFailure.badRequest("Parameter 'format' must be metadata, combined or raw");
        };
    }

    private void augmentAll(Model graph, String recordId, IRI type, boolean combined) {
        List<Resource> documents = new ArrayList<>(graph.filter(null, RDF.TYPE, type).subjects());
        for (Resource document : documents) {
            if (document instanceof IRI iri) {
                augment(graph, iri, recordId, combined);
            }
        }
    }

    /** Adds size, location and hash (and content) from the file store where the data lacks them. */
    private void augment(Model graph, IRI document, String recordId, boolean combined) {
        Optional<Path> file = file(recordId, document, graph);
        if (file.isEmpty()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.get(), e);
        }
        if (!graph.contains(document, FILE_SIZE, null)) {
            BNode size = VF.createBNode();
            graph.add(document, FILE_SIZE, size);
            graph.add(size, RDF.TYPE, SmartTerms.sp("ValueAndUnit"));
            graph.add(size, VALUE, VF.createLiteral(Integer.toString(bytes.length)));
            graph.add(size, SmartTerms.UNIT, VF.createLiteral("byte"));
        }
        Resource resource = Models.objectResource(graph.filter(document, RESOURCE, null)).orElseGet(() -> {
            BNode created = VF.createBNode();
            graph.add(document, RESOURCE, created);
            graph.add(created, RDF.TYPE, SmartTerms.sp("Resource"));
            return created;
        });
        if (!graph.contains(resource, LOCATION, null)) {
            graph.add(resource, LOCATION, VF.createLiteral(document.stringValue()));
        }
        if (!graph.contains(resource, HASH, null)) {
            BNode hash = VF.createBNode();
            graph.add(resource, HASH, hash);
            graph.add(hash, RDF.TYPE, SmartTerms.sp("Hash"));
            graph.add(hash, ALGORITHM, VF.createLiteral("SHA-256"));
            graph.add(hash, VALUE, VF.createLiteral(sha256(bytes)));
        }
        if (combined && !graph.contains(resource, CONTENT, null)) {
            boolean text = file.get().getFileName().toString().endsWith(".txt");
            BNode content = VF.createBNode();
            graph.add(resource, CONTENT, content);
            graph.add(content, RDF.TYPE, SmartTerms.sp("Content"));
            graph.add(content, ENCODING, VF.createLiteral(text ? "UTF-8" : "Base64"));
            graph.add(content, VALUE, VF.createLiteral(text ? new String(bytes, StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(bytes)));
        }
    }

    private Optional<Path> file(String recordId, IRI document, Model graph) {
        return Models.objectLiteral(graph.filter(document, FILE_NAME, null))
                .flatMap(name -> store.documentFile(recordId, name.stringValue()));
    }

    /** The {@code rdfs:label} of the document's {@code dcterms:format}, else {@code application/octet-stream}. */
    static String mediaType(IRI document, Model graph) {
        for (Value format : graph.filter(document, DCTERMS.FORMAT, null).objects()) {
            if (format instanceof Resource r) {
                Optional<String> label = Models.objectString(graph.filter(r, RDFS.LABEL, null));
                if (label.isPresent() && label.get().matches("[a-zA-Z0-9.+-]+/[a-zA-Z0-9.+-]+")) {
                    return label.get();
                }
            }
        }
        return "application/octet-stream";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
