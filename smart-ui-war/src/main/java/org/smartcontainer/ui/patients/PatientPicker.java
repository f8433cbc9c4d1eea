package org.smartcontainer.ui.patients;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.primefaces.event.SelectEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.records.RecordQuery;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.RecordSummary;

/**
 * The patient picker: a search by name, birth date, medical record number and gender over the
 * record store's search index, shown one page at a time so that it stays fast with thousands of
 * patients.
 */
@Named
@ViewScoped
public class PatientPicker implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, Comparator<RecordSummary>> SORTS = Map.of(
            "familyName", Comparator.comparing(RecordSummary::familyName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(RecordSummary::givenName, String.CASE_INSENSITIVE_ORDER),
            "givenName", Comparator.comparing(RecordSummary::givenName, String.CASE_INSENSITIVE_ORDER),
            "birthDate", Comparator.comparing(RecordSummary::birthDate),
            "gender", Comparator.comparing(RecordSummary::gender),
            "medicalRecordNumber", Comparator.comparing(RecordSummary::medicalRecordNumber));

    @Inject
    private RecordStore records;

    @Inject
    private CurrentPatient currentPatient;

    @Inject
    private AccountService accounts;

    @Inject
    private Instance<SecurityContext> securityContext; // the context itself is not passivation capable

    private String familyName;
    private String givenName;
    private String birthDate;
    private String medicalRecordNumber;
    private String gender;

    private final LazyDataModel<PatientRow> patients = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return matching().size();
        }

        @Override
        public List<PatientRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<RecordSummary> found = matching();
            setRowCount(found.size());
            for (SortMeta sort : sortBy.values()) {
                Comparator<RecordSummary> order = SORTS.get(sort.getField());
                if (order != null) {
                    found = found.stream().sorted(sort.getOrder() == SortOrder.DESCENDING ? order.reversed() : order).toList();
                }
            }
            return found.subList(Math.min(first, found.size()), Math.min(first + pageSize, found.size())).stream()
                    .map(PatientRow::new).toList();
        }

        @Override
        public String getRowKey(PatientRow patient) {
            return patient.getRecordId();
        }

        @Override
        public PatientRow getRowData(String rowKey) {
            return records.summary(rowKey).filter(r -> maySee(r.recordId())).map(PatientRow::new).orElse(null);
        }
    };

    private List<RecordSummary> matching() {
        List<RecordSummary> found = records.search(new RecordQuery(givenName, familyName, birthDate, gender, medicalRecordNumber, null));
        Optional<Set<String>> allowed = recordAccess();
        return allowed.isEmpty() ? found : found.stream().filter(r -> allowed.get().contains(r.recordId())).toList();
    }

    /** The records the signed-in account is limited to (admin users page), or empty when it sees every record. */
    private Optional<Set<String>> recordAccess() {
        var caller = securityContext.get().getCallerPrincipal();
        return caller == null ? Optional.of(Set.of()) : accounts.recordAccess(caller.getName());
    }

    private boolean maySee(String recordId) {
        return recordAccess().map(allowed -> allowed.contains(recordId)).orElse(true);
    }

    /** Opens the chosen patient's record. */
    public void onPatientChosen(SelectEvent<PatientRow> event) {
        currentPatient.choose(event.getObject());
    }

    /** Clears the search. */
    public void clear() {
        familyName = null;
        givenName = null;
        birthDate = null;
        medicalRecordNumber = null;
        gender = null;
    }

    public LazyDataModel<PatientRow> getPatients() {
        return patients;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getMedicalRecordNumber() {
        return medicalRecordNumber;
    }

    public void setMedicalRecordNumber(String medicalRecordNumber) {
        this.medicalRecordNumber = medicalRecordNumber;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }
}
