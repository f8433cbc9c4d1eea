package org.smartcontainer.records;

import java.util.Locale;

/**
 * A record search (the parameters of {@code GET /records/search}); null fields are not constrained.
 * Names and gender match case-insensitive prefixes, MRN and zipcode case-insensitive exact values,
 * birth date exact values.
 */
public record RecordQuery(String givenName, String familyName, String birthDate, String gender,
        String medicalRecordNumber, String zipcode) {

    /** A query that matches every record. */
    public static RecordQuery all() {
        return new RecordQuery(null, null, null, null, null, null);
    }

    public RecordQuery givenName(String value) {
        return new RecordQuery(value, familyName, birthDate, gender, medicalRecordNumber, zipcode);
    }

    public RecordQuery familyName(String value) {
        return new RecordQuery(givenName, value, birthDate, gender, medicalRecordNumber, zipcode);
    }

    public RecordQuery birthDate(String value) {
        return new RecordQuery(givenName, familyName, value, gender, medicalRecordNumber, zipcode);
    }

    public RecordQuery gender(String value) {
        return new RecordQuery(givenName, familyName, birthDate, value, medicalRecordNumber, zipcode);
    }

    public RecordQuery medicalRecordNumber(String value) {
        return new RecordQuery(givenName, familyName, birthDate, gender, value, zipcode);
    }

    public RecordQuery zipcode(String value) {
        return new RecordQuery(givenName, familyName, birthDate, gender, medicalRecordNumber, value);
    }

    /** Whether a record's summary satisfies every given constraint. */
    public boolean matches(RecordSummary r) {
        return prefix(givenName, r.givenName()) && prefix(familyName, r.familyName())
                && (blank(birthDate) || birthDate.strip().equals(r.birthDate()))
                && prefix(gender, r.gender())
                && (blank(medicalRecordNumber) || r.medicalRecordNumbers().stream()
                        .anyMatch(m -> m.equalsIgnoreCase(medicalRecordNumber.strip())))
                && (blank(zipcode) || zipcode.strip().equalsIgnoreCase(r.zipcode()));
    }

    private static boolean prefix(String wanted, String actual) {
        return blank(wanted) || actual.toLowerCase(Locale.ROOT).startsWith(wanted.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
