package org.smartcontainer.records;

import static org.smartcontainer.records.RecordTerms.DEMOGRAPHICS;
import static org.smartcontainer.records.RecordTerms.HAS_STATEMENT;
import static org.smartcontainer.records.RecordTerms.MEDICAL_RECORD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpRequest;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.protocol.HttpContext;
import org.apache.http.util.EntityUtils;
import org.eclipse.rdf4j.common.exception.RDF4JException;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * The record store in a remote SPARQL 1.1 store (RDF4J Server, GraphDB, Apache Jena Fuseki, ...) reached
 * over the SPARQL protocol with RDF4J's {@link SPARQLRepository}: the same named-graph layout and
 * record-relative URIs ({@link RecordUris}) as the {@link NativeStoreRecords}, so both give the same answers. Blank
 * nodes are stored as skolem IRIs ({@link #GENID}) so that, as in the native store, a blank node is the same node in
 * every read.
 *
 * <p>Every write is <em>one</em> SPARQL Update request (drop the record's graphs, insert its new graphs), which
 * SPARQL 1.1 stores execute as one transaction: a patient is written whole or not at all, also when the
 * store goes away mid-request. Reads load the graphs they need in one query each and work on them locally.
 *
 * <p>Every call has connect and read timeouts; a store that is down, slow or refusing ends the call with a
 * {@link RecordStoreUnavailableException}, and the store is used again as soon as it answers. The search
 * index is kept in memory as in the native store and reloaded from the store after a failed write (whose
 * outcome is then unknown) or when the store was unreachable at start.
 */
public class SparqlStoreRecords extends StoredRecords implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SparqlStoreRecords.class.getName());

    /** The media type of SPARQL Update requests (SPARQL 1.1 Protocol 2.2.2). */
    private static final String SPARQL_UPDATE = "application/sparql-update";

    /**
     * Where the store keeps blank nodes: as skolem IRIs under this prefix (RDF 1.1 Concepts 3.5), each minted once
     * when written and read back as a blank node with the same id. SPARQL results label blank nodes afresh in every
     * result, so stored blank nodes would be new nodes in every query: two reads that meet at one node (an answer
     * assembled from several reads, a cache, a second container) would split it in two, where the native store keeps
     * one node. Skolem IRIs never leave this class.
     */
    static final String GENID = RecordUris.INTERNAL_BASE + "/.well-known/genid/";

    /** The ids this class mints for skolem IRIs, also valid blank node labels in every RDF syntax. */
    private static final Pattern BLANK_NODE_ID = Pattern.compile("b[0-9a-f]{32}");

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    /** Characters SPARQL does not allow in an IRI reference. */
    private static final Pattern UNSAFE_IRI = Pattern.compile("[\\x00-\\x20<>\"{}|^`\\\\]");

    /**
     * Where and how to reach the store.
     *
     * @param queryUrl the SPARQL query endpoint
     * @param updateUrl the SPARQL update endpoint (the query endpoint if null)
     * @param username HTTP Basic user, or null
     * @param password HTTP Basic password, or null
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for the answer to a query
     * @param updateTimeout how long to wait for the answer to an update (an import of many patients is one update)
     * @param maxConnections how many requests may be open at once (more wait up to the connect timeout)
     */
    public record Settings(String queryUrl, String updateUrl, String username, String password,
            Duration connectTimeout, Duration readTimeout, Duration updateTimeout, int maxConnections) {

        /** Settings with the defaults: no credentials, 2 s to connect, 30 s per query, 120 s per update, 20 connections. */
        public static Settings of(String queryUrl, String updateUrl) {
            return new Settings(queryUrl, updateUrl, null, null, Duration.ofSeconds(2), Duration.ofSeconds(30),
                    Duration.ofSeconds(120), 20);
        }
    }

    private final Settings settings;
    private final CloseableHttpClient httpClient;
    private final SPARQLRepository repository;
    private final String updateUrl;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean indexed;
    private volatile boolean loadedOnce;

    /** A store without validation. */
    public SparqlStoreRecords(Settings settings, Path documentDirectory, StatementTypes types) {
        this(settings, documentDirectory, types, PatientValidator.NONE, ValidationMode.OFF);
    }

    /**
     * Connects to the store and loads the search index; a store that does not answer yet is not an error
     * here (the index is loaded at the first call that reaches it).
     */
    public SparqlStoreRecords(Settings settings, Path documentDirectory, StatementTypes types,
            PatientValidator validator, ValidationMode validationMode) {
        super(documentDirectory, types, validator, validationMode);
        if (settings.queryUrl() == null || settings.queryUrl().isBlank()) {
            throw new IllegalArgumentException("The SPARQL record store needs a query endpoint URL");
        }
        this.settings = settings;
        int connectMs = (int) settings.connectTimeout().toMillis();
        this.httpClient = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(connectMs)
                        .setConnectionRequestTimeout(connectMs)
                        .setSocketTimeout((int) settings.readTimeout().toMillis()).build())
                .setMaxConnTotal(settings.maxConnections()).setMaxConnPerRoute(settings.maxConnections())
                .setRetryHandler(SparqlStoreRecords::retryQueryOnStaleConnection).build();
        String update = settings.updateUrl() == null || settings.updateUrl().isBlank() ? settings.queryUrl()
                : settings.updateUrl();
        this.updateUrl = update;
        this.repository = new SPARQLRepository(settings.queryUrl(), update);
        if (settings.username() != null && !settings.username().isBlank()) {
            repository.setUsernameAndPassword(settings.username(), settings.password());
        }
        repository.setHttpClient(httpClient);
        repository.init();
        try {
            ensureIndexed();
        } catch (RecordStoreUnavailableException e) {
            LOG.warning(() -> "The record store " + describe() + " does not answer at start (" + e.getMessage()
                    + "); the search index is loaded when it does");
        }
    }

    // ---- remote access ----------------------------------------------------------------------------------------

    /** Runs a unit of work on a connection; any failure to talk to the store becomes "unavailable". */
    private <T> T remote(String what, Function<RepositoryConnection, T> work) {
        try (RepositoryConnection c = repository.getConnection()) {
            return work.apply(c);
        } catch (RDF4JException e) {
            throw unavailable(what, e);
        }
    }

    private RecordStoreUnavailableException unavailable(String what, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // one line per failure: during an outage every call fails, stack traces would flood the log
        LOG.warning(() -> "The record store " + describe() + " failed to " + what + ": " + cause);
        LOG.log(Level.FINE, "Record store failure", e);
        return new RecordStoreUnavailableException("The record store is unavailable (the SPARQL store did not "
                + "answer: " + cause + "); try again later", e);
    }

    /**
     * The rows of a SELECT query, with the store's skolem IRIs turned back into blank nodes (the same node in every
     * query). Real blank nodes (data not written by this class) get labels unique to this query, as result labels
     * are only valid in one result.
     */
    private List<Map<String, Value>> select(RepositoryConnection c, String query) {
        Map<String, BNode> bnodes = new HashMap<>();
        List<Map<String, Value>> rows = new ArrayList<>();
        try (TupleQueryResult result = c.prepareTupleQuery(QueryLanguage.SPARQL, query).evaluate()) {
            for (BindingSet set : result) {
                Map<String, Value> row = new HashMap<>();
                set.forEach(b -> row.put(b.getName(), fromStore(b.getValue(), bnodes)));
                rows.add(row);
            }
        }
        return rows;
    }

    /** A value as the store answered it, as the record store's callers see it: blank nodes for skolem IRIs. */
    private static Value fromStore(Value v, Map<String, BNode> queryBlankNodes) {
        if (v instanceof IRI iri && iri.stringValue().startsWith(GENID)) {
            String id = iri.stringValue().substring(GENID.length());
            return BLANK_NODE_ID.matcher(id).matches() ? VF.createBNode(id)
                    : queryBlankNodes.computeIfAbsent(iri.stringValue(), k -> VF.createBNode());
        }
        if (v instanceof BNode n) {
            return queryBlankNodes.computeIfAbsent("_:" + n.getID(), k -> VF.createBNode());
        }
        return v;
    }

    private static boolean ask(RepositoryConnection c, String query) {
        return c.prepareBooleanQuery(QueryLanguage.SPARQL, query).evaluate();
    }

    /**
     * Whether to send a request again after it failed: once, for a query (read-only), when the store closed a kept-alive
     * connection without answering, as a restarted store does with the connections of the pool. Never for an update: it
     * may have been applied.
     */
    static boolean retryQueryOnStaleConnection(IOException failure, int executionCount, HttpContext context) {
        if (executionCount > 1 || !(failure instanceof NoHttpResponseException)) {
            return false;
        }
        HttpRequest request = HttpClientContext.adapt(context).getRequest();
        if (request instanceof HttpEntityEnclosingRequest withBody && withBody.getEntity() != null
                && withBody.getEntity().getContentType() != null
                && withBody.getEntity().getContentType().getValue().startsWith(SPARQL_UPDATE)) {
            return false;
        }
        return true;
    }

    /**
     * Sends one SPARQL Update request, the operations in its body ({@code application/sparql-update}, SPARQL 1.1
     * Protocol 2.2.2) rather than in a form: servers cap form sizes (Jetty at 200 kB) but not update bodies, and a
     * bulk import must stay one request to stay one transaction.
     */
    private void update(String what, String update) {
        HttpPost post = new HttpPost(updateUrl);
        int connectMs = (int) settings.connectTimeout().toMillis();
        post.setConfig(RequestConfig.custom().setConnectTimeout(connectMs).setConnectionRequestTimeout(connectMs)
                .setSocketTimeout((int) settings.updateTimeout().toMillis()).build());
        post.setEntity(new StringEntity(update, ContentType.create(SPARQL_UPDATE, StandardCharsets.UTF_8)));
        if (settings.username() != null && !settings.username().isBlank()) {
            String credentials = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            post.setHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        int status;
        String body;
        try (CloseableHttpResponse response = httpClient.execute(post)) {
            status = response.getStatusLine().getStatusCode();
            body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unavailable(what, e);
        }
        if (status / 100 == 2) {
            return;
        }
        String reason = "HTTP " + status + " " + body.strip().replaceAll("\\s+", " ");
        if (status >= 500 || status == 401 || status == 403 || status == 408 || status == 429) {
            throw unavailable(what, new IOException(reason.length() > 300 ? reason.substring(0, 300) : reason));
        }
        throw new IllegalStateException("The SPARQL store rejected the update to " + what + ": " + reason);
    }

    /** An IRI as a SPARQL term. */
    static String term(IRI iri) {
        if (UNSAFE_IRI.matcher(iri.stringValue()).find()) {
            throw new IllegalArgumentException("Not a usable IRI: " + iri);
        }
        return "<" + iri.stringValue() + ">";
    }

    private static boolean usable(IRI iri) {
        return !UNSAFE_IRI.matcher(iri.stringValue()).find();
    }

    /** A value as a SPARQL data term; a blank node as a skolem IRI new to the store, the same one throughout a request. */
    private static String term(Value value, Map<BNode, String> skolemIris) {
        if (value instanceof IRI iri) {
            return term(iri);
        }
        if (value instanceof BNode b) {
            return skolemIris.computeIfAbsent(b, k -> "genid:b" + UUID.randomUUID().toString().replace("-", ""));
        }
        return NTriplesUtil.toNTriplesString((Literal) value);
    }

    /** An {@code INSERT DATA} operation for the quads, blank nodes skolemized (see {@link #GENID}). */
    private static void appendInsertData(StringBuilder out, List<Statement> quads, Map<BNode, String> skolemIris) {
        out.append("PREFIX genid: <").append(GENID).append(">\nINSERT DATA {\n");
        appendGraphs(out, quads, skolemIris);
        out.append("}\n");
    }

    /** {@code GRAPH <g> { s p o . ... }} blocks for the quads, for INSERT DATA. */
    private static void appendGraphs(StringBuilder out, List<Statement> quads, Map<BNode, String> skolemIris) {
        Map<Resource, List<Statement>> byGraph = new LinkedHashMap<>();
        for (Statement q : quads) {
            byGraph.computeIfAbsent(q.getContext(), k -> new ArrayList<>()).add(q);
        }
        for (Map.Entry<Resource, List<Statement>> graph : byGraph.entrySet()) {
            out.append("GRAPH ").append(term((IRI) graph.getKey())).append(" {\n");
            for (Statement q : graph.getValue()) {
                out.append(term(q.getSubject(), skolemIris)).append(' ').append(term(q.getPredicate())).append(' ')
                        .append(term(q.getObject(), skolemIris)).append(" .\n");
            }
            out.append("}\n");
        }
    }

    /** The update that removes a record: its statement graphs, then its index graph. */
    private static void appendDrop(StringBuilder out, IRI record) {
        String r = term(record);
        out.append("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ").append(r).append(" { ").append(r).append(' ')
                .append(term(HAS_STATEMENT)).append(" ?g } GRAPH ?g { ?s ?p ?o } } ;\n");
        out.append("DROP SILENT GRAPH ").append(r).append(" ;\n");
    }

    // ---- search index -------------------------------------------------------------------------------------------

    /**
     * Loads the index if it is not loaded or was invalidated. If the store does not answer, an index loaded
     * before keeps serving (searches and summaries work during an outage); without one the call fails.
     */
    private void ensureIndexed() {
        if (!indexed) {
            synchronized (index) {
                if (!indexed) {
                    try {
                        rebuildIndex();
                        indexed = true;
                        loadedOnce = true;
                    } catch (RecordStoreUnavailableException e) {
                        if (!loadedOnce) {
                            throw e;
                        }
                    }
                }
            }
        }
    }

    private void rebuildIndex() {
        long start = System.nanoTime();
        Map<String, Model> demographics = remote("load the record index", c -> {
            Map<String, Model> found = new LinkedHashMap<>();
            for (Map<String, Value> row : select(c, "SELECT ?r WHERE { GRAPH ?r { ?r a " + term(MEDICAL_RECORD) + " } }")) {
                if (row.get("r") instanceof IRI r && RecordUris.isRecord(r)) {
                    RecordUris.recordIdOf(r, null).ifPresent(id -> found.put(id, new LinkedHashModel()));
                }
            }
            for (Map<String, Value> row : select(c, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?d a " + term(DEMOGRAPHICS)
                    + " } GRAPH ?g { ?s ?p ?o } }")) {
                if (row.get("g") instanceof IRI g) {
                    RecordUris.recordIdOf(g, null).map(found::get).ifPresent(m -> m.add((Resource) row.get("s"),
                            (IRI) row.get("p"), row.get("o")));
                }
            }
            return found;
        });
        index.clear();
        demographics.forEach((id, model) -> index.put(RecordSearchIndex.summarise(id, model)));
        LOG.info(() -> "Indexed " + index.size() + " records of " + describe() + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** After a write whose outcome is unknown: the index is reloaded from the store at the next call. */
    private void invalidateIndex() {
        indexed = false;
    }

    private Model demographics(RepositoryConnection c, String recordId) {
        Model model = new LinkedHashModel();
        for (Map<String, Value> row : select(c, "SELECT ?s ?p ?o WHERE { GRAPH " + term(demographicsGraph(recordId))
                + " { ?s ?p ?o } }")) {
            model.add((Resource) row.get("s"), (IRI) row.get("p"), row.get("o"));
        }
        return model;
    }

    // ---- RecordStore --------------------------------------------------------------------------------------------

    /** Other containers (or the EHR) write the data too: no local revision can vouch for it. */
    @Override
    public long revision(String recordId) {
        return NO_REVISION;
    }

    @Override
    public long countRecords() {
        ensureIndexed();
        return index.size();
    }

    @Override
    public String describe() {
        return "SPARQL store " + settings.queryUrl();
    }

    /** An {@code ASK {}} on the query endpoint: the search index alone would not notice an outage. */
    @Override
    public void checkAvailable() {
        remote("answer the readiness check", c -> c.prepareBooleanQuery("ASK {}").evaluate());
    }

    @Override
    public List<String> recordIds() {
        ensureIndexed();
        return index.recordIds();
    }

    /**
     * Whether the record exists: known to the index, or (written by another container on the same store)
     * found in the store, then indexed.
     */
    @Override
    public boolean exists(String recordId) {
        ensureIndexed();
        if (index.contains(recordId)) {
            return true;
        }
        if (!RecordUris.isValidRecordId(recordId)) {
            return false;
        }
        IRI record = RecordUris.record(recordId);
        Optional<Model> found = remote("look up record " + recordId, c -> ask(c, "ASK { GRAPH " + term(record) + " { "
                + term(record) + " a " + term(MEDICAL_RECORD) + " } }") ? Optional.of(demographics(c, recordId))
                        : Optional.empty());
        found.ifPresent(m -> index.put(RecordSearchIndex.summarise(recordId, m)));
        return found.isPresent();
    }

    @Override
    public List<ImportResult> importPatients(List<PatientData> patients, String apiBase) throws RecordImportException {
        ensureIndexed();
        Preparation preparation = prepare(patients, apiBase);
        List<PatientImport.Prepared> prepared = preparation.prepared();
        StringBuilder request = new StringBuilder();
        List<Statement> inserts = new ArrayList<>();
        for (PatientImport.Prepared p : prepared) {
            appendDrop(request, p.record());
            inserts.addAll(p.quads());
        }
        appendInsertData(request, inserts, new HashMap<>());
        List<Path> staged = List.of();
        writeLock.lock();
        try {
            staged = stageDocuments(patients);
            List<Boolean> replaced = new ArrayList<>();
            for (PatientImport.Prepared p : prepared) {
                replaced.add(index.contains(p.recordId()));
            }
            try {
                update("write record(s) " + prepared.stream().map(PatientImport.Prepared::recordId).toList(),
                        request.toString());
            } catch (RecordStoreUnavailableException e) {
                invalidateIndex();
                throw e;
            }
            return written(patients, preparation, replaced, staged);
        } catch (RecordImportException | RuntimeException e) {
            staged.forEach(documents::discard);
            throw e;
        } finally {
            writeLock.unlock();
        }
    }


    @Override
    public boolean deleteRecord(String recordId) {
        IRI record = RecordUris.record(RecordUris.requireRecordId(recordId));
        boolean existed = exists(recordId);
        StringBuilder request = new StringBuilder();
        appendDrop(request, record);
        writeLock.lock();
        try {
            update("delete record " + recordId, request.toString());
            documents.delete(recordId);
            index.remove(recordId);
            return existed;
        } catch (RecordStoreUnavailableException e) {
            invalidateIndex();
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

    /** The statements of the record with exactly this type, as a SPARQL group binding {@code ?x}. */
    private static String ofType(IRI record, IRI type) {
        String r = term(record);
        return "GRAPH " + r + " { " + r + " " + term(HAS_STATEMENT) + " ?x } GRAPH ?x { ?x a " + term(type) + " }";
    }

    /** The given statements of the record, as a SPARQL group binding {@code ?x}. */
    private static String among(IRI record, Collection<IRI> statements) {
        String r = term(record);
        StringBuilder values = new StringBuilder("VALUES ?x {");
        statements.forEach(s -> values.append(' ').append(term(s)));
        return values.append(" } GRAPH ").append(r).append(" { ").append(r).append(' ').append(term(HAS_STATEMENT))
                .append(" ?x } FILTER(?x != ").append(r).append(')').toString();
    }

    /**
     * The graphs (as contexts) of the statements a pattern selects plus those of the record's statements they
     * link to directly, in one query.
     */
    private Model loadGraphs(RepositoryConnection c, IRI record, String selection) {
        String r = term(record);
        String hasStatement = term(HAS_STATEMENT);
        String query = "SELECT DISTINCT ?g ?s ?p ?o WHERE {\n"
                + "  { " + selection + " BIND(?x AS ?g) }\n"
                + "  UNION\n"
                + "  { " + selection + " GRAPH ?x { ?x ?link ?g } FILTER(isIRI(?g) && ?g != " + r + ")\n"
                + "    GRAPH " + r + " { " + r + " " + hasStatement + " ?g } }\n"
                + "  GRAPH ?g { ?s ?p ?o }\n}";
        Model quads = new LinkedHashModel();
        for (Map<String, Value> row : select(c, query)) {
            quads.add((Resource) row.get("s"), (IRI) row.get("p"), row.get("o"), (Resource) row.get("g"));
        }
        return quads;
    }

    @Override
    public List<StatementEntry> listStatements(String recordId, IRI type, List<ValuePath> paths, String apiBase) {
        if (!RecordUris.isValidRecordId(recordId) || !usable(type)) {
            return List.of();
        }
        IRI record = RecordUris.record(recordId);
        String selection = ofType(record, type);
        return remote("list statements of record " + recordId, c -> {
            List<IRI> statements = new ArrayList<>();
            for (Map<String, Value> row : select(c, "SELECT DISTINCT ?x WHERE { " + selection + " }")) {
                if (row.get("x") instanceof IRI x) {
                    statements.add(x);
                }
            }
            Model quads = paths.isEmpty() || statements.isEmpty() ? new LinkedHashModel() : loadGraphs(c, record, selection);
            List<StatementEntry> entries = new ArrayList<>();
            for (IRI s : statements) {
                Map<ValuePath, List<Value>> values = new LinkedHashMap<>();
                for (ValuePath path : paths) {
                    values.put(path, evaluate(graphs(quads), s, path).stream().map(v -> RecordUris.toPublic(v, apiBase)).toList());
                }
                entries.add(new StatementEntry(RecordUris.toPublic(s, apiBase), values));
            }
            return entries;
        });
    }

    /** Loaded quads, to follow value paths through. */
    private static Graphs graphs(Model quads) {
        return new Graphs() {
            @Override
            public boolean hasSubject(Resource subject, Resource graph) {
                return quads.contains(subject, null, null, graph);
            }

            @Override
            public List<Value> objects(Resource subject, IRI predicate, Resource graph) {
                return quads.filter(subject, predicate, null, graph).objects().stream().toList();
            }
        };
    }

    @Override
    public Model readStatements(String recordId, Collection<IRI> statementUris, String apiBase) {
        Model out = new LinkedHashModel();
        if (!RecordUris.isValidRecordId(recordId)) {
            return out;
        }
        IRI record = RecordUris.record(recordId);
        Set<IRI> wanted = new LinkedHashSet<>();
        for (IRI uri : statementUris) {
            IRI s = RecordUris.toStored(uri, apiBase);
            if (usable(s) && !s.equals(record)) {
                wanted.add(s);
            }
        }
        if (wanted.isEmpty()) {
            return out;
        }
        Model quads = remote("read statements of record " + recordId, c -> loadGraphs(c, record, among(record, wanted)));
        RecordUris.addPublic(quads, apiBase, out);
        return out;
    }

    @Override
    public Optional<Model> readStatement(String recordId, IRI type, IRI statementUri, String apiBase) {
        if (!RecordUris.isValidRecordId(recordId) || !usable(type)) {
            return Optional.empty();
        }
        IRI record = RecordUris.record(recordId);
        IRI s = RecordUris.toStored(statementUri, apiBase);
        if (!usable(s) || s.equals(record)) {
            return Optional.empty();
        }
        String r = term(record);
        Model quads = remote("read a statement of record " + recordId, c -> {
            String selection = "VALUES ?x { " + term(s) + " } GRAPH " + r + " { " + r + " " + term(HAS_STATEMENT)
                    + " ?x } GRAPH ?x { ?x a " + term(type) + " }";
            return loadGraphs(c, record, selection);
        });
        if (quads.isEmpty()) {
            return Optional.empty();
        }
        Model out = new LinkedHashModel();
        RecordUris.addPublic(quads, apiBase, out);
        return Optional.of(out);
    }

    @Override
    public Optional<Model> readDemographics(String recordId, String apiBase) {
        if (!RecordUris.isValidRecordId(recordId) || !exists(recordId)) {
            return Optional.empty();
        }
        Model stored = remote("read the demographics of record " + recordId, c -> demographics(c, recordId));
        Model model = RecordUris.toPublic(stored, apiBase);
        return model.isEmpty() ? Optional.empty() : Optional.of(model);
    }

    @Override
    public Optional<RecordSummary> summary(String recordId) {
        ensureIndexed();
        return index.get(recordId);
    }

    @Override
    public List<RecordSummary> search(RecordQuery query) {
        ensureIndexed();
        return index.search(query);
    }

    @Override
    public Model addStatements(String recordId, Model statements, String apiBase) throws RecordImportException {
        if (!RecordUris.isValidRecordId(recordId) || !exists(recordId)) {
            throw new RecordImportException("There is no record " + recordId);
        }
        PatientImport.Prepared prepared = importer.prepare(PatientData.of(recordId, statements, "posted data"), apiBase);
        StringBuilder request = new StringBuilder();
        appendInsertData(request, prepared.quads(), new HashMap<>());
        writeLock.lock();
        try {
            update("add statements to record " + recordId, request.toString());
        } finally {
            writeLock.unlock();
        }
        return addedStatements(prepared, apiBase);
    }


    /** Every quad of the store's record graphs, for tests and diagnostics (contexts kept, URIs stored). */
    Model dump() {
        return remote("dump the store", c -> {
            Model all = new LinkedHashModel();
            for (Map<String, Value> row : select(c, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")) {
                all.add((Resource) row.get("s"), (IRI) row.get("p"), row.get("o"), (Resource) row.get("g"));
            }
            return all;
        });
    }

    @Override
    public void close() {
        repository.shutDown();
        try {
            httpClient.close();
        } catch (java.io.IOException e) {
            LOG.fine(() -> "Closing the HTTP client of " + describe() + ": " + e.getMessage());
        }
    }
}
