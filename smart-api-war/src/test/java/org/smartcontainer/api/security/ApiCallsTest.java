package org.smartcontainer.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcontainer.api.oauth.OAuthTokenResource;
import org.smartcontainer.oauth.CallCategory;

/** Which call of the access matrix each request to the container's own resources is; the rest is the core's. */
class ApiCallsTest {

    private static final ApiCalls CALLS = new ApiCalls();

    private static ApiCallMatch.Call call(String method, String path) {
        return assertInstanceOf(ApiCallMatch.Call.class, CALLS.match(method, path), method + " " + path);
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
        assertEquals(CallCategory.ADMIN, call("GET", "/admin/metrics").category());
        assertFalse(call("GET", "/admin/metrics").patientData());
        assertTrue(call("GET", "/admin/records/count").patientData());
        assertEquals(null, call("GET", "/admin/records/count").target().recordId());
        assertEquals("99", call("PUT", "/admin/records/99").target().recordId());
    }

    @Test
    void ontologyCallsAndUnknownPathsAreLeftToTheCore() {
        assertInstanceOf(ApiCallMatch.ApiRoute.class, CALLS.match("GET", "/records/2169591/medications/"));
        assertInstanceOf(ApiCallMatch.ApiRoute.class, CALLS.match("GET", "/no/such/call"));
        assertInstanceOf(ApiCallMatch.ApiRoute.class, CALLS.match("GET", "/manifest"));
        assertEquals(CallCategory.OAUTH_DEBUG, call("GET", "/oauth/debug").category());
    }

    @Test
    void tokenEndpointsVerifyTheirOwnRequests() {
        String oauth = "/" + OAuthTokenResource.class.getAnnotation(Path.class).value();
        for (String endpoint : List.of("/request_token", "/access_token")) {
            for (String method : List.of("GET", "POST")) {
                assertInstanceOf(ApiCallMatch.TokenEndpoint.class, CALLS.match(method, oauth + endpoint));
            }
        }
        assertTrue(OAuthTokenResource.class.isAnnotationPresent(Anonymous.class));
    }
}
