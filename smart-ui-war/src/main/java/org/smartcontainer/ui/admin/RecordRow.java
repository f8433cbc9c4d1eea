package org.smartcontainer.ui.admin;

import java.io.Serializable;
import org.smartcontainer.records.RecordSummary;

/** A patient record as the patients page lists it. */
public final class RecordRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String recordId;
    private final String name;
    private final String birthDate;
    private final String gender;
    private final String medicalRecordNumber;

    RecordRow(RecordSummary summary) {
        this.recordId = summary.recordId();
        this.name = (summary.familyName() + ", " + summary.givenName()).replaceAll("^, |, $", "");
        this.birthDate = summary.birthDate();
        this.gender = summary.gender();
        this.medicalRecordNumber = summary.medicalRecordNumber();
    }

    public String getRecordId() {
        return recordId;
    }

    public String getName() {
        return name;
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

    boolean matches(String text) {
        String t = text.toLowerCase();
        return recordId.toLowerCase().contains(t) || name.toLowerCase().contains(t)
                || (medicalRecordNumber != null && medicalRecordNumber.toLowerCase().contains(t));
    }
}
