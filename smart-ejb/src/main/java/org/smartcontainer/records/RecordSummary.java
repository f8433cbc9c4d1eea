package org.smartcontainer.records;

import java.util.List;

/**
 * A patient as the picker and the record search see it, taken from the demographics. Absent values
 * are empty strings.
 *
 * @param recordId the record id
 * @param givenName {@code v:n/v:given-name}
 * @param familyName {@code v:n/v:family-name}
 * @param birthDate {@code v:bday} as stored (ISO-8601 date)
 * @param gender {@code foaf:gender} ({@code male}/{@code female})
 * @param medicalRecordNumbers {@code sp:medicalRecordNumber/dcterms:identifier}
 * @param zipcode {@code v:adr/v:postal-code}, the {@code v:Pref} address first
 */
public record RecordSummary(String recordId, String givenName, String familyName, String birthDate, String gender,
        List<String> medicalRecordNumbers, String zipcode) {

    public RecordSummary {
        medicalRecordNumbers = List.copyOf(medicalRecordNumbers);
    }

    /** The first medical record number, or an empty string. */
    public String medicalRecordNumber() {
        return medicalRecordNumbers.isEmpty() ? "" : medicalRecordNumbers.get(0);
    }

    /** "Given Family". */
    public String fullName() {
        return (givenName + " " + familyName).strip();
    }
}
