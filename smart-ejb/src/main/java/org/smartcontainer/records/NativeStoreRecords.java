package org.smartcontainer.records;

import static org.smartcontainer.records.RecordTerms.HAS_STATEMENT;
import static org.smartcontainer.records.RecordTerms.MEDICAL_RECORD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.AbstractMemoryOverflowModel;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.eclipse.rdf4j.repository.base.RepositoryConnectionWrapper;
import org.eclipse.rdf4j.repository.sail.SailRepository;

/**
 * The record store in an embedded RDF4J store on a directory ({@link StoreEngine}: the LMDB store by default, the
 * native store for older data directories), in the named-graph layout of data-model.md §2.2 with record-relative
 * URIs ({@link RecordUris}). Plain Java: the {@link ConfiguredRecordStore} EJB wraps it, tests and the benchmark use
 * it directly.
 *
 * <p>Every write is also kept in a {@link RecordJournal}, from which the store is repaired if the process died during
 * a write: the native store is rebuilt (its B-trees are not crash-atomic), the LMDB store only if the records of the
 * interrupted write are damaged ({@link StoreEngine#LMDB}).
 *
 * <p>Reads of one record touch only that record's graphs (the {@code cspo} index), so they cost the
 * same with 59 or 10,000 patients. Writes are serialized and each import is one transaction.
 *
 * <p>A write is in the store's files when it returns. RDF4J's native store keeps a commit in memory, and writes it
 * to its files only once no read has the store's committed state open; under steady reads that was minutes, or
 * never, and a JVM that ended without {@link #close()} lost those records (the journal restored them at the next
 * start: {@code RestartDurabilityTest}). So every read holds the shared side of {@link #access} and every commit
 * the exclusive side: at the commit no read is open and RDF4J writes it out at once.
 */
