package org.smartcontainer.api.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.SmartOntology;

class ApiRouterTest {

    private static final ApiRouter ROUTER = ApiRouter.fromOntology(SmartOntology.loadDefault());

    static Stream<ApiCall> calls() {
        return SmartOntology.loadDefault().calls().stream();
    }

    /** A concrete path for a template: every variable gets a sample value. */
    private static String concrete(String template) {
        return template.replaceAll("\\{([^}]+)}", "v-$1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void everyOntologyCallResolvesToItself(ApiCall call) {
        RouteMatch match = ROUTER.match(call.httpMethod(), concrete(call.path()));
        RouteMatch.Found found = assertInstanceOf(RouteMatch.Found.class, match, call.clientMethodName());
        assertEquals(call, found.route().call());
        assertFalse(found.aliased());
        PathTemplate template = PathTemplate.parse(call.path(), Set.of());
        for (String variable : template.variables()) {
            assertEquals("v-" + variable, found.variable(variable));
        }
    }

    @Test
    void everyShippedCallIsServed() {
        assertTrue(ROUTER.unservedCalls().isEmpty(), ROUTER.unservedCalls().toString());
        assertEquals(43, calls().count());
    }

    @Test
    void usersSearchIsTheSearchNotAUserCalledSearch() {
        RouteMatch.Found search = (RouteMatch.Found) ROUTER.match("GET", "/users/search");
        assertEquals("search_users", search.route().call().clientMethodName());
        assertEquals(Handler.USER_SEARCH, search.route().handler());
        RouteMatch.Found user = (RouteMatch.Found) ROUTER.match("GET", "/users/searcher%40example.org");
        assertEquals("get_user", user.route().call().clientMethodName());
        assertEquals("searcher@example.org", user.variable("user_id"));
    }

    @Test
    void recordsSearchIsTheSearchNotARecord() {
        RouteMatch.Found search = (RouteMatch.Found) ROUTER.match("GET", "/records/search");
        assertEquals(Handler.RECORD_SEARCH, search.route().handler());
    }

    @Test
    void labPanelsHaveACollectionAndAnItemPath() {
        RouteMatch.Found collection = (RouteMatch.Found) ROUTER.match("GET", "/records/123/lab_panels/");
        assertEquals("get_lab_panels", collection.route().call().clientMethodName());
        assertEquals(Handler.RECORD_ITEMS, collection.route().handler());
        RouteMatch.Found item = (RouteMatch.Found) ROUTER.match("GET", "/records/123/lab_panels/p-1");
        assertEquals("get_lab_panel", item.route().call().clientMethodName());
        assertEquals(Handler.RECORD_ITEM, item.route().handler());
        assertEquals(Map.of("record_id", "123", "lab_panel_id", "p-1"), item.variables());
    }

    @ParameterizedTest
    @CsvSource({
        "get_medications, RECORD_ITEMS", "get_medication, RECORD_ITEM", "post_clinical_note, RECORD_POST",
        "get_demographics, RECORD_ITEM", "get_allergies, ALLERGIES", "get_documents, DOCUMENTS",
        "get_document, DOCUMENT", "get_photograph, PHOTOGRAPH", "put_scratchpad_data, SCRATCHPAD",
        "delete_user_preferences, USER_PREFERENCES", "get_container_manifest, CONTAINER_MANIFEST",
        "get_ontology, ONTOLOGY", "get_app_manifests, APP_MANIFESTS", "get_app_manifest, APP_MANIFEST"})
    void specialCallsGoToTheirHandlersAndTheRestToGenericOnes(String call, Handler handler) {
        assertEquals(handler, ROUTER.route(call).orElseThrow().handler());
    }

    @ParameterizedTest
    @CsvSource({
        "/records/1/medications, get_medications",
        "/records/1/medications/m1/, get_medication",
        "/records/1/demographics/, get_demographics",
        "/records/1/lab_panels, get_lab_panels",
        "/apps/manifests, get_app_manifests",
        "/users/search/, search_users",
        "/manifest/, get_container_manifest"})
    void theOtherTrailingSlashVariantIsAnInternalAlias(String path, String call) {
        RouteMatch.Found found = (RouteMatch.Found) ROUTER.match("GET", path);
        assertEquals(call, found.route().call().clientMethodName());
        assertTrue(found.aliased());
        assertFalse(found.path().equals(path));
    }

    @Test
    void exactPathsWinOverAliases() {
        RouteMatch.Found found = (RouteMatch.Found) ROUTER.match("GET", "/records/1/medications/");
        assertFalse(found.aliased());
        assertEquals("/records/1/medications/", found.path());
    }

    @ParameterizedTest
    @CsvSource({"GET, /", "GET, ''", "GET, /records/1/unknown/", "GET, /records/1/medications/m1/extra",
        "GET, /records//medications/", "GET, /nothing", "GET, /records/1/apps/a/scratchpad/x",
        "GET, /records/1/medications/%E0%A4"})
    void unknownPathsAreNotFound(String method, String path) {
        assertInstanceOf(RouteMatch.NotFound.class, ROUTER.match(method, path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "DELETE; /records/1/medications/m1; GET",
        "PUT; /records/1/medications/; GET",
        "POST; /records/1/medications/; GET",
        "PUT; /records/1/clinical_notes/; GET, POST",
        "POST; /records/1/apps/a%40b/scratchpad; DELETE, GET, OPTIONS, PUT",
        "POST; /users/search; GET",
        "DELETE; /manifest; GET"})
    void knownPathsWithAnotherMethodAreNotAllowedWithTheirMethods(String method, String path, String allow) {
        RouteMatch.MethodNotAllowed m = assertInstanceOf(RouteMatch.MethodNotAllowed.class, ROUTER.match(method, path));
        assertEquals(allow, m.allowHeader());
    }

    @Test
    void preflightsAreRoutedOnlyWhereTheReferenceAnswersThem() {
        RouteMatch.Found preflight = (RouteMatch.Found) ROUTER.match("OPTIONS", "/users/u%40x/apps/a%40b/preferences");
        assertEquals(Handler.CORS_PREFLIGHT, preflight.route().handler());
        assertInstanceOf(RouteMatch.MethodNotAllowed.class, ROUTER.match("OPTIONS", "/records/1/medications/"));
    }

    @Test
    void pathVariablesAreDecodedOnceAndPlusStaysAPlus() {
        RouteMatch.Found found = (RouteMatch.Found) ROUTER.match("GET",
                "/users/john%2Bdoe%40example.org/apps/med-list%40apps.smartplatforms.org/preferences");
        assertEquals("john+doe@example.org", found.variable("user_id"));
        assertEquals("med-list@apps.smartplatforms.org", found.variable("smart_app_id"));
        RouteMatch.Found plus = (RouteMatch.Found) ROUTER.match("GET", "/users/a+b@x.org");
        assertEquals("a+b@x.org", plus.variable("user_id"));
        RouteMatch.Found encoded = (RouteMatch.Found) ROUTER.match("GET", "/users/%2525");
        assertEquals("%25", encoded.variable("user_id"));
    }

    @Test
    void appDescriptorsMaySpanSegments() {
        RouteMatch.Found found = (RouteMatch.Found) ROUTER.match("GET", "/apps/intents/view_medications/manifest");
        assertEquals("get_app_manifest", found.route().call().clientMethodName());
        assertEquals("intents/view_medications", found.variable("descriptor"));
        RouteMatch.Found manifests = (RouteMatch.Found) ROUTER.match("GET", "/apps/manifests/");
        assertEquals("get_app_manifests", manifests.route().call().clientMethodName());
    }

    @Test
    void theFrontsOwnResourcesAreRoutedFirstWithTheirFacts() {
        ApiRouter router = ROUTER.withFrontRoutes(List.of(
                FrontRoute.of("GET", "/apps/{app_id}/tokens/records/first", FrontCall.HELPER_TOKEN),
                FrontRoute.of("POST", "/apps/{app_id}/tokens/records/first", FrontCall.HELPER_TOKEN),
                FrontRoute.of("GET", "/admin/records", FrontCall.ADMIN_RECORDS),
                FrontRoute.of("PUT", "/admin/records/{record_id}", FrontCall.ADMIN_RECORD)));
        RouteMatch.Front helper = assertInstanceOf(RouteMatch.Front.class,
                router.match("POST", "/apps/h%40x/tokens/records/first"));
        assertEquals(CallCategory.HELPER_TOKENS, helper.call().category());
        assertEquals("h@x", helper.target().appId());
        assertTrue(helper.methodAllowed());
        RouteMatch.Front record = assertInstanceOf(RouteMatch.Front.class, router.match("PUT", "/admin/records/99"));
        assertTrue(record.call().patientData());
        assertEquals("99", record.target().recordId());
        assertEquals(FrontCall.ADMIN_RECORDS, ((RouteMatch.Front) router.match("GET", "/admin/records/")).call());
        RouteMatch.Front wrongMethod = (RouteMatch.Front) router.match("GET", "/admin/records/99");
        assertEquals(FrontCall.ADMIN_RECORD, wrongMethod.call(), "the path's call, to decide on and audit");
        assertFalse(wrongMethod.methodAllowed());
        assertEquals("PUT", wrongMethod.allowHeader());
        assertInstanceOf(RouteMatch.Found.class, router.match("GET", "/records/2169591/medications/"));
        assertInstanceOf(RouteMatch.NotFound.class, router.match("GET", "/admin/nothing-here"));
        assertInstanceOf(RouteMatch.Found.class, ROUTER.match("GET", "/apps/manifests/"), "the core's own router keeps its routes");
        assertInstanceOf(RouteMatch.NotFound.class, ROUTER.match("GET", "/admin/records"), "and has none of the front's");
    }
}
