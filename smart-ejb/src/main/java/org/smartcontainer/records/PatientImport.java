package org.smartcontainer.records;

import static org.smartcontainer.records.RecordTerms.BELONGS_TO;
import static org.smartcontainer.records.RecordTerms.HAS_STATEMENT;
import static org.smartcontainer.records.RecordTerms.MEDICAL_RECORD;
import static org.smartcontainer.records.RecordTerms.shortName;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
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

/**
 * Turns a patient graph into the stored layout (data-model.md §2.3): mints URIs for blank
 * statements, checks that named ones lie in the record, attaches every statement to the record and
 * segregates the triples into the record index graph and one graph per statement. Writes nothing.
 */
public final class PatientImport {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private final StatementTypes types;

    /** An import that takes statement classes and base paths from the ontology. */
    public PatientImport(StatementTypes types) {
        this.types = types;
    }

    /**
     * The patient in stored form, ready to be written in one transaction.
     *
     * @param record the stored record URI (name of the index graph)
     * @param quads every triple with its graph as context
     * @param graphs the names of all graphs, index graph first
     * @param statementCounts statements per class local name
     * @param discardedTriples input triples not reachable from the record
     * @param triples the union of all graphs (without contexts)
     */
    public record Prepared(String recordId, IRI record, List<Statement> quads, Set<IRI> graphs,
            Map<String, Integer> statementCounts, long discardedTriples, List<Statement> triples) {

        /** The union of all graphs as a model, for validation. */
        public Model model() {
            return new LinkedHashModel(triples);
        }

        /** The triples of one graph. */
        public Model graph(IRI name) {
            Model graph = new LinkedHashModel();
            for (Statement quad : quads) {
                if (name.equals(quad.getContext())) {
                    graph.add(quad.getSubject(), quad.getPredicate(), quad.getObject());
                }
            }
            return graph;
        }
    }

    /** Prepares a patient; the exception names the file, node and property at fault. */
    public Prepared prepare(PatientData patient, String apiBase) throws RecordImportException {
        return new Preparation(patient, apiBase).run();
    }

    private final class Preparation {
        private final PatientData patient;
        private final String apiBase;
        private final String recordId;
        private final IRI record;
        private final Map<Resource, Set<IRI>> typesOf = new HashMap<>();
        private final Map<Resource, IRI> rename = new HashMap<>();
        private final Map<IRI, IRI> classOf = new LinkedHashMap<>();
        private final Map<BNode, BNode> freshBlankNodes = new HashMap<>();

        Preparation(PatientData patient, String apiBase) {
            this.patient = patient;
            this.apiBase = apiBase;
            this.recordId = patient.recordId();
            this.record = RecordUris.record(recordId);
        }

        Prepared run() throws RecordImportException {
            Model input = patient.rdf();
            for (Statement st : input.getStatements(null, RDF.TYPE, null)) {
                if (st.getObject() instanceof IRI type) {
                    typesOf.computeIfAbsent(st.getSubject(), k -> new LinkedHashSet<>()).add(type);
                }
            }
            classifyNodes();
            Map<Resource, List<Statement>> bySubject = renameAll(input);
            attachToRecord(bySubject);
            return segregate(bySubject);
        }

        private RecordImportException error(String message) {
            return new RecordImportException(patient.source() + " (record " + recordId + "): " + message);
        }

        private String describe(Resource node) {
            return node instanceof BNode b ? "blank node _:" + b.getID() : "<" + node.stringValue() + ">";
        }

