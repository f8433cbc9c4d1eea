package org.smartcontainer.api.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smartcontainer.api.dispatch.ApiDispatcher;
import org.smartcontainer.api.routing.ApiRouter;
import org.smartcontainer.api.routing.FrontCall;
import org.smartcontainer.api.routing.RouteMatch;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.ontology.SmartOntology;

/** Which call each request to the front's own resources is, read from their paths; the rest is the core's. */
class FrontRouterTest {

    private static final ApiRouter ROUTER = ApiRouter.fromOntology(SmartOntology.loadDefault())
            .withFrontRoutes(FrontRouter.routesOf(FrontRouter.RESOURCES));

    private static RouteMatch.Front call(String method, String path) {
        RouteMatch.Front front = assertInstanceOf(RouteMatch.Front.class, ROUTER.match(method, path), method + " " + path);
        assertTrue(front.methodAllowed(), method + " " + path);
        return front;
    }

    @Test
    void everyResourceOfTheModuleButTheDispatcherIsRoutedAtTheEdge() {
        Set<String> resources = new ClassFileImporter().importPath(java.nio.file.Path.of("target", "classes")).stream()
                .filter(c -> c.isAnnotatedWith(Path.class)).map(JavaClass::getName).collect(Collectors.toSet());
        resources.remove(ApiDispatcher.class.getName());
        assertEquals(resources, FrontRouter.RESOURCES.stream().map(Class::getName).collect(Collectors.toSet()));
    }

    @Test
    void helperTokenCallsNameTheAppTheyAreFor() {
        for (String path : List.of("/apps/h%40x/tokens/records/first", "/apps/h%40x/tokens/records/12/next",
                "/apps/h%40x/tokens/records/12")) {
            for (String method : List.of("GET", "POST")) {
                RouteMatch.Front call = call(method, path);
                assertEquals(CallCategory.HELPER_TOKENS, call.call().category());
                assertEquals("h@x", call.target().appId());
            }
        }
    }

    @Test
    void adminCallsAreAdminAndRecordAdministrationIsAudited() {
        assertEquals(CallCategory.ADMIN, call("POST", "/admin/apps").call().category());
        assertEquals(CallCategory.ADMIN, call("PUT", "/admin/accounts/u%40x/roles").call().category());
        assertFalse(call("GET", "/admin/audit").call().patientData());
        assertEquals(CallCategory.ADMIN, call("GET", "/admin/metrics").call().category());
        assertFalse(call("GET", "/admin/metrics").call().patientData());
        assertTrue(call("GET", "/admin/records/count").call().patientData());
        assertNull(call("GET", "/admin/records/count").target().recordId());
        assertEquals("99", call("PUT", "/admin/records/99").target().recordId());
        assertTrue(call("GET", "/admin/records").call().patientData());
    }

    @Test
    void aWrongMethodOnAPathOfTheFrontIsStillItsCall() {
        RouteMatch.Front get = assertInstanceOf(RouteMatch.Front.class, ROUTER.match("GET", "/admin/records/99"));
        assertEquals(FrontCall.ADMIN_RECORD, get.call());
        assertFalse(get.methodAllowed());
        assertEquals("DELETE, PUT", get.allowHeader());
    }

    @Test
    void ontologyCallsAndUnknownPathsAreLeftToTheCore() {
        assertInstanceOf(RouteMatch.Found.class, ROUTER.match("GET", "/records/2169591/medications/"));
        assertInstanceOf(RouteMatch.NotFound.class, ROUTER.match("GET", "/no/such/call"));
        assertInstanceOf(RouteMatch.Found.class, ROUTER.match("GET", "/manifest"));
        assertInstanceOf(RouteMatch.NotFound.class, ROUTER.match("GET", "/admin/no-such-resource"));
    }

    @Test
    void tokenEndpointsVerifyTheirOwnRequests() {
        for (String endpoint : List.of("/oauth/request_token", "/oauth/access_token")) {
            for (String method : List.of("GET", "POST")) {
                assertTrue(call(method, endpoint).call().verifiesItself());
            }
        }
    }
}
