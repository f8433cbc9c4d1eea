package org.smartcontainer.records.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.smartcontainer.ontology.DataClass;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.SmartTerms;

/**
 * A shared sample patient with IRIs minted for its statements the way the container does it
 * ({@code api:base_path}), so that tests can select statements by IRI. Test fixture only.
 */
final class SampleRecord {

    static final String API_BASE = "http://localhost:7000";
    static final IRI HAS_STATEMENT = SmartTerms.sp("hasStatement");

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static final Map<Path, SampleRecord> CACHE = new ConcurrentHashMap<>();

    private final String recordId;
    private final IRI record;
    private final Model graph;

    private SampleRecord(String recordId, IRI record, Model graph) {
        this.recordId = recordId;
        this.record = record;
        this.graph = graph;
    }

    static Path sharedDir() {
        String configured = System.getProperty("smart.shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path moduleDir = Path.of("").toAbsolutePath();
        Path repoRoot = Files.exists(moduleDir.resolve("mvnw")) ? moduleDir : moduleDir.getParent();
        return repoRoot.resolve("../shared").normalize();
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(sharedDir().resolve("sample-patients"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SampleRecord> all() {
        return files().stream().map(SampleRecord::load).toList();
    }

    static SampleRecord load(Path file) {
        return CACHE.computeIfAbsent(file, SampleRecord::read);
    }

    private static SampleRecord read(Path file) {
        String name = file.getFileName().toString();
        String recordId = name.substring(1, name.length() - ".xml".length());
        Model parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = Rio.parse(in, "", RDFFormat.RDFXML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SmartOntology ontology = SmartOntology.loadDefault();
        Map<Resource, Resource> minted = new HashMap<>();
        Map<IRI, Integer> sequence = new HashMap<>();
        for (Resource subject : parsed.subjects()) {
            if (!(subject instanceof BNode)) {
                continue;
            }
            parsed.filter(subject, RDF.TYPE, null).objects().stream()
                    .filter(IRI.class::isInstance).map(IRI.class::cast)
                    .filter(ontology::isStatementClass)
                    .map(ontology::dataClass).flatMap(Optional::stream)
                    .filter(c -> c.basePath().isPresent())
                    .max(Comparator.comparingInt((DataClass c) -> c.superClasses().size()))
                    .ifPresent(c -> {
                        int n = sequence.merge(c.iri(), 1, Integer::sum);
                        String path = c.basePath().get().replace("{record_id}", recordId)
                                .replaceAll("\\{[^}]+}$", String.format("%04d", n));
                        minted.put(subject, VF.createIRI(API_BASE + path));
                    });
        }
        Model graph = new LinkedHashModel();
        for (Statement st : parsed) {
            Resource s = minted.getOrDefault(st.getSubject(), st.getSubject());
            Value o = st.getObject() instanceof Resource r ? minted.getOrDefault(r, r) : st.getObject();
            graph.add(s, st.getPredicate(), o);
        }
        return new SampleRecord(recordId, VF.createIRI(API_BASE + "/records/" + recordId), graph);
    }

    String recordId() {
        return recordId;
    }

    IRI record() {
        return record;
    }

    /** The whole patient graph, statements named. */
    Model graph() {
        return graph;
    }

    /** The record's statements of exactly this type. */
    List<IRI> statements(IRI type) {
        List<IRI> result = new ArrayList<>();
        for (Value v : graph.filter(record, HAS_STATEMENT, null).objects()) {
            if (v instanceof IRI s && graph.contains(s, RDF.TYPE, type)) {
                result.add(s);
            }
        }
        return result;
    }

    /** Candidates read from the graph, as a store without an index would pass them. */
    List<StatementFacts> candidates(IRI type) {
        return statements(type).stream().map(s -> StatementFacts.inGraph(s, graph)).toList();
    }

    @Override
    public String toString() {
        return "record " + recordId;
    }
}
