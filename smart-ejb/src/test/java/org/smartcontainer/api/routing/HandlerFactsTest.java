package org.smartcontainer.api.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.CallTarget;
import org.smartcontainer.ontology.SmartOntology;

/** What a route is to the access decision, the audit and proxy mode: facts of its {@link Handler}. */
class HandlerFactsTest {

    private static final ApiRouter ROUTER = ApiRouter.fromOntology(SmartOntology.loadDefault());

    private static RouteMatch.Found found(String method, String path) {
        return assertInstanceOf(RouteMatch.Found.class, ROUTER.match(method, path), method + " " + path);
    }

    @Test
    void recordDataCallsAreRecordReadsOnThePathsRecordAndAudited() {
        RouteMatch.Found found = found("GET", "/records/2169591/medications/");
        Handler handler = found.route().handler();
        assertEquals(CallCategory.RECORD_READ, handler.category());
        assertEquals("2169591", handler.target(found, null).recordId());
        assertEquals("get_medications", found.route().call().clientMethodName());
        assertTrue(handler.patientData());
        assertEquals(Handler.InProxyMode.FORWARD, handler.inProxyMode());
        assertEquals(CallCategory.RECORD_READ, found("GET", "/records/2169591/medications").route().handler().category(),
                "slash alias");
        Handler post = found("POST", "/records/2169591/clinical_notes/").route().handler();
        assertEquals(CallCategory.CLINICAL_NOTE_POST, post.category());
        assertEquals(Handler.InProxyMode.REFUSE, post.inProxyMode());
    }

    @Test
    void scratchpadAndPreferencesCarryTheirAppAndUser() {
        RouteMatch.Found scratchpad = found("PUT", "/records/7/apps/a%40b/scratchpad");
        assertEquals(CallTarget.recordApp("7", "a@b"), scratchpad.route().handler().target(scratchpad, null));
        RouteMatch.Found preferences = found("GET", "/users/jane%40example.org/apps/a@b/preferences");
        assertEquals(CallCategory.USER_PREFERENCES, preferences.route().handler().category());
        assertEquals(CallTarget.userApp("jane@example.org", "a@b"), preferences.route().handler().target(preferences, null));
        assertFalse(preferences.route().handler().patientData());
    }

    @Test
    void recordSearchIsScopedByItsRecordIdParameter() {
        RouteMatch.Found search = found("GET", "/records/search");
        assertEquals(CallCategory.RECORD_SEARCH, search.route().handler().category());
        assertEquals("42", search.route().handler().target(search, "42").recordId());
        assertEquals(CallCategory.USER_DIRECTORY, found("GET", "/users/search").route().handler().category());
    }

    @Test
    void theManifestAndTheOntologyArePublic() {
        assertEquals(CallCategory.PUBLIC, found("GET", "/manifest").route().handler().category());
        assertEquals(CallCategory.PUBLIC, found("GET", "/ontology").route().handler().category());
    }

    @Test
    void unknownPathsAndMethodsAreNeverRouted() {
        assertInstanceOf(RouteMatch.NotFound.class, ROUTER.match("GET", "/no/such/call"));
        assertInstanceOf(RouteMatch.NotFound.class, ROUTER.match("GET", "/records/1/secret_files/"));
        RouteMatch.MethodNotAllowed wrong = assertInstanceOf(RouteMatch.MethodNotAllowed.class,
                ROUTER.match("DELETE", "/records/1/medications/"));
        assertEquals("GET", wrong.allowHeader());
    }
}
