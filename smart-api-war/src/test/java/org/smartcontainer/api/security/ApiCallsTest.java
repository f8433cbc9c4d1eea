package org.smartcontainer.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcontainer.api.container.ManifestResource;
import org.smartcontainer.api.oauth.OAuthTokenResource;
import org.smartcontainer.api.routing.ApiRouter;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.CallTarget;

/** Which call of the access matrix each request is: the input of the API's one authorization decision. */
class ApiCallsTest {

    private static final ApiCalls CALLS = ApiCalls.over(ApiRouter.fromOntology(SmartOntology.loadDefault()));

    private static ApiCallMatch.Call call(String method, String path) {
        return assertInstanceOf(ApiCallMatch.Call.class, CALLS.match(method, path, null), method + " " + path);
    }

    @Test
    void recordDataCallsAreRecordReadsOnThePathsRecordAndAudited() {
        ApiCallMatch.Call call = call("GET", "/records/2169591/medications/");
        assertEquals(CallCategory.RECORD_READ, call.category());
        assertEquals("2169591", call.target().recordId());
        assertEquals("get_medications", call.name());
        assertTrue(call.patientData());
        assertEquals(CallCategory.RECORD_READ, call("GET", "/records/2169591/medications").category(), "slash alias");
        assertEquals(CallCategory.CLINICAL_NOTE_POST, call("POST", "/records/2169591/clinical_notes/").category());
    }

    @Test
    void scratchpadAndPreferencesCarryTheirAppAndUser() {
        assertEquals(CallTarget.recordApp("7", "a@b"), call("PUT", "/records/7/apps/a%40b/scratchpad").target());
        ApiCallMatch.Call preferences = call("GET", "/users/jane%40example.org/apps/a@b/preferences");
        assertEquals(CallCategory.USER_PREFERENCES, preferences.category());
        assertEquals(CallTarget.userApp("jane@example.org", "a@b"), preferences.target());
        assertFalse(preferences.patientData());
    }

    @Test
    void recordSearchIsScopedByItsRecordIdParameter() {
        ApiCallMatch.Call search = assertInstanceOf(ApiCallMatch.Call.class, CALLS.match("GET", "/records/search", "42"));
        assertEquals(CallCategory.RECORD_SEARCH, search.category());
        assertEquals("42", search.target().recordId());
        assertEquals(CallCategory.USER_DIRECTORY, call("GET", "/users/search").category());
    }

    @Test
    void helperTokenCallsNameTheAppTheyAreFor() {
        for (String path : List.of("/apps/h%40x/tokens/records/first", "/apps/h%40x/tokens/records/12/next",
                "/apps/h%40x/tokens/records/12")) {
            for (String method : List.of("GET", "POST")) {
                ApiCallMatch.Call call = call(method, path);
                assertEquals(CallCategory.HELPER_TOKENS, call.category());
                assertEquals("h@x", call.target().appId());
            }
        }
    }

    @Test
    void adminCallsAreAdminAndRecordAdministrationIsAudited() {
        assertEquals(CallCategory.ADMIN, call("POST", "/admin/apps").category());
        assertFalse(call("GET", "/admin/audit").patientData());
        assertTrue(call("GET", "/admin/records/count").patientData());
        assertEquals(null, call("GET", "/admin/records/count").target().recordId());
        assertEquals("99", call("PUT", "/admin/records/99").target().recordId());
    }

    @Test
    void unknownPathsAndMethodsAreNeverAdmitted() {
        assertInstanceOf(ApiCallMatch.Unknown.class, CALLS.match("GET", "/no/such/call", null));
        assertInstanceOf(ApiCallMatch.Unknown.class, CALLS.match("GET", "/records/1/secret_files/", null));
        ApiCallMatch.MethodNotAllowed wrong = assertInstanceOf(ApiCallMatch.MethodNotAllowed.class,
                CALLS.match("DELETE", "/records/1/medications/", null));
        assertEquals("GET", wrong.allow());
        assertEquals(CallCategory.OAUTH_DEBUG, call("GET", "/oauth/debug").category());
    }

    @Test
    void anonymousResourcesArePublicOrVerifyTheirOwnRequests() {
        String manifest = "/" + ManifestResource.class.getAnnotation(Path.class).value();
        assertEquals(CallCategory.PUBLIC, call("GET", manifest).category());
        assertEquals(CallCategory.PUBLIC, call("GET", "/ontology").category());
        assertTrue(ManifestResource.class.isAnnotationPresent(Anonymous.class));
        String oauth = "/" + OAuthTokenResource.class.getAnnotation(Path.class).value();
        for (String endpoint : List.of("/request_token", "/access_token")) {
            for (String method : List.of("GET", "POST")) {
                assertInstanceOf(ApiCallMatch.TokenEndpoint.class, CALLS.match(method, oauth + endpoint, null));
            }
        }
    }
}
