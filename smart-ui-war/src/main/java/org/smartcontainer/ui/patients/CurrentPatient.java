package org.smartcontainer.ui.patients;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** The patient the clinician has chosen: the context every record-scoped app runs in. */
@Named
@SessionScoped
public class CurrentPatient implements Serializable {

    private static final long serialVersionUID = 1L;

    private PatientRow patient;

    /** Whether a patient is chosen. */
    public boolean isChosen() {
        return patient != null;
    }

    /** The chosen patient, or null. */
    public PatientRow getPatient() {
        return patient;
    }

    void choose(PatientRow chosen) {
        this.patient = chosen;
    }

    /** Age for the banner: years, or months and days for infants; empty when the birth date is unknown. */
    public String getAge() {
        return patient == null ? "" : age(patient.getBirthDate(), LocalDate.now());
    }

    static String age(String birthDate, LocalDate today) {
        if (birthDate == null || birthDate.length() < 10) {
            return "";
        }
        try {
            Period p = Period.between(LocalDate.parse(birthDate.substring(0, 10)), today);
            if (p.isNegative()) {
                return "";
            }
            if (p.getYears() >= 2) {
                return p.getYears() + " y";
            }
            if (p.toTotalMonths() >= 1) {
                return p.toTotalMonths() + " mo";
            }
            return p.getDays() + " d";
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