        /** Decides, for every typed node, whether it is the record, a statement (and its URI) or neither. */
        private void classifyNodes() throws RecordImportException {
            Resource recordNode = null;
            Map<IRI, Resource> fixedUris = new HashMap<>();
            for (Map.Entry<Resource, Set<IRI>> e : typesOf.entrySet()) {
                Resource node = e.getKey();
                Set<IRI> statementClasses = new LinkedHashSet<>();
                for (IRI type : e.getValue()) {
                    if (type.stringValue().startsWith(RecordTerms.SMART_NAMESPACES) && !types.isKnown(type)) {
                        throw error(describe(node) + " has rdf:type " + shortName(type)
                                + ", which the SMART ontology does not define");
                    }
                    if (types.isStatementClass(type)) {
                        statementClasses.add(type);
                    }
                }
                if (statementClasses.isEmpty()) {
                    continue;
                }
                if (statementClasses.contains(MEDICAL_RECORD)) {
                    if (recordNode != null && !recordNode.equals(node)) {
                        throw error("more than one sp:MedicalRecord: " + describe(recordNode) + " and " + describe(node));
                    }
                    recordNode = node;
                    if (node instanceof IRI iri && !RecordUris.toStored(iri, apiBase).equals(record)) {
                        throw error("the sp:MedicalRecord " + describe(node) + " is not record " + recordId);
                    }
                    rename.put(node, record);
                    continue;
                }
                IRI cls = mostSpecific(node, statementClasses);
                String basePath = types.basePath(cls).orElseThrow(() -> error(
                        describe(node) + " is a " + shortName(cls) + ", which has no api:base_path in the ontology"));
                IRI uri;
                if (node instanceof IRI iri) {
                    uri = storedStatementUri(iri, cls, basePath);
                } else {
                    uri = RecordUris.mint(recordId, basePath);
                    if (!basePath.replace("{record_id}", "").contains("{")) {
                        Resource other = fixedUris.putIfAbsent(uri, node);
                        if (other != null) {
                            throw error("more than one " + shortName(cls) + " (" + describe(other) + " and "
                                    + describe(node) + "); a record has only one");
                        }
                    }
                }
                rename.put(node, uri);
                classOf.put(uri, cls);
            }
        }

        private IRI mostSpecific(Resource node, Set<IRI> classes) throws RecordImportException {
            List<IRI> candidates = new ArrayList<>(classes);
            candidates.removeIf(c -> classes.stream().anyMatch(o -> !o.equals(c) && types.superClasses(o).contains(c)));
            if (candidates.size() != 1) {
                throw error(describe(node) + " has several unrelated statement types " + candidates.stream()
                        .map(RecordTerms::shortName).toList());
            }
            return candidates.get(0);
        }

        /** A named statement is kept only inside this record and at a path of its class. */
        private IRI storedStatementUri(IRI iri, IRI cls, String basePath) throws RecordImportException {
            Optional<String> owner = RecordUris.recordIdOf(iri, apiBase);
            if (owner.isEmpty()) {
                throw error("statement " + describe(iri) + " (" + shortName(cls)
                        + ") is not a record URI of this container; leave statements blank to have URIs minted");
            }
            if (!owner.get().equals(recordId)) {
                throw error("statement " + describe(iri) + " (" + shortName(cls) + ") belongs to another record ("
                        + owner.get() + ")");
            }
            IRI stored = RecordUris.toStored(iri, apiBase);
            String path = RecordUris.relativePath(stored.stringValue(), null).orElseThrow();
            String regex = Pattern.quote(basePath.replace("{record_id}", recordId))
                    .replaceAll("\\{[^}/]+\\}", "\\\\E[^/]+\\\\Q");
            if (!path.matches(regex)) {
                throw error("statement " + describe(iri) + " is a " + shortName(cls) + " but its URI does not follow "
                        + basePath);
            }
            return stored;
        }

        /** The input with minted and stored URIs and fresh blank nodes, grouped by subject. */
        private Map<Resource, List<Statement>> renameAll(Model input) throws RecordImportException {
            Map<Resource, List<Statement>> bySubject = new HashMap<>(input.size());
            for (Statement st : input) {
                Resource s = (Resource) map(st.getSubject(), st);
                Value o = map(st.getObject(), st);
                bySubject.computeIfAbsent(s, k -> new ArrayList<>(8)).add(VF.createStatement(s, st.getPredicate(), o));
            }
            return bySubject;
        }

