package org.smartcontainer.it;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The test app {@code raw-app/twelve-calls.html} as a browser test sees it: a SMART Connect app (client library,
 * {@code SMART.ready}, generated methods) that fires 12 API calls at once when it starts, eleven for the current
 * patient and one for another patient, and renders each answer and how long after its start the last one was
 * rendered. Its manifest, the API paths of its calls, and the reading of its frame.
 */
final class TwelveCallsApp {

    /** The app's eleven calls of the current patient: client method name and the API path below the record. */
    static final Map<String, String> CALLS = calls();

    /** The row of the call for another patient's demographics. */
    static final String OTHER_PATIENT = "other_patient";

    private static final int WAIT_SECONDS = 60;
    private static final Pattern HTTP_POOL = Pattern.compile("<thread-pool [^>]*name=\"http-thread-pool\"[^>]*>");
    private static final Pattern MAX_THREADS = Pattern.compile("max-thread-pool-size=\"(\\d+)\"");

    private TwelveCallsApp() {
    }

    private static Map<String, String> calls() {
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("get_demographics", "demographics");
        calls.put("get_medications", "medications/");
        calls.put("get_problems", "problems/");
        calls.put("get_lab_results", "lab_results/");
        calls.put("get_vital_sign_sets", "vital_sign_sets/");
        calls.put("get_allergies", "allergies/");
        calls.put("get_encounters", "encounters/");
        calls.put("get_immunizations", "immunizations/");
        calls.put("get_procedures", "procedures/");
        calls.put("get_fulfillments", "fulfillments/");
        calls.put("get_clinical_notes", "clinical_notes/");
        return calls;
    }

    /** The manifest of a record-scope UI app at {@code origin}, which asks for {@code otherRecord} as well. */
    static String manifest(String id, String name, String origin, String otherRecord) {
        StringBuilder requires = new StringBuilder();
        for (String type : List.of("Demographics", "Medication", "Problem", "LabResult", "VitalSignSet", "Allergy",
                "Encounter", "Immunization", "Procedure", "Fulfillment", "ClinicalNote")) {
            requires.append(requires.length() == 0 ? "" : ", ").append("\"http://smartplatforms.org/terms#").append(type)
                    .append("\": {\"methods\": [\"GET\"]}");
        }
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"description\": \"Fires 12 API calls at once\","
                + " \"author\": \"Integration Tests Inc.\", \"mode\": \"ui\", \"scope\": \"record\","
                + " \"index\": \"" + origin + "/raw-app/twelve-calls.html?other=" + otherRecord + "\","
                + " \"icon\": \"" + origin + "/raw-app/icon.svg\", \"requires\": {" + requires + "}}";
    }

    /** One rendered answer: "ok" or the error status, the content type, its length in characters, ... */
    record Answer(String call, String status, String contentType, int chars, int items, String records, long renderedAtMs) {
    }

    /** What the app rendered once all answers were in: the rows and the figures. */
    record Rendered(List<Answer> answers, long sinceStartMs, long sinceReadyMs) {

        Answer of(String call) {
            return answers.stream().filter(a -> a.call().equals(call)).findFirst()
                    .orElseThrow(() -> new AssertionError("no answer of " + call + " rendered: " + answers));
        }
    }

    /** Waits until the app's visible frame says "done" (at most a minute), then reads what it rendered. */
    static Rendered awaitRendered(Browser browser, String appId) {
        By frame = By.cssSelector(".app-holder:not([hidden]) iframe[data-app-id='" + appId + "']");
        try {
            browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
            browser.waitUpTo(WAIT_SECONDS).until(ExpectedConditions.textToBe(By.id("status"), "done"));
            List<Answer> answers = new ArrayList<>();
            for (WebElement row : browser.driver().findElements(By.cssSelector("#answers tr"))) {
                List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                answers.add(new Answer(cells.get(0), cells.get(1), cells.get(2), Integer.parseInt(cells.get(3)),
                        Integer.parseInt(cells.get(4)), cells.get(5), Long.parseLong(cells.get(6))));
            }
            return new Rendered(answers, Long.parseLong(browser.driver().findElement(By.id("since-start")).getText()),
                    Long.parseLong(browser.driver().findElement(By.id("since-ready")).getText()));
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    /** The test server's HTTP worker pool (max-thread-pool-size of http-thread-pool in its domain.xml). */
    static int httpWorkers() throws IOException {
        Matcher pool = HTTP_POOL.matcher(Files.readString(TestServer.domainDirectory().resolve("config/domain.xml")));
        Matcher m = MAX_THREADS.matcher(pool.find() ? pool.group() : "");
        if (!m.find()) {
            throw new AssertionError("no max-thread-pool-size on http-thread-pool in the test server's domain.xml");
        }
        return Integer.parseInt(m.group(1));
    }
}
