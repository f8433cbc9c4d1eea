package org.smartcontainer.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.SmartTerms;

/**
 * The 59 upstream sample patients as the tests read them, independently of the container: parsed with RDF4J
 * from {@code /work/shared/sample-patients}, with the statements of each type and the "own" subgraph of each
 * statement (its triples and nested non-statement nodes, without {@code sp:belongsTo}).
 */
final class SamplePatients {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static Map<String, Model> patients;

    private SamplePatients() {
    }

    /** The shared folder: {@code smart.shared.dir}, or found upwards from the server's domain directory. */
    static Path folder() {
        String configured = System.getProperty("smart.shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "sample-patients"))) {
            return Path.of(configured, "sample-patients");
        }
        Path dir = Path.of(System.getProperty("com.sun.aas.instanceRoot", ".")).toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/sample-patients"))) {
                return dir.resolve("shared/sample-patients");
            }
        }
        throw new IllegalStateException("No shared/sample-patients folder above " + System.getProperty("com.sun.aas.instanceRoot"));
    }

    /** Record id → the patient's graph as in its file. */
    static synchronized Map<String, Model> all() {
        if (patients == null) {
            Map<String, Model> result = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(folder())) {
                for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                    String id = file.getFileName().toString().replaceAll("[^0-9]", "");
                    try (InputStream in = Files.newInputStream(file)) {
                        result.put(id, Rio.parse(in, "urn:sample:" + id + "/", RDFFormat.RDFXML));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            patients = result;
        }
        return patients;
    }

    /** The nodes of exactly this type in a patient's file. */
    static Set<Resource> statementsOf(Model patient, IRI type) {
        return new HashSet<>(patient.filter(null, RDF.TYPE, type).subjects());
    }

    /**
     * The triples of the given statements and of the non-statement nodes they reach, minus {@code sp:belongsTo},
     * with every statement node (per {@code isStatement}) replaced by a blank node: comparable by isomorphism
     * between the file (blank statements) and a response (minted URIs).
     */
    static Model ownGraphs(Model graph, Set<? extends Resource> statements, Predicate<Value> isStatement) {
        Model out = new LinkedHashModel();
        Map<Value, BNode> blanks = new HashMap<>();
        Set<Resource> seen = new HashSet<>();
        Deque<Resource> todo = new ArrayDeque<>(statements);
        seen.addAll(statements);
        while (!todo.isEmpty()) {
            Resource node = todo.pop();
            for (Statement st : graph.getStatements(node, null, null)) {
                if (st.getPredicate().equals(SmartTerms.BELONGS_TO)) {
                    continue;
                }
                Value o = st.getObject();
                if (o instanceof Resource r && !isStatement.test(r) && seen.add(r)) {
                    todo.push(r);
                }
                out.add((Resource) blank(node, isStatement, blanks), st.getPredicate(), blank(o, isStatement, blanks));
            }
        }
        return out;
    }

    private static <T extends Value> Value blank(T v, Predicate<Value> isStatement, Map<Value, BNode> blanks) {
        return v instanceof IRI && isStatement.test(v) ? blanks.computeIfAbsent(v, k -> VF.createBNode()) : v;
    }

    /** Whether a node of a sample file is a statement (or the record). */
    static Predicate<Value> fileStatements(Model patient, SmartOntology ontology) {
        return v -> v instanceof Resource r && patient.filter(r, RDF.TYPE, null).objects().stream()
                .anyMatch(t -> t instanceof IRI type && ontology.isStatementClass(type));
    }

    /** Whether a node of a response is a statement: a URI under the record paths of the API. */
    static Predicate<Value> responseStatements(String apiBase) {
        return v -> v instanceof IRI iri && iri.stringValue().startsWith(apiBase + "/records/");
    }

    /**
     * A blank-node-blind signature of a graph: the sorted list of its triples with every blank node written
     * {@code _} (and literals by label and datatype). Equal graphs have equal signatures; used instead of RDF4J's
     * isomorphism check, which takes exponential time on the symmetric blank nodes of SMART data.
     */
    static List<String> signature(Model graph) {
        return graph.stream().map(st -> term(st.getSubject()) + " " + term(st.getPredicate()) + " " + term(st.getObject()))
                .sorted().toList();
    }

    private static String term(Value v) {
        return v instanceof BNode ? "_" : v instanceof IRI ? "<" + v.stringValue() + ">" : v.toString();
    }

    /** Convenience: the list of sample record ids. */
    static List<String> recordIds() {
        return List.copyOf(all().keySet());
    }
}