public class NativeStoreRecords extends StoredRecords implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NativeStoreRecords.class.getName());

    /**
     * Every read binds the graph (record index, statement graph), so one context-first index serves
     * them all; each further index would cost as much again on every import.
     */
    static final String INDEXES = System.getProperty("smart.records.indexes", "cspo");

    static {
        keepTransactionsInMemory();
    }

    /**
     * Turns off RDF4J's move of a transaction's change set into a temporary native store. In RDF4J 5.2 that move does
     * not depend on the transaction's size: once its garbage-collection listener sees less than 256 MB free and either
     * 300 ms of collection in a second or less than 32 MB free (a busy server with {@code -Xmx512m}), every transaction
     * that starts is moved, even a clinical note of 15 statements. The move itself costs a native store (a 5 MB bloom
     * filter, files, a sync); worse, when the moved transaction commits, its new contexts (each posted statement has a
     * graph of its own) enter the record store's list of contexts as values of the temporary store, which keeps that
     * store's value store alive for as long as the record store is open: about 6 MB per note, until the heap is full
     * (the soak's finding 8, {@code NotePostMemoryTest}). Our transactions are small and bounded (one note, one
     * record, one batch of generated patients), so they stay in memory. The thresholds are RDF4J's public settings,
     * read by its listener at each collection; they concern only this application's copy of RDF4J.
     */
    static void keepTransactionsInMemory() {
        AbstractMemoryOverflowModel.MEMORY_THRESHOLD_HIGH = Integer.MAX_VALUE; // no collection load counts as high
        AbstractMemoryOverflowModel.MIN_AVAILABLE_MEM_BEFORE_OVERFLOWING = 0; // no free memory counts as too little
    }

    /** How often a rebuild from the journal logs its progress. */
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** How long {@link #close()} waits for a write or a read in progress. */
    static final int CLOSE_WAIT_SECONDS = 30;

    private final StoreEngine engine;
    private final Path directory;
    private final SailRepository repository;
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * The thread every write runs on. RDF4J's native store must not be interrupted in a write: the interrupted
     * thread's file channel closes, the commit fails part-way, RDF4J keeps the part written (committed with the next
     * write) and drops the rest, and it can leave a lock held that stops every later write
     * ({@code InterruptedWritesTest}). Request threads do get interrupted; nothing interrupts this one.
     */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "record-store-writer");
        thread.setDaemon(true);
        return thread;
    });
    /** Shared by reads, exclusive for commits and for {@link #close()} (see the class comment). */
    private final ReentrantReadWriteLock access = new ReentrantReadWriteLock();
    /** Set by {@link #close()}: a closed store answers no more (RDF4J would silently re-open it). */
    private volatile boolean closed;
    /** Whether the store was rebuilt from the journal at opening (after a write that did not finish). */
    private boolean rebuiltAtOpen;
    /** The records the start-up comparison restored from the journal (normally none). */
    private List<String> restoredAtOpen = List.of();
    private final RecordJournal journal;
    /** Revisions of the records written since the store was opened; the others are at 0. */
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();
    /** The last revision given out, store-wide, so that a revision never repeats (not even across delete and re-create). */
    private final AtomicLong lastRevision = new AtomicLong();

    /** A native-store store without validation. */
    public NativeStoreRecords(Path directory, Path documentDirectory, StatementTypes types) {
        this(directory, documentDirectory, types, PatientValidator.NONE, ValidationMode.OFF);
    }

    /** Opens (or creates) a native store in {@code directory}; document files go to {@code documentDirectory}. */
    public NativeStoreRecords(Path directory, Path documentDirectory, StatementTypes types,
            PatientValidator validator, ValidationMode validationMode) {
        this(StoreEngine.NATIVE, directory, documentDirectory, types, validator, validationMode);
    }

    /** Opens (or creates) a store of this engine in {@code directory}; document files go to {@code documentDirectory}. */
    public NativeStoreRecords(StoreEngine engine, Path directory, Path documentDirectory, StatementTypes types,
            PatientValidator validator, ValidationMode validationMode) {
        super(documentDirectory, types, validator, validationMode);
        this.engine = engine;
        this.directory = directory;
        this.journal = new RecordJournal(directory.resolveSibling(directory.getFileName() + "-journal"));
        long start = System.nanoTime();
        this.repository = openRepository();
        rebuildIndex();
        reconcileWithJournal();
        LOG.info(() -> "Opened the record store " + describe() + " (" + index.size() + " records) in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** The store's repository, repaired first if the last write did not finish. */
    private SailRepository openRepository() {
        boolean interrupted = journal.interruptedWrite();
        if (interrupted && !engine.recoversInPlace()) {
            rebuildFromJournal();
        }
        SailRepository repo = new SailRepository(engine.sail(directory));
        repo.init();
        if (interrupted && engine.recoversInPlace()) {
            long start = System.nanoTime();
            List<String> records = interruptedRecords();
            LOG.warning(() -> "The last write to the record store " + directory + " did not finish; checking the records"
                    + " it wrote: " + records);
            if (!records.isEmpty() && wholeAfterInterruptedWrite(repo, records)) {
                journalAsStored(repo, records);
                LOG.warning(() -> "The records of the interrupted write are whole; the journal now holds them as stored ("
                        + (System.nanoTime() - start) / 1_000_000 + " ms)");
            } else {
                repo.shutDown();
                rebuildFromJournal();
                repo = new SailRepository(engine.sail(directory));
                repo.init();
            }
        }
        return repo;
    }

    private List<String> interruptedRecords() {
        try {
            return journal.interruptedRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal of the record store " + directory, e);
        }
    }

    /**
     * Whether the store holds every value of the given records and every graph it lists: a write killed between
     * the LMDB store's two commits leaves triples whose values do not exist, in the records it wrote or in graphs
     * that only they link.
     */
    private static boolean wholeAfterInterruptedWrite(SailRepository repo, List<String> recordIds) {
        try (RepositoryConnection c = repo.getConnection()) {
            try (RepositoryResult<Resource> graphs = c.getContextIDs()) {
                for (Resource graph : graphs) {
                    if (!whole(graph)) {
                        return false;
                    }
                }
            }
            for (String id : recordIds) {
                for (Statement quad : recordQuads(c, RecordUris.record(id))) {
                    if (!whole(quad.getSubject()) || !whole(quad.getPredicate()) || !whole(quad.getObject())
                            || !whole(quad.getContext())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warning(() -> "Reading the records of the interrupted write failed: " + e);
            return false;
        }
    }

    /** Whether a value read from the store has its content (a value whose id the store lacks has none). */
    private static boolean whole(Value value) {
        if (value instanceof BNode node) {
            return node.getID() != null;
        }
        if (value instanceof Literal literal) {
            return literal.getLabel() != null && literal.getDatatype() != null;
        }
        return value == null || value.stringValue() != null;
    }

    /** After an interrupted write found whole: the journal files of its records become what the store holds. */
    private void journalAsStored(SailRepository repo, List<String> recordIds) {
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        try (RepositoryConnection c = repo.getConnection()) {
            for (String id : recordIds) {
                IRI record = RecordUris.record(id);
                if (c.hasStatement(record, RDF.TYPE, MEDICAL_RECORD, false, record)) {
                    journal.stage(id, recordQuads(c, record));
                    present.add(id);
                } else {
                    absent.add(id);
                }
            }
        }
        journal.finish(present, absent);
    }

    /**
     * Makes the store and the journal hold the same records: a record only in the journal (the store
     * lost it) is restored from its file, a record only in the store (e.g. a store older than the
     * journal) gets its file. Neither should happen; each case is logged.
     */
    private void reconcileWithJournal() {
        try {
            Set<String> journaled = journal.recordIds();
            List<String> lost = journaled.stream().filter(id -> !index.contains(id)).sorted().toList();
            List<String> unjournaled = index.recordIds().stream().filter(id -> !journaled.contains(id)).toList();
            if (!lost.isEmpty()) {
                restoredAtOpen = lost;
                LOG.warning(() -> "The record store " + directory + " lacks " + lost.size()
                        + " record(s) that its journal holds; restoring them from the journal: " + lost);
                try (RepositoryConnection c = repository.getConnection()) {
                    // tells a store that lost the data from one whose list of graphs merely omits it
                    List<String> unlisted = lost.stream().filter(id -> c.hasStatement(RecordUris.record(id), RDF.TYPE,
                            MEDICAL_RECORD, false, RecordUris.record(id))).toList();
                    if (!unlisted.isEmpty()) {
                        LOG.warning(() -> unlisted.size() + " of them still have their record graph (the store's list of"
                                + " graphs omitted them): " + unlisted);
                    }
                    for (String id : lost) { // one transaction per record, as in rebuildFromJournal
                        c.begin(IsolationLevels.READ_COMMITTED);
                        c.add(RecordJournal.read(journal.recordFile(id)));
                        commit(c);
                    }
                    for (String id : lost) {
                        index.put(summarise(c, id));
                    }
                }
            }
            if (!unjournaled.isEmpty()) {
                LOG.warning(() -> "The journal of the record store " + directory + " lacks " + unjournaled.size()
                        + " record(s); writing their journal files");
                journal.begin(unjournaled);
                try (RepositoryConnection c = repository.getConnection()) {
                    for (String id : unjournaled) {
                        journal.stage(id, recordQuads(c, RecordUris.record(id)));
                    }
                }
                journal.finish(unjournaled, List.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compare the record store " + directory + " with its journal", e);
        }
    }

    /** After a crash during a write: a fresh store from the journal, the old one deleted. */
    private void rebuildFromJournal() {
        long start = System.nanoTime();
        LOG.warning(() -> "The last write to the record store " + directory
                + " did not finish; rebuilding the store from its journal");
        Path fresh = directory.resolveSibling(directory.getFileName() + "-rebuilding");
        try {
            deleteTree(fresh);
            SailRepository rebuilt = new SailRepository(engine.sail(fresh));
            rebuilt.init();
            int records = 0;
            try (RepositoryConnection c = rebuilt.getConnection()) {
                // One transaction per record, as imports do: a transaction of many records outgrows a small
                // heap, and RDF4J then moves its change set to disk and syncs it at every statement added
                // (a restore of 50 records on a 512 MB server took minutes that way).
                List<Path> files = journal.recordFiles();
                long lastReport = System.nanoTime();
                for (Path file : files) {
                    c.begin(IsolationLevels.READ_COMMITTED);
                    c.add(RecordJournal.read(file));
                    c.commit();
                    records++;
                    if (System.nanoTime() - lastReport > PROGRESS_NANOS) {
                        lastReport = System.nanoTime();
                        int done = records;
                        LOG.info(() -> "Rebuilding the record store " + directory + ": " + done + " of " + files.size()
                                + " records");
                    }
                }
            } finally {
                rebuilt.shutDown();
            }
            deleteTree(directory);
            Files.move(fresh, directory);
            journal.recovered();
            rebuiltAtOpen = true;
            int count = records;
            LOG.warning(() -> "Rebuilt the record store with " + count + " records in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the record store " + directory + " from its journal", e);
        }
    }

    /** Deletes a directory with everything in it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    private void rebuildIndex() {
        long start = System.nanoTime();
        index.clear();
        try (RepositoryConnection c = repository.getConnection();
                RepositoryResult<Resource> graphs = c.getContextIDs()) {
            for (Resource graph : graphs) {
                if (graph instanceof IRI iri && RecordUris.isRecord(iri)
                        && c.hasStatement(iri, RDF.TYPE, MEDICAL_RECORD, false, iri)) {
                    RecordUris.recordIdOf(iri, null).ifPresent(id -> index.put(summarise(c, id)));
                }
            }
        }
        LOG.fine(() -> "Indexed " + index.size() + " records in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private RecordSummary summarise(RepositoryConnection c, String recordId) {
        Model demographics = new LinkedHashModel();
        c.getStatements(null, null, null, false, demographicsGraph(recordId)).forEach(demographics::add);
        return RecordSearchIndex.summarise(recordId, demographics);
    }

    @Override
    public long countRecords() {
        return index.size();
    }

    @Override
    public String describe() {
        return "RDF4J " + engine.label() + " at " + directory;
    }

    @Override
    public List<String> recordIds() {
        return index.recordIds();
    }

    @Override
    public boolean exists(String recordId) {
        return index.contains(recordId);
    }

    @Override
    public long revision(String recordId) {
        return revisions.getOrDefault(recordId, 0L);
    }

    /**
     * Marks records as written: called after the write is visible to reads (committed, index and files updated)
     * and also after a failed write, which may have changed part of it; under the write lock.
     */
    private void revised(Collection<String> recordIds) {
        for (String recordId : recordIds) {
            revisions.put(recordId, lastRevision.incrementAndGet());
        }
    }

    @Override
    public List<ImportResult> importPatients(List<PatientData> patients, String apiBase) throws RecordImportException {
        Preparation preparation = prepare(patients, apiBase);
        return onWriterThread(() -> write(patients, preparation));
    }

    /** The write of an import, on the writer thread. */
    private List<ImportResult> write(List<PatientData> patients, Preparation preparation) throws RecordImportException {
        List<PatientImport.Prepared> prepared = preparation.prepared();
        List<Path> staged = List.of();
        writeLock.lock();
        try {
            checkOpen();
            staged = stageDocuments(patients);
            List<Boolean> replaced = new ArrayList<>();
            journal.begin(prepared.stream().map(PatientImport.Prepared::recordId).toList());
            for (PatientImport.Prepared p : prepared) {
                journal.stage(p.recordId(), p.quads());
            }
            try (RepositoryConnection c = repository.getConnection()) {
                c.begin(IsolationLevels.READ_COMMITTED);
                try {
                    for (PatientImport.Prepared p : prepared) {
                        replaced.add(removeRecordGraphs(c, p.record()));
                        c.add(p.quads());
                    }
                    commit(c);
                } catch (RuntimeException e) {
                    c.rollback();
                    journal.abandon();
                    throw new RecordImportException("Cannot write record(s) " + patients.stream()
                            .map(PatientData::recordId).toList() + " to the store: " + e.getMessage(), e);
                }
            }
            journal.finish(prepared.stream().map(PatientImport.Prepared::recordId).toList(), List.of());
            return written(patients, preparation, replaced, staged);
        } catch (RecordImportException | RuntimeException e) {
            staged.forEach(documents::discard);
            throw e;
        } finally {
            revised(patients.stream().map(PatientData::recordId).toList());
            writeLock.unlock();
        }
    }


    /** Clears the record's index graph and every statement graph it links; whether there was a record. */
    private static boolean removeRecordGraphs(RepositoryConnection c, IRI record) {
        List<Resource> graphs = new ArrayList<>();
        try (RepositoryResult<Statement> links = c.getStatements(record, HAS_STATEMENT, null, false, record)) {
            for (Statement st : links) {
                if (st.getObject() instanceof IRI s) {
                    graphs.add(s);
                }
            }
        }
        boolean existed = !graphs.isEmpty() || c.hasStatement(record, RDF.TYPE, MEDICAL_RECORD, false, record);
        if (existed) {
            // only known graphs: clearing a graph the store has never seen scans the whole store
            graphs.add(record);
            c.clear(graphs.toArray(Resource[]::new));
        }
        return existed;
    }

    @Override
    public boolean deleteRecord(String recordId) {
        IRI record = RecordUris.record(RecordUris.requireRecordId(recordId));
        return onWriterThread(() -> delete(recordId, record));
    }

    /** The write of a deletion, on the writer thread. */
    private boolean delete(String recordId, IRI record) {
        writeLock.lock();
        try {
            checkOpen();
            boolean existed;
            try (RepositoryConnection c = repository.getConnection()) {
                journal.begin(List.of(recordId));
                c.begin(IsolationLevels.READ_COMMITTED);
                existed = removeRecordGraphs(c, record);
                commit(c);
            }
            journal.finish(List.of(), List.of(recordId));
            documents.delete(recordId);
            index.remove(recordId);
            return existed;
        } finally {
            revised(List.of(recordId));
            writeLock.unlock();
        }
    }

    @Override
    public List<StatementEntry> listStatements(String recordId, IRI type, List<ValuePath> paths, String apiBase) {
        if (!RecordUris.isValidRecordId(recordId)) {
            return List.of();
        }
        IRI record = RecordUris.record(recordId);
        List<StatementEntry> entries = new ArrayList<>();
        try (RepositoryConnection c = readConnection()) {
            for (IRI s : linkedStatements(c, record)) {
                if (c.hasStatement(s, RDF.TYPE, type, false, s)) {
                    Map<ValuePath, List<Value>> values = new LinkedHashMap<>();
                    for (ValuePath path : paths) {
                        values.put(path, evaluate(graphs(c), s, path).stream().map(v -> RecordUris.toPublic(v, apiBase)).toList());
                    }
                    entries.add(new StatementEntry(RecordUris.toPublic(s, apiBase), values));
                }
            }
        }
        return entries;
    }

    private static List<IRI> linkedStatements(RepositoryConnection c, IRI record) {
        List<IRI> statements = new ArrayList<>();
        try (RepositoryResult<Statement> links = c.getStatements(record, HAS_STATEMENT, null, false, record)) {
            for (Statement st : links) {
                if (st.getObject() instanceof IRI s) {
                    statements.add(s);
                }
            }
        }
        return statements;
    }

    /** The graphs of a connection, to follow value paths through. */
    private static Graphs graphs(RepositoryConnection c) {
        return new Graphs() {
            @Override
            public boolean hasSubject(Resource subject, Resource graph) {
                return c.hasStatement(subject, null, null, false, graph);
            }

            @Override
            public List<Value> objects(Resource subject, IRI predicate, Resource graph) {
                try (RepositoryResult<Statement> found = c.getStatements(subject, predicate, null, false, graph)) {
                    return found.stream().map(Statement::getObject).toList();
                }
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
        try (RepositoryConnection c = readConnection()) {
            Set<IRI> graphs = new LinkedHashSet<>();
            for (IRI uri : statementUris) {
                IRI s = RecordUris.toStored(uri, apiBase);
                if (!s.equals(record) && c.hasStatement(record, HAS_STATEMENT, s, false, record)) {
                    graphs.add(s);
                }
            }
            for (IRI s : List.copyOf(graphs)) {
                try (RepositoryResult<Statement> links = c.getStatements(s, null, null, false, s)) {
                    for (Statement st : links) {
                        if (st.getObject() instanceof IRI o && !o.equals(record) && !graphs.contains(o)
                                && c.hasStatement(record, HAS_STATEMENT, o, false, record)) {
                            graphs.add(o);
                        }
                    }
                }
            }
            for (IRI g : graphs) {
                try (RepositoryResult<Statement> triples = c.getStatements(null, null, null, false, g)) {
                    RecordUris.addPublic(triples, apiBase, out);
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Model> readStatement(String recordId, IRI type, IRI statementUri, String apiBase) {
        if (!RecordUris.isValidRecordId(recordId)) {
            return Optional.empty();
        }
        IRI record = RecordUris.record(recordId);
        IRI s = RecordUris.toStored(statementUri, apiBase);
        try (RepositoryConnection c = readConnection()) {
            if (!c.hasStatement(record, HAS_STATEMENT, s, false, record) || !c.hasStatement(s, RDF.TYPE, type, false, s)) {
                return Optional.empty();
            }
        }
        return Optional.of(readStatements(recordId, List.of(statementUri), apiBase));
    }

    @Override
    public Optional<Model> readDemographics(String recordId, String apiBase) {
        if (!RecordUris.isValidRecordId(recordId) || !index.contains(recordId)) {
            return Optional.empty();
        }
        IRI graph = demographicsGraph(recordId);
        try (RepositoryConnection c = readConnection();
                RepositoryResult<Statement> triples = c.getStatements(null, null, null, false, graph)) {
            Model model = RecordUris.toPublic(triples, apiBase);
            return model.isEmpty() ? Optional.empty() : Optional.of(model);
        }
    }

    @Override
    public Optional<RecordSummary> summary(String recordId) {
        return index.get(recordId);
    }

    @Override
    public List<RecordSummary> search(RecordQuery query) {
        return index.search(query);
    }

    @Override
    public Model addStatements(String recordId, Model statements, String apiBase) throws RecordImportException {
        if (!RecordUris.isValidRecordId(recordId) || !index.contains(recordId)) {
            throw new RecordImportException("There is no record " + recordId);
        }
        PatientImport.Prepared prepared = importer.prepare(PatientData.of(recordId, statements, "posted data"), apiBase);
        onWriterThread(() -> add(recordId, prepared));
        return addedStatements(prepared, apiBase);
    }

    /** The write of added statements, on the writer thread. */
    private Void add(String recordId, PatientImport.Prepared prepared) throws RecordImportException {
        writeLock.lock();
        try {
            checkOpen();
            try (RepositoryConnection c = repository.getConnection()) {
                // the journal keeps whole records: the current quads plus the new ones
                List<Statement> record = new ArrayList<>(recordQuads(c, prepared.record()));
                record.addAll(prepared.quads());
                journal.begin(List.of(recordId));
                journal.stage(recordId, record);
                c.begin(IsolationLevels.READ_COMMITTED);
                try {
                    c.add(prepared.quads());
                    commit(c);
                } catch (RuntimeException e) {
                    c.rollback();
                    journal.abandon();
                    throw new RecordImportException("Cannot add statements to record " + recordId + ": " + e.getMessage(), e);
                }
            }
            journal.finish(List.of(recordId), List.of());
        } finally {
            revised(List.of(recordId));
            writeLock.unlock();
        }
        return null;
    }

    /** Every quad of a record: its index graph and the graphs of its statements. */
    private static List<Statement> recordQuads(RepositoryConnection c, IRI record) {
        List<Resource> graphs = new ArrayList<>(linkedStatements(c, record));
        graphs.add(record);
        try (RepositoryResult<Statement> quads = c.getStatements(null, null, null, false, graphs.toArray(Resource[]::new))) {
            return quads.stream().toList();
        }
    }


    /** Every quad of the store, for tests and diagnostics (contexts kept, URIs stored). */
    Model dump() {
        try (RepositoryConnection c = readConnection();
                RepositoryResult<Statement> all = c.getStatements(null, null, null, false)) {
            return new LinkedHashModel(all.stream().toList());
        }
    }

    /** The document directory of a record. */
    public Path documentDirectory(String recordId) {
        return documents.directory(recordId);
    }

    /**
     * A connection for reading that holds the shared side of {@link #access} until it is closed (by the thread that
     * opened it, as every read here does in a try-with-resources).
     */
    private RepositoryConnection readConnection() {
        Lock shared = access.readLock();
        shared.lock();
        try {
            checkOpen();
            return new RepositoryConnectionWrapper(repository, repository.getConnection()) {
                private boolean released;

                @Override
                public void close() {
                    try {
                        super.close();
                    } finally {
                        if (!released) {
                            released = true;
                            shared.unlock();
                        }
                    }
                }
            };
        } catch (RuntimeException e) {
            shared.unlock();
            throw e;
        }
    }

    /** A write that runs on the writer thread. */
    @FunctionalInterface
    private interface Write<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs a write on {@link #writer} and waits for it. An interrupt of the calling thread does not stop the write:
     * the caller keeps waiting for its outcome, then is interrupted again.
     */
    @SuppressWarnings("unchecked")
    private <T, E extends Exception> T onWriterThread(Write<T, E> write) throws E {
        Future<T> result;
        try {
            result = writer.submit(write::run);
        } catch (RejectedExecutionException e) {
            throw new RecordStoreUnavailableException("The record store " + directory + " is closed", e);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw (E) cause; // the only checked exception a Write<T, E> throws
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Commits holding {@link #access} exclusively, so that RDF4J writes the commit to its files now (class comment). */
    private void commit(RepositoryConnection c) {
        access.writeLock().lock();
        try {
            c.commit();
        } finally {
            access.writeLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new RecordStoreUnavailableException("The record store " + directory + " is closed", null);
        }
    }

    /** Whether the store was rebuilt from its journal at opening. */
    boolean rebuiltAtOpen() {
        return rebuiltAtOpen;
    }

    /** The records that the comparison with the journal at opening restored (they were missing from the store). */
    List<String> restoredAtOpen() {
        return restoredAtOpen;
    }

    /**
     * Closes the store after the write and the reads in progress (waiting at most {@value #CLOSE_WAIT_SECONDS} s for
     * each); afterwards every call fails with {@link RecordStoreUnavailableException}. RDF4J writes out what it still
     * held in memory (since commits are written at once, nothing) and releases the directory.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        long start = System.nanoTime();
        boolean writeFinished = tryLock(writeLock);
        try {
            boolean readsFinished = tryLock(access.writeLock());
            try {
                closed = true;
                if (!writeFinished || !readsFinished) {
                    LOG.warning(() -> "Closing the record store " + directory + " while a " + (writeFinished ? "read" : "write")
                            + " is still running after " + CLOSE_WAIT_SECONDS + " s");
                }
                repository.shutDown();
                writer.shutdown();
            } finally {
                if (readsFinished) {
                    access.writeLock().unlock();
                }
            }
        } finally {
            if (writeFinished) {
                writeLock.unlock();
            }
        }
        LOG.info(() -> "Closed the record store " + directory + " (" + index.size() + " records) in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static boolean tryLock(Lock lock) {
        try {
            return lock.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
