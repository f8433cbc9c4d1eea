package org.smartcontainer.records;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * Where patient records live: the SPI of the record store. The embedded RDF4J native store is the
 * default implementation; a remote SPARQL store and a proxy to an existing EHR implement it too.
 *
 * <p>URIs that enter or leave the store are public: read methods take the {@code apiBase} to emit
 * and accept statement URIs under it. How records are stored inside is the implementation's
 * business (see {@link RecordUris}).
 */
public interface RecordStore {

    /** How many patient records the store holds. */
    long countRecords();

    /** A short description of the backend for health reports, e.g. its directory or endpoint. */
    String describe();

    /**
     * Asks the store itself whether it answers now (the readiness check), without relying on what this container
     * has cached about it.
     *
     * @throws RecordStoreUnavailableException with a message that says why, if the store does not answer
     */
    default void checkAvailable() {
        countRecords();
    }

    /** The ids of all records, sorted. */
    List<String> recordIds();

    /** Whether the record exists. */
    boolean exists(String recordId);

    /**
     * The record's revision: a number that changes on every write to the record (import, replacement, added
     * statements, deletion) and never returns to an earlier value while the store is open. It changes after the
     * write is visible to reads, so a response built from data read after seeing revision {@code r} is at least
     * as new as {@code r}: caches key their entries by it. Unknown records have a revision too (it changes when
     * they are created). {@link #NO_REVISION} from a store that others write too (a shared SPARQL store, an
     * EHR behind proxy mode): nothing read from it may be cached.
     */
    long revision(String recordId);

    /** The revision of a record that this container cannot vouch for: never cache what was read. */
    long NO_REVISION = -1;

    /**
     * Creates or atomically replaces a patient: the whole patient is written or nothing is.
     * Statement URIs already in the data are kept only if they lie in this record (under the
     * internal base or {@code apiBase}, which may be null).
     */
    ImportResult importPatient(PatientData patient, String apiBase) throws RecordImportException;

    /**
     * Creates or replaces several patients in one transaction: all of them or none (bulk loading).
     * Each patient is handled as by {@link #importPatient}.
     */
    List<ImportResult> importPatients(List<PatientData> patients, String apiBase) throws RecordImportException;

    /** Deletes a record with all its statements and files; false if there was no such record. */
    boolean deleteRecord(String recordId);

    /**
     * The statements of exactly this type in a record (no subclass inference), each with the values
     * at the given paths for filtering and sorting; no graphs are loaded. Empty for an unknown record.
     */
    List<StatementEntry> listStatements(String recordId, IRI type, List<ValuePath> paths, String apiBase);

    /**
     * The union of the graphs of these statements of the record plus those of the statements they link
     * to directly (one hop, the record excluded), with public URIs. URIs not in the record are skipped.
     */
    Model readStatements(String recordId, Collection<IRI> statementUris, String apiBase);

    /** One statement of the record with its one-hop neighbours, if it exists there with exactly this type. */
    Optional<Model> readStatement(String recordId, IRI type, IRI statementUri, String apiBase);

    /** The record's demographics graph. */
    Optional<Model> readDemographics(String recordId, String apiBase);

    /** The picker's view of one record. */
    Optional<RecordSummary> summary(String recordId);

    /** The records matching a search, ordered by family name, given name and record id. */
    List<RecordSummary> search(RecordQuery query);

    /**
     * Adds statements to an existing record without touching its other data (the API's POST). Blank statement
     * nodes get minted URIs in this record and are attached to it; named statements and references must lie in
     * this record. Returns the added graph with public URIs.
     *
     * @throws RecordImportException if the record does not exist or the graph reaches into another record
     */
    Model addStatements(String recordId, Model statements, String apiBase) throws RecordImportException;

    /** The stored file of a record's document or photograph ({@code sp:fileName}), if it exists. */
    Optional<Path> documentFile(String recordId, String fileName);
}
