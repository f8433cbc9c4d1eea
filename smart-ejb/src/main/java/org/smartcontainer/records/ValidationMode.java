package org.smartcontainer.records;

/** What an import does with the findings of its {@link PatientValidator}. */
public enum ValidationMode {
    /** Findings abort the import. */
    REJECT,
    /** Findings are returned as warnings; the data is written. */
    REPORT,
    /** The validator is not called. */
    OFF;

    /** MicroProfile Config key of the mode; default {@link #REPORT}. */
    public static final String CONFIG_KEY = "smart.import.validation";

    /** The mode named by a configuration value (case-insensitive). */
    public static ValidationMode parse(String value) {
        return value == null || value.isBlank() ? REPORT : valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
