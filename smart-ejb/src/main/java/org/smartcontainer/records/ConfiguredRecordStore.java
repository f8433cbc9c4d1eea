package org.smartcontainer.records;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.smartcontainer.config.DataDirectory;
import org.smartcontainer.metrics.OperatorMetrics;
import org.smartcontainer.ontology.OntologyValidator;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.Violation;

/**
 * The record store of the container, opened once per deployment, chosen by {@value #BACKEND_KEY}:
 * <ul>
 * <li>{@code lmdb} (not yet the default: RDF4J's LMDB store is published up to 5.2.0, and its lazily loaded
 * {@code LmdbIRI} fails in 5.2.2's {@code SimpleIRI.hashCode}, which reads the IRI field without loading it): the
 * {@link NativeStoreRecords} on RDF4J's LMDB store under the data directory
 * ({@code records-lmdb/} for the RDF, {@code records-lmdb-journal/}, {@code documents/} for files); a native store
 * that an earlier version left in {@code records/} is migrated to it at the first start ({@link StoreMigration});</li>
 * <li>{@code native} (default): the same on RDF4J's native store ({@code records/});</li>
 * <li>{@code sparql}: the {@link SparqlStoreRecords} on a remote SPARQL 1.1 store ({@value #SPARQL_QUERY_URL_KEY},
 * {@value #SPARQL_UPDATE_URL_KEY}, optional HTTP Basic credentials and timeouts); document files stay in the
 * data directory;</li>
 * <li>{@code proxy}: the {@link ProxyRecordStore}, records served by an existing EHR at {@value ProxyMode#BASE_KEY}
 * (proxy-mode-and-security.md §1); the API forwards record reads there.</li>
 * </ul>
 *
 * <p>Imports are checked by the {@link OntologyValidator}, or by a CDI bean implementing
 * {@link PatientValidator} if one exists; {@value ValidationMode#CONFIG_KEY} chooses REJECT, REPORT (default) or OFF.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the repository is thread-safe, writes lock themselves
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // no JTA resource here: a transaction per read only cost time
public class ConfiguredRecordStore implements RecordStore {

    /** MicroProfile Config key of the backend: {@code native} (default), {@code lmdb}, {@code sparql} or {@code proxy}. */
    public static final String BACKEND_KEY = "smart.records.backend";

    private static final String SPARQL_PREFIX = "smart.records.sparql.";

    /** MicroProfile Config key of the SPARQL query endpoint of the {@code sparql} backend. */
    public static final String SPARQL_QUERY_URL_KEY = SPARQL_PREFIX + "query-url";

    /** MicroProfile Config key of the SPARQL update endpoint (default: the query endpoint). */
    public static final String SPARQL_UPDATE_URL_KEY = SPARQL_PREFIX + "update-url";

    private static final Logger LOG = Logger.getLogger(ConfiguredRecordStore.class.getName());

    @Inject
    private DataDirectory dataDirectory;

    @Inject
    @ConfigProperty(name = ValidationMode.CONFIG_KEY, defaultValue = "REPORT")
    private String validationMode;

    @Inject
    private Instance<PatientValidator> validators;

    @Inject
    @ConfigProperty(name = BACKEND_KEY, defaultValue = "native")
    private String backend;

    @Inject
    private Config config;

    @Inject
    private ProxyMode proxyMode;

    private RecordStore store;

    @Inject
    OperatorMetrics metrics;

    @PostConstruct
    void open() {
        SmartOntology ontology = SmartOntology.loadDefault();
        PatientValidator validator = validators.isResolvable() ? validators.get() : ontologyValidator(ontology);
        StatementTypes types = StatementTypes.of(ontology);
        ValidationMode mode = ValidationMode.parse(validationMode);
        store = switch (backend.strip().toLowerCase(Locale.ROOT)) {
            case "lmdb" -> openLmdb(types, validator, mode);
            case "native" -> new NativeStoreRecords(dataDirectory.subdirectory("records"),
                    dataDirectory.subdirectory("documents"), types, validator, mode);
            case "sparql" -> new SparqlStoreRecords(sparqlSettings(config), dataDirectory.subdirectory("documents"),
                    types, validator, mode);
            case "proxy" -> new ProxyRecordStore(proxyMode.proxy().orElseThrow());
            default -> throw new IllegalStateException("Unknown record store backend " + BACKEND_KEY + "=" + backend
                    + " (lmdb, native, sparql or proxy)");
        };
        LOG.info(() -> "Record store: " + store.describe());
    }

    /**
     * The LMDB store in the data directory, after migrating a native store left by an earlier version. LWJGL extracts
     * the LMDB library from its jar into {@code natives/} of the data directory (unless {@value #LWJGL_EXTRACT_PATH}
     * is set), not into the shared temporary directory.
     */
    private RecordStore openLmdb(StatementTypes types, PatientValidator validator, ValidationMode mode) {
        if (System.getProperty(LWJGL_EXTRACT_PATH) == null) {
            System.setProperty(LWJGL_EXTRACT_PATH, dataDirectory.subdirectory("natives").toString());
        }
        Path lmdb = dataDirectory.root().resolve("records-lmdb");
        Path documents = dataDirectory.subdirectory("documents");
        StoreMigration.migrateIfNeeded(dataDirectory.root(), lmdb, documents, types);
        return new NativeStoreRecords(StoreEngine.LMDB, lmdb, documents, types, validator, mode);
    }

    /** LWJGL's setting of the folder it extracts its native libraries to. */
    static final String LWJGL_EXTRACT_PATH = "org.lwjgl.system.SharedLibraryExtractPath";

    /** The SPARQL store's settings from MicroProfile Config; the query URL is required. */
    static SparqlStoreRecords.Settings sparqlSettings(Config config) {
        String query = config.getOptionalValue(SPARQL_QUERY_URL_KEY, String.class).orElseThrow(() ->
                new IllegalStateException(BACKEND_KEY + "=sparql needs " + SPARQL_QUERY_URL_KEY));
        return new SparqlStoreRecords.Settings(query,
                config.getOptionalValue(SPARQL_UPDATE_URL_KEY, String.class).orElse(null),
                config.getOptionalValue(SPARQL_PREFIX + "username", String.class).orElse(null),
                config.getOptionalValue(SPARQL_PREFIX + "password", String.class).orElse(null),
                Duration.ofMillis(config.getOptionalValue(SPARQL_PREFIX + "connect-timeout-ms", Long.class).orElse(2000L)),
                Duration.ofMillis(config.getOptionalValue(SPARQL_PREFIX + "read-timeout-ms", Long.class).orElse(30000L)),
                Duration.ofMillis(config.getOptionalValue(SPARQL_PREFIX + "update-timeout-ms", Long.class).orElse(120000L)),
                config.getOptionalValue(SPARQL_PREFIX + "max-connections", Integer.class).orElse(20));
    }

    /** The ontology's instance validator, its violations as messages. */
    static PatientValidator ontologyValidator(SmartOntology ontology) {
        OntologyValidator validator = new OntologyValidator(ontology);
        return model -> validator.validate(model).violations().stream().map(Violation::toString).toList();
    }

    @PreDestroy
    void close() {
        try {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            LOG.warning(() -> "Closing the record store " + store.describe() + ": " + e);
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
    public void checkAvailable() {
        store.checkAvailable();
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
        ImportResult imported = store.importPatient(patient, apiBase);
        metrics.recordsImported(1);
        return imported;
    }

    @Override
    public List<ImportResult> importPatients(List<PatientData> patients, String apiBase) throws RecordImportException {
        List<ImportResult> imported = store.importPatients(patients, apiBase);
        metrics.recordsImported(imported.size());
        return imported;
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
