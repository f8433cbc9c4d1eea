package org.smartcontainer.records;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.smartcontainer.appdata.AppDataStore;
import org.smartcontainer.records.generator.SamplePatientGenerator;

/**
 * Administration of patient records (admin pages, admin REST API): import files and folders,
 * generate sample patients, delete, list and count. The record store has its own transactions,
 * so no JTA transaction is held around these long operations.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecordAdministration {

    @Inject
    private RecordStore store;

    @EJB
    private AppDataStore appData;

    public RecordAdministration() {
        // for the container
    }

    /** For unit tests of the import side (no app data: deleting is tested on the server). */
    RecordAdministration(RecordStore store) {
        this.store = store;
    }

    /** Imports one patient file; the record id is given or, if null, the digits of the file name. */
    public ImportResult importFile(Path file, String recordId) throws RecordImportException {
        PatientData data = recordId == null ? PatientData.parse(file) : PatientData.parse(file, recordId);
        return store.importPatient(data, null);
    }

    /**
     * Imports one uploaded patient file (admin pages): the format comes from the file name's extension
     * ({@code .xml}/{@code .rdf}, {@code .ttl}, {@code .jsonld}), the record id is given or, if blank, the
     * digits of the file name.
     */
    public ImportResult importUpload(String fileName, String recordId, InputStream content) throws RecordImportException {
        String name = fileName == null ? "" : fileName.strip();
        RDFFormat format = Rio.getParserFormatForFileName(name).filter(FORMATS::contains)
                .orElseThrow(() -> new RecordImportException(
                        (name.isEmpty() ? "The file" : name) + ": unknown format (use .xml or .rdf for RDF/XML, .ttl for Turtle, .jsonld for JSON-LD)"));
        String id = recordId == null || recordId.isBlank() ? PatientData.recordIdFromFileName(name).orElseThrow(
                () -> new RecordImportException(name + ": the file name holds no record id (e.g. p1032702.xml); enter one"))
                : recordId.strip();
        try {
            return store.importPatient(PatientData.parse(id, content, format, name), null);
        } catch (IllegalArgumentException e) {
            throw new RecordImportException(name + ": " + e.getMessage(), e);
        }
    }

    private static final List<RDFFormat> FORMATS = List.of(RDFFormat.RDFXML, RDFFormat.TURTLE, RDFFormat.JSONLD);

    /** Imports every RDF file of a folder, each in its own transaction; failures are reported, not thrown. */
    public FolderImportReport importFolder(Path folder) throws IOException {
        return PatientFolderImport.importFolder(store, folder, null);
    }

    /** Generates {@code count} sample patients with the default seed (records 0..count-1 of that seed). */
    public int generatePatients(int count) throws RecordImportException {
        return generatePatients(count, SamplePatientGenerator.DEFAULT_SEED);
    }

    /** Generates {@code count} sample patients with the given seed. */
    public int generatePatients(int count, long seed) throws RecordImportException {
        return PatientFolderImport.generate(store, count, seed);
    }

    /**
     * Deletes a record with its statements and files, then the apps' scratchpads of the record (also when the
     * record was already gone, so none is left behind); false if the record did not exist.
     */
    public boolean deleteRecord(String recordId) {
        boolean existed = store.deleteRecord(recordId);
        appData.deleteScratchpads(recordId);
        return existed;
    }

    /** All records, ordered by name. */
    public List<RecordSummary> listRecords() {
        return store.search(RecordQuery.all());
    }

    /** The number of records. */
    public long countRecords() {
        return store.countRecords();
    }
}
