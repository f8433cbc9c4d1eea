package org.smartcontainer.sampleapps.catalog;

import java.util.List;
import org.smartcontainer.sampleapps.catalog.SampleApp.Requirement;

/** The sample apps this web application serves, in launcher order. */
public final class SampleApps {

    /** The app id domain of the sample apps. */
    public static final String DOMAIN = "@apps.smartcontainer.org";

    /** The REST app (OAuth 1.0a dance over HTTP). */
    public static final String REST_APP = "rest-summary" + DOMAIN;

    /** The background refill monitor (helper-token loop). */
    public static final String REFILL_MONITOR = "refill-monitor" + DOMAIN;

    private static final List<String> GET = List.of("GET");

    private static final List<SampleApp> ALL = List.of(
            new SampleApp("med-list" + DOMAIN, "Medication List",
                    "The patient's medications as a table and as a timeline of prescriptions and fills",
                    "ui", "med-list/", null, List.of(new Requirement("Medication", GET), new Requirement("Fulfillment", GET)), true),
            new SampleApp("problem-list" + DOMAIN, "Problem List",
                    "The patient's problems (SNOMED CT) with onset and resolution", "ui", "problem-list/", null,
                    List.of(new Requirement("Problem", GET)), true),
            new SampleApp("bp-centiles" + DOMAIN, "BP Centiles",
                    "Blood pressure centiles of a child for age, sex and height (NHBPEP Fourth Report, 2004)",
                    "ui", "bp-centiles/", null,
                    List.of(new Requirement("Demographics", GET), new Requirement("VitalSignSet", GET)), true),
            new SampleApp("growth-charts" + DOMAIN, "Growth Charts",
                    "Stature-for-age of a child on the CDC 2000 centile curves", "ui", "growth-charts/", null,
                    List.of(new Requirement("Demographics", GET), new Requirement("VitalSignSet", GET)), true),
            new SampleApp("got-statins" + DOMAIN, "Got Statins?",
                    "Answers at a glance whether the patient takes a statin", "ui", "got-statins/", null,
                    List.of(new Requirement("Medication", GET)), true),
            new SampleApp("cardiac-risk" + DOMAIN, "Cardiac Risk",
                    "10-year cardiovascular risk (Reynolds Risk Score) from labs and vital signs, with what-ifs",
                    "ui", "cardiac-risk/", null,
                    List.of(new Requirement("Demographics", GET), new Requirement("LabResult", GET),
                            new Requirement("VitalSignSet", GET)), true),
            new SampleApp("api-playground" + DOMAIN, "API Playground",
                    "Pick any call of the ontology, run it and see RDF/XML, Turtle and JSON-LD", "ui", "api-playground/",
                    null, List.of(), true),
            new SampleApp("pref-scratch" + DOMAIN, "Preferences and Scratchpad",
                    "Free text kept per user (preferences) and per patient record (scratchpad)", "ui", "pref-scratch/",
                    null, List.of(new Requirement("UserPreferences", List.of("GET", "PUT", "DELETE")),
                            new Requirement("ScratchpadData", List.of("GET", "PUT", "DELETE"))), true),
            new SampleApp(REST_APP, "Patient Summary (REST)",
                    "A server-side app: OAuth 1.0a over HTTP, then the patient's demographics and medications",
                    "ui", "rest-app/", "rest-app/authorize",
                    List.of(new Requirement("Demographics", GET), new Requirement("Medication", GET)), true),
            new SampleApp(REFILL_MONITOR, "Refill Monitor",
                    "Background job: for every record, when each medication runs out; notes it in the record",
                    "background", null, null,
                    List.of(new Requirement("Medication", GET), new Requirement("ClinicalNote", List.of("GET", "POST"))),
                    false));

    private SampleApps() {
    }

    /** Every sample app. */
    public static List<SampleApp> all() {
        return ALL;
    }
}
