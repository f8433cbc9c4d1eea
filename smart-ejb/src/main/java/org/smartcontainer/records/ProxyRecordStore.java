package org.smartcontainer.records;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.Rio;

/**
 * The record store of proxy mode (proxy-mode-and-security.md §1): the records live in an existing EHR reached
 * through a {@link RecordProxy}; the API forwards record reads there itself. This store answers what the rest of
 * the container asks about records: whether one exists (the EHR has its demographics), its summary, and the
 * search over the records the container has seen (the locally known proxied records, §1.2). Writes are refused:
 * the EHR owns the data.
 */
public class ProxyRecordStore implements RecordStore {

    private final RecordProxy proxy;
    private final RecordSearchIndex known = new RecordSearchIndex();

    public ProxyRecordStore(RecordProxy proxy) {
        this.proxy = proxy;
    }

    /** The client that reaches the EHR. */
    public RecordProxy proxy() {
        return proxy;
    }

    /** Other containers (or the EHR) write the data too: no local revision can vouch for it. */
    @Override
    public long revision(String recordId) {
        return NO_REVISION;
    }

    @Override
    public long countRecords() {
        return known.size();
    }

    @Override
    public String describe() {
        return "proxy to the EHR at " + proxy.base();
    }

    /** A {@code GET} of the EHR's base: any answer but a server error means that it is there. */
    @Override
    public void checkAvailable() {
        RecordProxy.Answer answer = proxy.get("/", Map.of());
        if (answer.status() >= 500) {
            throw new RecordStoreUnavailableException("The EHR is unavailable (it answered HTTP " + answer.status()
                    + "); try again later", null);
        }
    }

    @Override
    public List<String> recordIds() {
        return known.recordIds();
    }

    /** Known already, or the EHR serves the record's demographics (then it becomes known). */
    @Override
    public boolean exists(String recordId) {
        if (!RecordUris.isValidRecordId(recordId)) {
            return false;
        }
        if (known.contains(recordId)) {
            return true;
        }
        return fetchDemographics(recordId, null).isPresent();
    }

    private Optional<Model> fetchDemographics(String recordId, String apiBase) {
        RecordProxy.Answer answer = proxy.get("/records/" + recordId + "/demographics",
                Map.of(RecordProxy.RECORD_HEADER, recordId));
        if (answer.status() == 404 || answer.status() == 410) {
            known.remove(recordId);
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new RecordStoreUnavailableException("The EHR answered HTTP " + answer.status()
                    + " for the demographics of record " + recordId, null);
        }
        Model model;
        try {
            String base = apiBase == null ? "http://localhost/" : apiBase;
            model = Rio.parse(new ByteArrayInputStream(answer.body()), base, Rio.getParserFormatForMIMEType(
                    answer.contentType() == null ? "" : answer.contentType().split(";")[0].strip()).orElse(RDFFormat.RDFXML));
        } catch (IOException | RDFParseException e) {
            throw new RecordStoreUnavailableException("The EHR sent demographics of record " + recordId
                    + " that cannot be read: " + e.getMessage(), e);
        }
        known.put(RecordSearchIndex.summarise(recordId, model));
        return Optional.of(model);
    }

    /** Refused: the EHR owns the data. */
    @Override
    public ImportResult importPatient(PatientData patient, String apiBase) throws RecordImportException {
        throw refused();
    }

    /** Refused: the EHR owns the data. */
    @Override
    public List<ImportResult> importPatients(List<PatientData> patients, String apiBase) throws RecordImportException {
        throw refused();
    }

    private RecordImportException refused() {
        return new RecordImportException("The container runs in proxy mode: records live in the EHR at "
                + proxy.base() + " and cannot be written here");
    }

    /** Forgets a proxied record locally (its data stays in the EHR); false if it was not known. */
    @Override
    public boolean deleteRecord(String recordId) {
        boolean wasKnown = known.contains(recordId);
        known.remove(recordId);
        return wasKnown;
    }

    @Override
    public List<StatementEntry> listStatements(String recordId, IRI type, List<ValuePath> paths, String apiBase) {
        throw notHere();
    }

    @Override
    public Model readStatements(String recordId, Collection<IRI> statementUris, String apiBase) {
        throw notHere();
    }

    @Override
    public Optional<Model> readStatement(String recordId, IRI type, IRI statementUri, String apiBase) {
        throw notHere();
    }

    private static IllegalStateException notHere() {
        return new IllegalStateException("In proxy mode record reads are forwarded to the EHR, not read from a store");
    }

    @Override
    public Optional<Model> readDemographics(String recordId, String apiBase) {
        if (!RecordUris.isValidRecordId(recordId)) {
            return Optional.empty();
        }
        return fetchDemographics(recordId, apiBase).map(LinkedHashModel::new);
    }

    @Override
    public Optional<RecordSummary> summary(String recordId) {
        return exists(recordId) ? known.get(recordId) : Optional.empty();
    }

    /** The records the container has seen (proxied records have no search at the EHR in this protocol). */
    @Override
    public List<RecordSummary> search(RecordQuery query) {
        return known.search(query);
    }

    @Override
    public Model addStatements(String recordId, Model statements, String apiBase) throws RecordImportException {
        throw refused();
    }

    @Override
    public Optional<Path> documentFile(String recordId, String fileName) {
        return Optional.empty();
    }
}
