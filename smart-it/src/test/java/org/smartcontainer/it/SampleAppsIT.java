package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.Role;
import org.smartcontainer.apps.AppKind;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.records.FolderImportReport;
import org.smartcontainer.records.RecordAdministration;

/**
 * The sample apps end to end on the real EAR: registered on the first start, launched from the portal
 * (whose SMART Connect host frames them) in headless Chromium for a patient who has their data and one
 * who has none, checked against the upstream sample files read independently here; the REST app's whole
 * OAuth dance through the portal's record chooser and authorization page (approve and deny); the refill
 * monitor's helper-token loop over every record. Browser code lives in {@link SampleAppPages}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleAppsIT {

    static final String CLINICIAN = "apps.clinician";
    static final String PASSWORD = "Sample-apps-password-1";
    static final String DOMAIN = "@apps.smartcontainer.org";

    /** An adult on a statin, with fills and lipid labs. */
    static final String ADULT = "1137192";
    /** A girl with blood pressures and heights from 3 to 8 years. */
    static final String BP_CHILD = "1482713";
    /** A boy with heights only: no medications, problems, labs or blood pressures. */
    static final String GROWTH_CHILD = "7777703";
    /** A patient with a medication but no fill. */
    static final String NO_FILLS = "1032702";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withTestClasses(SampleAppsIT.class, SamplePatients.class, SampleRecords.class, Browser.class,
                PortalPages.class, SampleAppPages.class);
    }

    @EJB
    private RecordAdministration administration;

    @EJB
    private AccountService accounts;

    @EJB
    private AppRegistry apps;

    // ---- setup, in the container --------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theSampleAppsAreRegisteredOnTheFirstStartAndTheSamplePatientsImported() throws Exception {
        FolderImportReport report = administration.importFolder(SamplePatients.folder());
        assertEquals(List.of(), report.failedFiles(), report.failed().toString());
        if (accounts.findByUsername(CLINICIAN).isEmpty()) {
            accounts.create(CLINICIAN, "Apps", "Clinician", PASSWORD.toCharArray(), EnumSet.of(Role.clinician));
        }
        for (String app : List.of("med-list", "problem-list", "bp-centiles", "growth-charts", "got-statins", "cardiac-risk",
                "api-playground", "pref-scratch", "rest-summary")) {
            var installed = apps.find(app + DOMAIN).orElseThrow(() -> new AssertionError(app + " is not registered"));
            assertEquals(AppKind.ui, installed.getKind());
            assertTrue(installed.isEnabledByDefault(), app);
        }
        assertEquals(AppKind.background, apps.find("refill-monitor" + DOMAIN).orElseThrow().getKind());
        assertTrue(apps.consumer("refill-monitor" + DOMAIN).orElseThrow().secret().length() >= 16, "a generated secret");
    }

    @Test
    @Order(2)
    @RunAsClient
    void theManifestsPointAtThisServersSampleAppsAndTheClientLibraryCarriesTheOntologysMethods() throws Exception {
        for (String app : List.of("med-list", "bp-centiles", "rest-summary")) {
            JsonObject registered = json(adminGet("/api/admin/apps/" + app + DOMAIN));
            String manifest = registered.toString();
            assertTrue(manifest.contains("\"index\":\"" + TestServer.base() + "/sample-apps/" + app.replace("rest-summary", "rest-app") + "/\""), manifest);
        }
        HttpResponse<String> library = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/sample-apps/smart-connect-client.js"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, library.statusCode());
        assertTrue(library.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        for (String method : List.of("get_medications", "get_vital_sign_sets", "put_scratchpad_data", "get_ontology")) {
            assertTrue(library.body().contains("\"name\":\"" + method + "\""), method);
        }
    }

    // ---- the browser apps ----------------------------------------------------------------------------------------

    @Test
    @Order(10)
    @RunAsClient
    void theMedicationListShowsEveryMedicationOfThePatientAndAnEmptyStateForNone() throws Exception {
        try (Browser browser = signedIn()) {
            SampleAppPages.choosePatient(browser, ADULT, SampleRecords.familyName(ADULT));
            SampleAppPages.launch(browser, "med-list" + DOMAIN);
            Set<String> shown = SampleAppPages.rows(browser, "medications").stream().map(r -> r.get(0)).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(SampleRecords.medicationNames(ADULT), shown);
            browser.screenshot("sample-apps-med-list");
            SampleAppPages.click(browser, "tab-timeline");
            assertTrue(SampleAppPages.has(browser, "timelineChart"));
            SampleAppPages.settle(browser);
            browser.screenshot("sample-apps-med-list-timeline");

            SampleAppPages.backToPortal(browser);
            SampleAppPages.choosePatient(browser, GROWTH_CHILD, SampleRecords.familyName(GROWTH_CHILD));
            SampleAppPages.launch(browser, "med-list" + DOMAIN);
            assertEquals("No medications are recorded for this patient.", SampleAppPages.text(browser, "empty"));
            browser.screenshot("sample-apps-med-list-empty");
        }
    }

    @Test
    @Order(11)
    @RunAsClient
    void theProblemListShowsEveryProblemAndAnEmptyStateForNone() throws Exception {
        try (Browser browser = signedIn()) {
            SampleAppPages.choosePatient(browser, ADULT, SampleRecords.familyName(ADULT));
            SampleAppPages.launch(browser, "problem-list" + DOMAIN);
            Set<String> shown = SampleAppPages.rows(browser, "problems").stream().map(r -> r.get(0)).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(SampleRecords.problemNames(ADULT), shown);
            browser.screenshot("sample-apps-problem-list");

            SampleAppPages.backToPortal(browser);
            SampleAppPages.choosePatient(browser, GROWTH_CHILD, SampleRecords.familyName(GROWTH_CHILD));
            SampleAppPages.launch(browser, "problem-list" + DOMAIN);
            assertEquals("No problems are recorded for this patient.", SampleAppPages.text(browser, "empty"));
        }
    }

    @Test
    @Order(12)
    @RunAsClient
    void bpCentilesComputesTheFourthReportCentilesOfTheChildsLatestReadingAndExplainsAdults() throws Exception {
        SampleRecords.BloodPressure latest = SampleRecords.bloodPressures(BP_CHILD).get(SampleRecords.bloodPressures(BP_CHILD).size() - 1);
        double ageMonths = ChronoUnit.DAYS.between(LocalDate.parse(SampleRecords.birthDate(BP_CHILD)), LocalDate.parse(latest.date())) / (365.25 / 12);
        double heightZ = FourthReport.heightZ(SampleRecords.gender(BP_CHILD), ageMonths, latest.height());
        double systolic = FourthReport.centile(SampleRecords.gender(BP_CHILD), true, ageMonths / 12, heightZ, latest.systolic());
        double diastolic = FourthReport.centile(SampleRecords.gender(BP_CHILD), false, ageMonths / 12, heightZ, latest.diastolic());
        try (Browser browser = signedIn()) {
            SampleAppPages.choosePatient(browser, BP_CHILD, SampleRecords.familyName(BP_CHILD));
            SampleAppPages.launch(browser, "bp-centiles" + DOMAIN);
            assertTrue(SampleAppPages.text(browser, "latestReading").startsWith((int) latest.systolic() + "/" + (int) latest.diastolic()));
            assertEquals(ordinal(systolic), SampleAppPages.text(browser, "latestSystolic"), "systolic centile of " + systolic);
            assertEquals(ordinal(diastolic), SampleAppPages.text(browser, "latestDiastolic"), "diastolic centile of " + diastolic);
            SampleAppPages.settle(browser);
            browser.screenshot("sample-apps-bp-centiles");
            SampleAppPages.click(browser, "tab-table");
            assertEquals(SampleRecords.bloodPressures(BP_CHILD).stream().filter(b -> LocalDate.parse(b.date())
                    .isAfter(LocalDate.parse(SampleRecords.birthDate(BP_CHILD)).plusYears(2))).count(),
                    SampleAppPages.rows(browser, "readings").size());

            SampleAppPages.backToPortal(browser);
            SampleAppPages.choosePatient(browser, ADULT, SampleRecords.familyName(ADULT));
            SampleAppPages.launch(browser, "bp-centiles" + DOMAIN);
            assertTrue(SampleAppPages.text(browser, "empty").startsWith("No blood pressure readings"));
            browser.screenshot("sample-apps-bp-centiles-empty");
        }
    }

    @Test
    @Order(13)
    @RunAsClient
    void growthChartsPlotTheChildsHeightsOnTheCdcCentilesAndExplainARecordWithoutHeights() throws Exception {
        SampleRecords.Height latest = SampleRecords.heights(GROWTH_CHILD).get(SampleRecords.heights(GROWTH_CHILD).size() - 1);
        double ageMonths = ChronoUnit.DAYS.between(LocalDate.parse(SampleRecords.birthDate(GROWTH_CHILD)), LocalDate.parse(latest.date())) / (365.25 / 12);
        double centile = 100 * FourthReport.phi(FourthReport.heightZ(SampleRecords.gender(GROWTH_CHILD), ageMonths, latest.height()));
        try (Browser browser = signedIn()) {
            SampleAppPages.choosePatient(browser, GROWTH_CHILD, SampleRecords.familyName(GROWTH_CHILD));
            SampleAppPages.launch(browser, "growth-charts" + DOMAIN);
            String shown = SampleAppPages.text(browser, "latestHeight");
            assertTrue(shown.startsWith(String.format(java.util.Locale.ROOT, "%.1f cm", latest.height())), shown);
            int shownCentile = Integer.parseInt(shown.replaceAll(".*, (\\d+)(st|nd|rd|th) centile.*", "$1"));
            assertTrue(Math.abs(shownCentile - centile) <= 1, shown + " vs " + centile);
            SampleAppPages.settle(browser);
            browser.screenshot("sample-apps-growth-charts");

            SampleAppPages.backToPortal(browser);
            SampleAppPages.choosePatient(browser, ADULT, SampleRecords.familyName(ADULT));
            SampleAppPages.launch(browser, "growth-charts" + DOMAIN);
            assertEquals("No heights are recorded for this patient.", SampleAppPages.text(browser, "empty"));
        }
    }

    @Test
    @Order(14)
    @RunAsClient
    void gotStatinsAnswersYesWithTheStatinForAPatientOnOneAndNoForAPatientWithoutMedications() throws Exception {
        Set<String> statins = SampleRecords.medicationNames(ADULT).stream().filter(n -> n.toLowerCase().matches(".*\\b[a-z]*vastatin\\b.*"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(statins.isEmpty(), "the adult sample patient takes a statin");
        try (Browser browser = signedIn()) {
            SampleAppPages.choosePatient(browser, ADULT, SampleRecords.familyName(ADULT));
            SampleAppPages.launch(browser, "got-statins" + DOMAIN);
            assertEquals("Yes", SampleAppPages.text(browser, "answer"));
            assertEquals(statins, SampleAppPages.rows(browser, "statins").stream().map(r -> r.get(0)).collect(Collectors.toCollection(TreeSet::new)));
            browser.screenshot("sample-apps-got-statins");

            SampleAppPages.backToPortal(browser);
            SampleAppPages.choosePatient(browser, GROWTH_CHILD, SampleRecords.familyName(GROWTH_CHILD));
            SampleAppPages.launch(browser, "got-statins" + DOMAIN);
            assertEquals("No", SampleAppPages.text(browser, "answer"));
            assertTrue(SampleAppPages.text(browser, "empty").startsWith("No medications are recorded"));
        }
    }

    @Test
    @Order(15)
    @RunAsClient
    void cardiacRiskComputesTheReynoldsScoreFromTheLatestLabsAndNamesWhatIsMissing() throws Exception {
        try (Browser browser = signedIn()) {
            SampleAppPages.choosePatient(browser, ADULT, SampleRecords.familyName(ADULT));
            SampleAppPages.launch(browser, "cardiac-risk" + DOMAIN);
            List<List<String>> inputs = SampleAppPages.rows(browser, "inputs");
            double crp = Double.parseDouble(inputs.get(1).get(1));
            double tc = Double.parseDouble(inputs.get(2).get(1));
            double hdl = Double.parseDouble(inputs.get(3).get(1));
            assertTrue(SampleRecords.latestLab(ADULT, "30522-7").contains(crp), "hsCRP " + crp);
            assertTrue(SampleRecords.latestLab(ADULT, "2093-3").contains(tc), "total cholesterol " + tc);
            assertTrue(SampleRecords.latestLab(ADULT, "2085-9").contains(hdl), "HDL " + hdl);
            double age = ChronoUnit.DAYS.between(LocalDate.parse(SampleRecords.birthDate(ADULT)), LocalDate.now()) / 365.25;
            double expected = Reynolds.risk(SampleRecords.gender(ADULT), age, 120, crp, tc, hdl, false);
            String risk = SampleAppPages.text(browser, "risk");
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f %%", expected), risk);
            SampleAppPages.click(browser, "smoker");
            String smoking = SampleAppPages.waitForText(browser, "risk", String.format(java.util.Locale.ROOT, "%.1f %%",
                    Reynolds.risk(SampleRecords.gender(ADULT), age, 120, crp, tc, hdl, true)));
            assertFalse(smoking.equals(risk), "smoking raises the risk");
            browser.screenshot("sample-apps-cardiac-risk");

            SampleAppPages.backToPortal(browser);
            SampleAppPages.choosePatient(browser, GROWTH_CHILD, SampleRecords.familyName(GROWTH_CHILD));
            SampleAppPages.launch(browser, "cardiac-risk" + DOMAIN);
            assertTrue(SampleAppPages.text(browser, "empty").contains("no hsCRP"));
        }
    }

    @Test
    @Order(16)
    @RunAsClient
    void theApiPlaygroundRunsACallOfTheOntologyAndShowsTurtleRdfXmlAndJsonLd() throws Exception {
        try (Browser browser = signedIn()) {
            SampleAppPages.choosePatient(browser, ADULT, SampleRecords.familyName(ADULT));
            SampleAppPages.launch(browser, "api-playground" + DOMAIN);
            SampleAppPages.click(browser, "run");
            String family = SampleRecords.familyName(ADULT);
            assertTrue(SampleAppPages.waitForText(browser, "turtleView", family).contains("sp:Demographics"));
            SampleAppPages.click(browser, "tab-rdfxml");
            assertTrue(SampleAppPages.waitForText(browser, "rdfxmlView", family).contains("rdf:RDF"));
            SampleAppPages.click(browser, "tab-jsonld");
            assertTrue(SampleAppPages.waitForText(browser, "jsonldView", family).contains("\"@context\""));
            browser.screenshot("sample-apps-api-playground");
        }
    }

    @Test
    @Order(17)
    @RunAsClient
    void thePreferencesAndScratchpadAppStoresTextReadableThroughTheApi() throws Exception {
        String note = "Call the family on Monday " + System.nanoTime();
        try (Browser browser = signedIn()) {
            SampleAppPages.choosePatient(browser, GROWTH_CHILD, SampleRecords.familyName(GROWTH_CHILD));
            SampleAppPages.launch(browser, "pref-scratch" + DOMAIN);
            assertEquals("Nothing stored yet.", SampleAppPages.text(browser, "scratchpadStatus"));
            SampleAppPages.type(browser, "scratchpadText", note);
            SampleAppPages.click(browser, "scratchpadSave");
            SampleAppPages.waitForText(browser, "scratchpadStatus", "Saved.");
            browser.screenshot("sample-apps-pref-scratch");
        }
        HttpResponse<String> stored = adminGet("/api/records/" + GROWTH_CHILD + "/apps/pref-scratch" + DOMAIN + "/scratchpad");
        assertEquals(200, stored.statusCode());
        assertEquals(note, stored.body());
    }

    // ---- the REST app --------------------------------------------------------------------------------------------

    @Test
    @Order(20)
    @RunAsClient
    void theRestAppDancesOAuthThroughTheRecordChooserAndConsentAndShowsDemographicsAndMedications() throws Exception {
        try (Browser browser = signedIn()) {
            SampleAppPages.startRestAppFor(browser, ADULT, SampleRecords.familyName(ADULT));
            browser.screenshot("sample-apps-rest-consent-pending");
            SampleAppPages.answerConsent(browser, true);
            assertEquals("Patient summary", SampleAppPages.restAppTitle(browser));
            assertEquals(SampleRecords.givenName(ADULT) + " " + SampleRecords.familyName(ADULT), SampleAppPages.text(browser, "patientName"));
            assertEquals(SampleRecords.birthDate(ADULT), SampleAppPages.text(browser, "birthDate"));
            assertEquals(SampleRecords.medicationNames(ADULT), SampleAppPages.rows(browser, "medications").stream().map(r -> r.get(0))
                    .collect(Collectors.toCollection(TreeSet::new)));
            browser.screenshot("sample-apps-rest-app");

            // an approval is remembered: the second launch for the same patient goes straight through
            SampleAppPages.startRestAppFor(browser, ADULT, SampleRecords.familyName(ADULT));
            assertEquals("Patient summary", SampleAppPages.restAppTitle(browser));
        }
    }

    @Test
    @Order(22)
    @RunAsClient
    void theRestAppLaunchedInsideThePortalGetsItsTokensInItsFrame() throws Exception {
        try (Browser browser = signedIn()) {
            SampleAppPages.choosePatient(browser, ADULT, SampleRecords.familyName(ADULT));
            SampleAppPages.launchFramed(browser, "rest-summary" + DOMAIN);
            // approved before for this patient (test above): no consent page, straight to the summary
            assertEquals("Patient summary", SampleAppPages.restAppTitle(browser));
            assertEquals(SampleRecords.givenName(ADULT) + " " + SampleRecords.familyName(ADULT), SampleAppPages.text(browser, "patientName"));
            assertEquals(ADULT, SampleAppPages.text(browser, "recordId"));
            SampleAppPages.waitUntilThePortalSeesTheAppReady(browser, "rest-summary" + DOMAIN);
            browser.screenshot("sample-apps-rest-app-in-portal");
        }
    }

    @Test
    @Order(21)
    @RunAsClient
    void aDeniedRestAppIsToldSoAndShowsNoPatientData() throws Exception {
        try (Browser browser = signedIn()) {
            SampleAppPages.startRestAppFor(browser, GROWTH_CHILD, SampleRecords.familyName(GROWTH_CHILD));
            SampleAppPages.answerConsent(browser, false);
            assertEquals("Access not granted", SampleAppPages.restAppTitle(browser));
            assertFalse(SampleAppPages.has(browser, "patientName"));
            browser.open("/sample-apps/rest-app/patient");
            assertEquals("Not authorized", SampleAppPages.restAppTitle(browser));
            browser.screenshot("sample-apps-rest-app-denied");
        }
    }

    // ---- the background app --------------------------------------------------------------------------------------

    @Test
    @Order(30)
    @RunAsClient
    void theRefillMonitorVisitsEveryRecordNotesRunOutDatesAndLeavesRecordsWithoutFillsUntouched() throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/sample-apps/refill-monitor/runs"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode(), "administrators only");

        JsonObject run = json(adminPost("/sample-apps/refill-monitor/runs"));
        Set<String> visited = strings(run, "records");
        Set<String> all = new HashSet<>(adminRecordIds());
        assertEquals(all, visited, "every record once");
        assertEquals(all.size(), run.getInt("records_visited"));
        assertEquals(Set.of(), strings(run, "errors"));
        for (String id : SamplePatients.recordIds()) {
            assertEquals(SampleRecords.hasDatedFills(id), strings(run, "noted").contains(id) || strings(run, "unchanged").contains(id), id);
        }
        assertTrue(strings(run, "without_supply").containsAll(Set.of(GROWTH_CHILD, NO_FILLS)));

        String notes = adminGet("/api/records/" + ADULT + "/clinical_notes/").body();
        assertTrue(notes.contains("Refill monitor"), "the note is readable through the API");
        for (String med : SampleRecords.medicationNames(ADULT)) {
            assertTrue(notes.contains(med + ": last filled"), med);
        }
        for (String untouched : List.of(GROWTH_CHILD, NO_FILLS)) {
            String theirs = adminGet("/api/records/" + untouched + "/clinical_notes/").body();
            assertFalse(theirs.contains("Refill monitor"), untouched + " must not be touched");
        }

        JsonObject again = json(adminPost("/sample-apps/refill-monitor/runs"));
        assertEquals(Set.of(), strings(again, "noted"), "nothing changed, so no second note");
        Set<String> withNotes = new HashSet<>(strings(run, "noted"));
        withNotes.addAll(strings(run, "unchanged")); // a server that kept its data from an earlier run has notes already
        assertEquals(withNotes, strings(again, "unchanged"));
        JsonObject log = json(adminGet("/sample-apps/refill-monitor/runs"));
        assertTrue(log.getJsonArray("runs").size() >= 2);
        String audit = adminGet("/api/admin/audit?app=refill-monitor" + DOMAIN + "&limit=5").body();
        assertTrue(audit.contains("refill-monitor" + DOMAIN), "its calls are in the audit trail");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Browser signedIn() {
        Browser browser = new Browser();
        PortalPages.signIn(browser, CLINICIAN, PASSWORD);
        return browser;
    }

    private static String ordinal(double centile) {
        long n = Math.min(99, Math.max(1, Math.round(centile)));
        String s = n % 10 == 1 && n != 11 ? "st" : n % 10 == 2 && n != 12 ? "nd" : n % 10 == 3 && n != 13 ? "rd" : "th";
        return n + s;
    }

    private static String adminAuthorization() throws Exception {
        return TestServer.basic("admin", TestServer.initialAdminPassword());
    }

    private static HttpResponse<String> adminGet(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + path)).header("Authorization", adminAuthorization())
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> adminPost(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + path)).header("Authorization", adminAuthorization())
                .timeout(Duration.ofSeconds(300)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static Set<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
    }

    private static List<String> adminRecordIds() throws Exception {
        HttpResponse<String> list = adminGet("/api/admin/records");
        assertEquals(200, list.statusCode());
        try (var reader = Json.createReader(new StringReader(list.body()))) {
            var value = reader.readValue();
            var array = value.getValueType() == jakarta.json.JsonValue.ValueType.ARRAY ? value.asJsonArray()
                    : value.asJsonObject().getJsonArray("records");
            return array.stream().map(v -> v.asJsonObject().getString("record_id")).toList();
        }
    }

    /** The Fourth Report's equations and CDC stature-for-age, written out here independently of the apps' JavaScript. */
    static final class FourthReport {

        /** CDC 2000 statage.csv, full-table rows around the test children's ages: {sex, months, L, M, S}. */
        private static final double[][] STATAGE = {
                {1, 113.5, 0.45256176, 135.9096813, 0.046779748}, {1, 114.5, 0.461030578, 136.3342577, 0.046896817},
                {2, 104.5, 0.030052231, 131.4292887, 0.046498361}, {2, 105.5, 0.043619747, 131.8593015, 0.046585611},
        };

        static double heightZ(String sex, double months, double cm) {
            int s = "male".equals(sex) ? 1 : 2;
            for (int i = 0; i + 1 < STATAGE.length; i++) {
                double[] a = STATAGE[i];
                double[] b = STATAGE[i + 1];
                if (a[0] == s && b[0] == s && months >= a[1] && months <= b[1]) {
                    double f = (months - a[1]) / (b[1] - a[1]);
                    double l = a[2] + f * (b[2] - a[2]);
                    double m = a[3] + f * (b[3] - a[3]);
                    double sd = a[4] + f * (b[4] - a[4]);
                    return (Math.pow(cm / m, l) - 1) / (l * sd);
                }
            }
            throw new IllegalArgumentException("no statage rows for " + sex + " at " + months + " months in this test");
        }

        static double centile(String sex, boolean systolic, double years, double heightZ, double mmHg) {
            double[] c = "male".equals(sex)
                    ? systolic ? new double[] {102.19768, 1.82416, 0.12776, 0.00249, -0.00135, 2.73157, -0.19618, -0.04659, 0.00947, 10.7128}
                            : new double[] {61.01217, 0.68314, -0.09835, 0.01711, 0.00045, 1.46993, -0.07849, -0.03144, 0.00967, 11.6032}
                    : systolic ? new double[] {102.01027, 1.94397, 0.00598, -0.00789, -0.00059, 2.03526, 0.02534, -0.01884, 0.00121, 10.4855}
                            : new double[] {60.50510, 1.01301, 0.01157, 0.00424, -0.00137, 1.16641, 0.12795, -0.03869, -0.00079, 10.9573};
            double y = years - 10;
            double mu = c[0];
            for (int j = 1; j <= 4; j++) {
                mu += c[j] * Math.pow(y, j) + c[4 + j] * Math.pow(heightZ, j);
            }
            return 100 * phi((mmHg - mu) / c[9]);
        }

        /** The standard normal distribution function (erf by Abramowitz-Stegun 7.1.26). */
        static double phi(double z) {
            double x = Math.abs(z) / Math.sqrt(2);
            double t = 1 / (1 + 0.3275911 * x);
            double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
            return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
        }
    }

    /** The Reynolds Risk Score as published, written out here independently of the app's JavaScript. */
    static final class Reynolds {
        static double risk(String sex, double age, double sbp, double crp, double tc, double hdl, boolean smoker) {
            double a = Math.min(80, Math.max(45, age));
            int s = smoker ? 1 : 0;
            if ("female".equals(sex)) {
                double b = 0.0799 * a + 3.137 * Math.log(sbp) + 0.180 * Math.log(crp) + 1.382 * Math.log(tc) - 1.172 * Math.log(hdl) + 0.818 * s;
                return 100 * (1 - Math.pow(0.98634, Math.exp(b - 22.325)));
            }
            double b = 4.385 * Math.log(a) + 2.607 * Math.log(sbp) + 0.102 * Math.log(crp) + 0.963 * Math.log(tc) - 0.772 * Math.log(hdl) + 0.405 * s;
            return 100 * (1 - Math.pow(0.8990, Math.exp(b - 33.097)));
        }
    }
}
