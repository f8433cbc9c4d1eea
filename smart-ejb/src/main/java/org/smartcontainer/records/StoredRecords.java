package org.smartcontainer.records;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * What the record stores that hold the data themselves share, whatever holds the quads (an embedded RDF4J store, a
 * remote SPARQL store): preparing and validating imports, the search index, the document files, the demographics
 * graph, and following value paths through statement graphs.
 */
public abstract class StoredRecords implements RecordStore {

    protected final StatementTypes types;
    protected final PatientImport importer;
    protected final DocumentFiles documents;
    protected final RecordSearchIndex index = new RecordSearchIndex();
    private final PatientValidator validator;
    private final ValidationMode validationMode;

    protected StoredRecords(Path documentDirectory, StatementTypes types, PatientValidator validator,
            ValidationMode validationMode) {
        this.types = types;
        this.importer = new PatientImport(types);
        this.validator = validator;
        this.validationMode = validationMode;
        this.documents = new DocumentFiles(documentDirectory);
    }

    /** Patients prepared for writing, with the validator's findings for each (same order). */
    protected record Preparation(List<PatientImport.Prepared> prepared, List<List<String>> warnings) {
    }

    /** Prepares and validates patients for an import; nothing is written. */
    protected Preparation prepare(List<PatientData> patients, String apiBase) throws RecordImportException {
        List<PatientImport.Prepared> prepared = new ArrayList<>(patients.size());
        List<List<String>> warnings = new ArrayList<>(patients.size());
        for (PatientData patient : patients) {
            PatientImport.Prepared p = importer.prepare(patient, apiBase);
            prepared.add(p);
            warnings.add(validate(patient, p));
        }
        return new Preparation(prepared, warnings);
    }

    private List<String> validate(PatientData patient, PatientImport.Prepared prepared) throws RecordImportException {
        if (validationMode == ValidationMode.OFF) {
            return List.of();
        }
        List<String> findings = validator.validate(prepared.model());
        if (!findings.isEmpty() && validationMode == ValidationMode.REJECT) {
            throw new RecordImportException(patient.source() + " (record " + patient.recordId()
                    + ") does not conform to the SMART data model: " + String.join("; ", findings));
        }
        return findings;
    }

    /** Stages the document files of patients about to be written (published by {@link #written}). */
    protected List<Path> stageDocuments(List<PatientData> patients) throws RecordImportException {
        List<Path> staged = new ArrayList<>();
        try {
            for (PatientData patient : patients) {
                staged.add(documents.stage(patient));
            }
            return staged;
        } catch (RecordImportException | RuntimeException e) {
            staged.forEach(documents::discard);
            throw e;
        }
    }

    /**
     * After the quads of an import were written: publishes the staged document files, indexes the patients and
     * returns what was imported.
     */
    protected List<ImportResult> written(List<PatientData> patients, Preparation preparation, List<Boolean> replaced,
            List<Path> staged) {
        List<ImportResult> results = new ArrayList<>(patients.size());
        for (int i = 0; i < patients.size(); i++) {
            PatientImport.Prepared p = preparation.prepared().get(i);
            documents.publish(p.recordId(), staged.get(i));
            index.put(RecordSearchIndex.summarise(p.recordId(), p.graph(demographicsGraph(p.recordId()))));
            results.add(new ImportResult(p.recordId(), replaced.get(i), p.statementCounts(), p.quads().size(),
                    p.discardedTriples(), patients.get(i).files().size(), preparation.warnings().get(i)));
        }
        return results;
    }

    @Override
    public ImportResult importPatient(PatientData patient, String apiBase) throws RecordImportException {
        return importPatients(List.of(patient), apiBase).get(0);
    }

    /** The statements that a POST added, with public URIs: the prepared quads outside the record's index graph. */
    protected static Model addedStatements(PatientImport.Prepared prepared, String apiBase) {
        Model added = new LinkedHashModel();
        for (Statement quad : prepared.quads()) {
            if (!prepared.record().equals(quad.getContext())) {
                RecordUris.addPublic(List.of(quad), apiBase, added);
            }
        }
        return added;
    }

    /** The graph of a record's demographics. */
    protected IRI demographicsGraph(String recordId) {
        return RecordUris.mint(recordId, types.basePath(RecordTerms.DEMOGRAPHICS)
                .orElseThrow(() -> new IllegalStateException("The ontology gives sp:Demographics no api:base_path")));
    }

    @Override
    public Optional<Path> documentFile(String recordId, String fileName) {
        if (!RecordUris.isValidRecordId(recordId) || fileName == null || fileName.isEmpty() || fileName.contains("/")
                || fileName.contains("\\") || fileName.contains("..")) {
            return Optional.empty();
        }
        Path file = documents.directory(recordId).resolve(fileName);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Quads to follow value paths through: a store's connection or quads loaded from it. */
    protected interface Graphs {

        /** Whether the graph holds a triple with this subject. */
        boolean hasSubject(Resource subject, Resource graph);

        /** The objects of the triples with this subject and predicate in the graph. */
        List<Value> objects(Resource subject, IRI predicate, Resource graph);
    }

    /** Follows a path from a statement inside its graph, stepping into the graph of a linked statement. */
    protected static List<Value> evaluate(Graphs graphs, IRI statement, ValuePath path) {
        record Position(Value node, Resource graph) {
        }
        List<Position> current = List.of(new Position(statement, statement));
        for (IRI step : path.steps()) {
            List<Position> next = new ArrayList<>();
            for (Position pos : current) {
                if (!(pos.node() instanceof Resource node)) {
                    continue;
                }
                Resource graph = pos.graph();
                if (node instanceof IRI iri && !iri.equals(graph) && !graphs.hasSubject(node, graph)) {
                    graph = iri; // a linked statement: its triples are in its own graph
                }
                for (Value object : graphs.objects(node, step, graph)) {
                    next.add(new Position(object, graph));
                }
            }
            current = next;
        }
        return current.stream().map(Position::node).distinct().toList();
    }
}
