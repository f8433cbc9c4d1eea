package org.smartcontainer.records;

import static org.smartcontainer.records.RecordTerms.MEDICAL_RECORD;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.eclipse.rdf4j.repository.sail.SailRepository;

/**
 * What a store directory holds on disk, read with a plain RDF4J LMDB store (no journal, no reconciliation):
 * the graphs RDF4J lists, the graphs its statements are actually in, the records whose record graph exists,
 * and the records the journal beside it holds.
 */
record StoreStateOnDisk(Set<String> listedGraphs, Set<String> graphsWithStatements, Set<String> records,
        Set<String> journaledRecords) {

    /** Reads the store {@code <dir>/records} and its journal {@code <dir>/records-journal}. */
    static StoreStateOnDisk read(Path dir) throws IOException {
        Set<String> journaled = new TreeSet<>(new RecordJournal(dir.resolve("records-journal")).recordIds());
        SailRepository raw = new SailRepository(StoreEngine.LMDB.sail(dir.resolve("records")));
        raw.init();
        try (RepositoryConnection c = raw.getConnection()) {
            Set<String> listed = new TreeSet<>();
            try (RepositoryResult<Resource> ids = c.getContextIDs()) {
                ids.forEach(r -> listed.add(r.stringValue()));
            }
            Set<String> actual = new TreeSet<>();
            Set<String> records = new TreeSet<>();
            try (RepositoryResult<Statement> all = c.getStatements(null, RDF.TYPE, MEDICAL_RECORD, false)) {
                for (Statement st : all) {
                    if (st.getSubject() instanceof IRI iri && iri.equals(st.getContext())) {
                        RecordUris.recordIdOf(iri, null).ifPresent(records::add);
                    }
                }
            }
            try (RepositoryResult<Statement> all = c.getStatements(null, null, null, false)) {
                all.forEach(st -> actual.add(String.valueOf(st.getContext())));
            }
            return new StoreStateOnDisk(listed, actual, records, journaled);
        } finally {
            raw.shutDown();
        }
    }

    /** Journaled records whose record graph is not in the store. */
    List<String> recordsOnlyInTheJournal() {
        return journaledRecords.stream().filter(id -> !records.contains(id)).toList();
    }

    /** Graphs that hold statements but that RDF4J's list of graphs omits. */
    List<String> unlistedGraphs() {
        return graphsWithStatements.stream().filter(g -> !listedGraphs.contains(g)).toList();
    }

    /** A one-line account for assertion messages. */
    String summary() {
        return records.size() + " records in the store, " + journaledRecords.size() + " in the journal; "
                + listedGraphs.size() + " graphs listed, " + graphsWithStatements.size() + " with statements; only in the"
                + " journal: " + recordsOnlyInTheJournal() + "; unlisted graphs: " + unlistedGraphs().size();
    }
}
