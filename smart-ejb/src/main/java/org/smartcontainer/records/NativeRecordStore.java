package org.smartcontainer.records;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.smartcontainer.config.DataDirectory;
import org.smartcontainer.ontology.OntologyValidator;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.Violation;

/**
 * The record store of the container: the {@link NativeStoreRecords} under the data directory
 * ({@code records/} for the RDF, {@code documents/} for files), opened once per deployment.
 *
 * <p>Imports are checked by the {@link OntologyValidator}, or by a CDI bean implementing
 * {@link PatientValidator} if one exists; {@value ValidationMode#CONFIG_KEY} chooses REJECT, REPORT (default) or OFF.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the repository is thread-safe, writes lock themselves
public class NativeRecordStore implements RecordStore {

    @Inject
    private DataDirectory dataDirectory;

    @Inject
    @ConfigProperty(name = ValidationMode.CONFIG_KEY, defaultValue = "REPORT")
    private String validationMode;

    @Inject
    private Instance<PatientValidator> validators;

    private NativeStoreRecords store;

    @PostConstruct
    void open() {
        SmartOntology ontology = SmartOntology.loadDefault();
        PatientValidator validator = validators.isResolvable() ? validators.get() : ontologyValidator(ontology);
        store = new NativeStoreRecords(dataDirectory.subdirectory("records"), dataDirectory.subdirectory("documents"),
                StatementTypes.of(ontology), validator, ValidationMode.parse(validationMode));
    }

    /** The ontology's instance validator, its violations as messages. */
    static PatientValidator ontologyValidator(SmartOntology ontology) {
        OntologyValidator validator = new OntologyValidator(ontology);
        return model -> validator.validate(model).violations().stream().map(Violation::toString).toList();
    }

    @PreDestroy
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    public long countRecords() {
        return store.countRecords();
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public List<String> recordIds() {
        return store.recordIds();
    }

    @Override
    public boolean exists(String recordId) {
        return store.exists(recordId);
    }

    @Override
    public long revision(String recordId) {
        return store.revision(recordId);
    }

    @Override
    public ImportResult importPatient(PatientData patient, String apiBase) throws RecordImportException {
        return store.importPatient(patient, apiBase);
    }

    @Override
    public List<ImportResult> importPatients(List<PatientData> patients, String apiBase) throws RecordImportException {
        return store.importPatients(patients, apiBase);
    }

    @Override
    public boolean deleteRecord(String recordId) {
        return store.deleteRecord(recordId);
    }

    @Override
    public List<StatementEntry> listStatements(String recordId, IRI type, List<ValuePath> paths, String apiBase) {
        return store.listStatements(recordId, type, paths, apiBase);
    }

    @Override
    public Model readStatements(String recordId, Collection<IRI> statementUris, String apiBase) {
        return store.readStatements(recordId, statementUris, apiBase);
    }

    @Override
    public Optional<Model> readStatement(String recordId, IRI type, IRI statementUri, String apiBase) {
        return store.readStatement(recordId, type, statementUri, apiBase);
    }

    @Override
    public Optional<Model> readDemographics(String recordId, String apiBase) {
        return store.readDemographics(recordId, apiBase);
    }

    @Override
    public Optional<RecordSummary> summary(String recordId) {
        return store.summary(recordId);
    }

    @Override
    public List<RecordSummary> search(RecordQuery query) {
        return store.search(query);
    }

    @Override
    public Model addStatements(String recordId, Model statements, String apiBase) throws RecordImportException {
        return store.addStatements(recordId, statements, apiBase);
    }

    @Override
    public Optional<Path> documentFile(String recordId, String fileName) {
        return store.documentFile(recordId, fileName);
    }
}
