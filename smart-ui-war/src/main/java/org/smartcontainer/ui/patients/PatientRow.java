package org.smartcontainer.ui.patients;

import java.io.Serializable;
import org.smartcontainer.records.RecordSummary;

/** A patient as pages show it: bean-style getters, since Jakarta EL 5 does not read record components. */
public final class PatientRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String recordId;
    private final String givenName;
    private final String familyName;
    private final String birthDate;
    private final String gender;
    private final String medicalRecordNumber;

    PatientRow(RecordSummary summary) {
        this.recordId = summary.recordId();
        this.givenName = summary.givenName();
        this.familyName = summary.familyName();
        this.birthDate = summary.birthDate();
        this.gender = summary.gender();
        this.medicalRecordNumber = summary.medicalRecordNumber();
    }

    public String getRecordId() {
        return recordId;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getFullName() {
        return (givenName + " " + familyName).strip();
    }

    public String getBirthDate() {
        return birthDate;
    }

    public String getGender() {
        return gender;
    }

    public String getMedicalRecordNumber() {
        return medicalRecordNumber;
    }
}