        private Value map(Value v, Statement context) throws RecordImportException {
            if (v instanceof BNode b && !rename.containsKey(b)) {
                // fresh blank nodes per import: a model imported twice never shares nodes between records
                return freshBlankNodes.computeIfAbsent(b, k -> VF.createBNode());
            }
            if (v instanceof Resource r) {
                IRI renamed = rename.get(r);
                if (renamed != null) {
                    return renamed;
                }
                if (r instanceof IRI iri) {
                    Optional<String> owner = RecordUris.recordIdOf(iri, apiBase);
                    if (owner.isPresent()) {
                        if (!owner.get().equals(recordId)) {
                            throw error(describe(context.getSubject()) + " " + shortName(context.getPredicate())
                                    + " points into another record (" + owner.get() + "): " + describe(iri));
                        }
                        return RecordUris.toStored(iri, apiBase);
                    }
                }
            }
            return v;
        }

        private void attachToRecord(Map<Resource, List<Statement>> bySubject) throws RecordImportException {
            List<Statement> recordTriples = bySubject.computeIfAbsent(record, k -> new ArrayList<>());
            Set<Value> linked = new HashSet<>();
            boolean typed = false;
            for (Statement st : recordTriples) {
                if (st.getPredicate().equals(HAS_STATEMENT)) {
                    if (!(st.getObject() instanceof IRI s) || !classOf.containsKey(s)) {
                        throw error("the record's sp:hasStatement points to " + st.getObject()
                                + ", which is not a statement of this record");
                    }
                    linked.add(st.getObject());
                }
                typed |= st.getPredicate().equals(RDF.TYPE) && st.getObject().equals(MEDICAL_RECORD);
            }
            if (!typed) {
                recordTriples.add(VF.createStatement(record, RDF.TYPE, MEDICAL_RECORD));
            }
            for (IRI s : classOf.keySet()) {
                List<Statement> triples = bySubject.computeIfAbsent(s, k -> new ArrayList<>());
                boolean attached = false;
                for (Statement st : triples) {
                    if (st.getPredicate().equals(BELONGS_TO)) {
                        if (!record.equals(st.getObject())) {
                            throw error("statement " + describe(s) + " has sp:belongsTo " + st.getObject()
                                    + ", not record " + recordId);
                        }
                        attached = true;
                    }
                }
                if (!attached) {
                    triples.add(VF.createStatement(s, BELONGS_TO, record));
                }
                if (linked.add(s)) {
                    recordTriples.add(VF.createStatement(record, HAS_STATEMENT, s));
                }
            }
        }

        /** The record index graph and one graph per statement, each with its non-statement nodes. */
        private Prepared segregate(Map<Resource, List<Statement>> bySubject) {
            List<Statement> quads = new ArrayList<>(bySubject.size() * 8);
            Set<Resource> used = new HashSet<>(bySubject.size() * 2);
            Set<IRI> graphs = new LinkedHashSet<>();
            graphs.add(record);
            graphs.addAll(classOf.keySet());
            Deque<Resource> todo = new ArrayDeque<>();
            Set<Resource> seen = new HashSet<>();
            for (IRI graph : graphs) {
                todo.push(graph);
                seen.clear();
                seen.add(graph);
                while (!todo.isEmpty()) {
                    Resource node = todo.pop();
                    List<Statement> triples = bySubject.get(node);
                    if (triples == null) {
                        continue;
                    }
                    used.add(node);
                    for (Statement st : triples) {
                        quads.add(VF.createStatement(st.getSubject(), st.getPredicate(), st.getObject(), graph));
                        if (st.getObject() instanceof Resource next && !isStatementOrRecord(next) && seen.add(next)) {
                            todo.push(next);
                        }
                    }
                }
            }
            Map<String, Integer> counts = new TreeMap<>();
            classOf.values().forEach(c -> counts.merge(c.getLocalName(), 1, Integer::sum));
            long discarded = 0;
            List<Statement> triples = new ArrayList<>();
            for (Map.Entry<Resource, List<Statement>> e : bySubject.entrySet()) {
                if (used.contains(e.getKey())) {
                    triples.addAll(e.getValue());
                } else {
                    discarded += e.getValue().size();
                }
            }
            return new Prepared(recordId, record, quads, graphs, counts, discarded, triples);
        }

        private boolean isStatementOrRecord(Resource node) {
            return node.equals(record) || (node instanceof IRI iri && classOf.containsKey(iri));
        }
    }
}
