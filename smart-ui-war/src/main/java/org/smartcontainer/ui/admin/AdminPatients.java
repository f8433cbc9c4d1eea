package org.smartcontainer.ui.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.List;
import org.smartcontainer.records.ImportResult;
import org.smartcontainer.records.RecordAdministration;
import org.smartcontainer.records.RecordImportException;

/**
 * admin/patients.xhtml: import a patient file (RDF/XML, Turtle, JSON-LD), generate sample patients, delete
 * a record. The work is {@link RecordAdministration}'s, shared with the admin REST API.
 */
@Named
@ViewScoped
public class AdminPatients implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Largest patient file accepted from the browser. */
    static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    /** The most patients one click generates (as the admin REST API). */
    static final int MAX_GENERATE = 1000;

    @Inject
    private RecordAdministration administration;

    @Inject
    private AdminActions actions;

    private transient Part patientFile;
    private String recordId;
    private Integer generateCount = 10;
    private String find;
    private String pendingDeletion;

    private transient List<RecordRow> rows;

    /** The records matching the find text (id, name or MRN), ordered by name. */
    public List<RecordRow> getRecords() {
        if (rows == null) {
            List<RecordRow> all = administration.listRecords().stream().map(RecordRow::new).toList();
            rows = find == null || find.isBlank() ? all : all.stream().filter(r -> r.matches(find.strip())).toList();
        }
        return rows;
    }

    public long getRecordCount() {
        return administration.countRecords();
    }

    public void search() {
        rows = null;
    }

    public void importFile() {
        if (patientFile == null || patientFile.getSize() == 0) {
            actions.error("Choose a patient file.");
            return;
        }
        if (patientFile.getSize() > MAX_UPLOAD_BYTES) {
            actions.error("The file is too large (at most " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB).");
            return;
        }
        try (InputStream in = patientFile.getInputStream()) {
            ImportResult result = administration.importUpload(patientFile.getSubmittedFileName(), recordId, in);
            actions.audit("import_record", result.recordId(), null, result.replaced() ? 200 : 201);
            actions.info("Record " + result.recordId() + (result.replaced() ? " replaced" : " imported") + " from "
                    + patientFile.getSubmittedFileName() + " (" + result.statementCount() + " statements).");
            recordId = null;
        } catch (RecordImportException e) {
            actions.error("Not imported: " + e.getMessage());
        } catch (IOException e) {
            actions.error("The file could not be read: " + e.getMessage());
        }
        rows = null;
    }

    public void generate() {
        if (generateCount == null || generateCount < 1 || generateCount > MAX_GENERATE) {
            actions.error("Generate between 1 and " + MAX_GENERATE + " patients.");
            return;
        }
        try {
            // A fresh seed each time: new patients, rather than the default seed's first ones again.
            long seed = new SecureRandom().nextLong() & Long.MAX_VALUE;
            int generated = administration.generatePatients(generateCount, seed);
            actions.audit("generate_records", null, null, 200);
            actions.info(generated + " sample patients generated.");
        } catch (RecordImportException e) {
            actions.error("Generation failed: " + e.getMessage());
        }
        rows = null;
    }

    public void askDeletion(String id) {
        pendingDeletion = id;
    }

    public void cancelDeletion() {
        pendingDeletion = null;
    }

    public void delete() {
        String id = pendingDeletion;
        pendingDeletion = null;
        if (id == null) {
            return;
        }
        if (administration.deleteRecord(id)) {
            actions.audit("delete_record", id, null, 204);
            actions.info("Record " + id + " deleted with its statements and files.");
        } else {
            actions.error("No record " + id + ".");
        }
        rows = null;
    }

    public Part getPatientFile() {
        return patientFile;
    }

    public void setPatientFile(Part patientFile) {
        this.patientFile = patientFile;
    }

    public String getRecordId() {
        return recordId;
    }

    public void setRecordId(String recordId) {
        this.recordId = recordId;
    }

    public Integer getGenerateCount() {
        return generateCount;
    }

    public void setGenerateCount(Integer generateCount) {
        this.generateCount = generateCount;
    }

    public String getFind() {
        return find;
    }

    public void setFind(String find) {
        this.find = find;
    }

    public String getPendingDeletion() {
        return pendingDeletion;
    }
}
