package org.smartcontainer.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Manifest validation (data-model.md §3): every problem reported, unknown fields refused. */
class AppManifestTest {

    private static final String MED_LIST = """
            {"name": "Medication List", "description": "Display a patient's medications", "author": "SMART",
             "id": "med-list@apps.smartplatforms.org", "version": ".1a", "mode": "ui", "scope": "record",
             "index": "http://sample-apps.smartplatforms.org/framework/med_list/index.html",
             "icon": "http://sample-apps.smartplatforms.org/framework/med_list/icon.png",
             "requires": {"http://smartplatforms.org/terms#Medication": {"methods": ["GET"]}},
             "smart_version": "0.6"}""";

    private static List<String> problems(String json) {
        return assertThrows(InvalidManifestException.class, () -> AppManifest.parse(json, null, null)).problems();
    }

    @Test
    void sampleManifestIsAcceptedAndStoredWithSortedKeys() throws InvalidManifestException {
        AppManifest m = AppManifest.parse(MED_LIST, null, null);
        assertEquals("med-list@apps.smartplatforms.org", m.id());
        assertEquals(AppKind.ui, m.kind());
        assertTrue(m.json().startsWith("{\"author\":\"SMART\",\"description\":"), m.json());
        assertTrue(m.json().indexOf("\"version\"") > m.json().indexOf("\"smart_version\""));
    }

    @Test
    void overridesReplaceIndexAndIconBeforeValidation() throws InvalidManifestException {
        AppManifest m = AppManifest.parse(MED_LIST, "http://localhost:8080/apps/med_list/index.html", "http://localhost:8080/apps/med_list/icon.png");
        assertEquals("http://localhost:8080/apps/med_list/index.html", m.index());
    }

    @Test
    void unknownFieldsAndEveryOtherProblemAreListedTogether() {
        List<String> problems = problems("""
                {"id": "bad id/with slash", "name": "", "mode": "desktop", "scope": "patient", "index": "not a url",
                 "standalone": "yes", "optimalBrowserEnvironments": ["desktop", "watch"], "colour": "red",
                 "smart_version": "v1"}""");
        for (String expected : List.of("colour: unknown field", "description: required", "name: must not be empty",
                "mode: must be one of ui, frame_ui, background", "scope: must be record or container",
                "standalone: must be true or false", "smart_version: must look like 0.6 or 0.6.1")) {
            assertTrue(problems.contains(expected), expected + " in " + problems);
        }
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("id:")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("index:")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("optimalBrowserEnvironments:")), problems.toString());
    }

    @Test
    void uiAppsNeedIndexAndIcon() {
        List<String> problems = problems("{\"id\":\"a@b\",\"name\":\"A\",\"description\":\"d\",\"mode\":\"frame_ui\"}");
        assertEquals(List.of("index: required for mode frame_ui", "icon: required for mode frame_ui"), problems);
    }

    @Test
    void backgroundAppsMustNotHaveIndexCallbackOrBrowserEnvironmentsAndHelperMeansBackground() throws InvalidManifestException {
        List<String> problems = problems("""
                {"id":"bg@b","name":"B","description":"d","mode":"background","index":"http://x/","oauth_callback":"http://x/cb",
                 "supportedBrowserEnvironments":["desktop"]}""");
        assertEquals(3, problems.size(), problems.toString());
        assertEquals(AppKind.background, AppManifest.parse("{\"id\":\"bg@b\",\"name\":\"B\",\"description\":\"d\",\"mode\":\"helper\"}",
                null, null).kind());
    }

    @Test
    void requiresAllowsOnlyMethodsAndCodesWithKnownUniqueMethods() {
        List<String> problems = problems("""
                {"id":"a@b","name":"A","description":"d","mode":"ui","index":"http://x/","icon":"http://x/i.png",
                 "requires": {"http://smartplatforms.org/terms#Medication": {"methods": ["GET","GET"], "filters": []},
                              "Medication": {"methods": ["FETCH"]}}}""");
        assertTrue(problems.contains("requires.http://smartplatforms.org/terms#Medication.filters: unknown field"), problems.toString());
        assertTrue(problems.contains("requires.http://smartplatforms.org/terms#Medication.methods: 'GET' appears twice"), problems.toString());
        assertTrue(problems.contains("requires.Medication: the key must be a data type URI"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'FETCH' is not one of")), problems.toString());
    }

    @Test
    void nativeAppUrlsWithCustomSchemesAreAccepted() throws InvalidManifestException {
        AppManifest m = AppManifest.parse("""
                {"id":"my-ios-app@apps.smartplatforms.org","name":"My iOS App","description":"d","mode":"ui","standalone":true,
                 "index":"smart-app:///did_select_record","icon":"http://localhost:8000/static/icon.png",
                 "oauth_callback":"smart-app:///did_receive_verifier"}""", null, null);
        assertTrue(m.standalone());
        assertEquals("smart-app:///did_receive_verifier", m.oauthCallback());
    }

    @Test
    void nonObjectsMalformedJsonAndHugeManifestsAreRefused() {
        assertEquals(List.of("manifest: must be a JSON object"), problems("[1,2]"));
        assertEquals(List.of("manifest: not valid JSON"), problems("{\"id\":"));
        assertEquals(1, problems("{\"x\":\"" + "a".repeat(AppManifest.MAX_LENGTH) + "\"}").size());
    }
}
