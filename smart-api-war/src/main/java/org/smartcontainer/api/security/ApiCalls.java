package org.smartcontainer.api.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartcontainer.api.dispatch.SmartApi;
import org.smartcontainer.api.routing.ApiRouter;
import org.smartcontainer.api.routing.RouteMatch;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.CallTarget;

/**
 * Every call the API answers, as the authorization point sees it: the container's own endpoints (token
 * endpoints, helper tokens, admin API) from the table below, then every ontology call from the
 * {@link ApiRouter}. A path found in neither is unknown and refused. Adding an endpoint means adding its
 * row here; {@code ApiCallsTest} checks that every resource class is covered.
 */
@ApplicationScoped
public class ApiCalls {

    private static final Set<String> GET_POST = Set.of("GET", "POST");
    private static final Set<String> ANY = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /** One row of the container's own endpoints. */
    private record Explicit(Pattern path, Set<String> methods, Function<Matcher, ApiCallMatch> call) {
    }

    private static final List<Explicit> EXPLICIT = List.of(
            row("/", Set.of("GET"), m -> new ApiCallMatch.Call("home", CallCategory.PUBLIC, CallTarget.none(), false)),
            row("/oauth/request_token", GET_POST, m -> new ApiCallMatch.TokenEndpoint("request_token")),
            row("/oauth/access_token", GET_POST, m -> new ApiCallMatch.TokenEndpoint("access_token")),
            row("/oauth/debug", ANY, m -> new ApiCallMatch.Call("oauth_debug", CallCategory.OAUTH_DEBUG, CallTarget.none(), false)),
            row("/apps/([^/]+)/tokens/records/first", GET_POST, m -> new ApiCallMatch.Call("helper_token_first",
                    CallCategory.HELPER_TOKENS, CallTarget.app(decode(m.group(1))), false)),
            row("/apps/([^/]+)/tokens/records/([^/]+)/next", GET_POST, m -> new ApiCallMatch.Call("helper_token_next",
                    CallCategory.HELPER_TOKENS, CallTarget.app(decode(m.group(1))), false)),
            row("/apps/([^/]+)/tokens/records/([^/]+)", GET_POST, m -> new ApiCallMatch.Call("helper_token_record",
                    CallCategory.HELPER_TOKENS, CallTarget.app(decode(m.group(1))), false)),
            // The admin API: patient records are patient data (audited), apps, accounts and the audit trail are not.
            row("/admin/records/?|/admin/records/(?:count|generate)", ANY,
                    m -> new ApiCallMatch.Call("admin_records", CallCategory.ADMIN, CallTarget.none(), true)),
            row("/admin/records/([^/]+)", ANY,
                    m -> new ApiCallMatch.Call("admin_record", CallCategory.ADMIN, CallTarget.record(decode(m.group(1))), true)),
            row("/admin(?:/.*)?", ANY, m -> new ApiCallMatch.Call("admin", CallCategory.ADMIN, CallTarget.none(), false)));

    @Inject
    SmartApi api;

    private ApiRouter router;

    /** The same routing table the dispatcher uses: what is authorized is exactly what is dispatched. */
    @PostConstruct
    void useApiRoutes() {
        router = api.router();
    }

    /** For tests: the calls over a given router. */
    static ApiCalls over(ApiRouter router) {
        ApiCalls calls = new ApiCalls();
        calls.router = router;
        return calls;
    }

    /**
     * The call a request makes.
     *
     * @param method the HTTP method
     * @param rawPath the path relative to the API base, percent-encoded, starting with {@code /}
     * @param queryRecordId the {@code record_id} query parameter (record search), or null
     */
    public ApiCallMatch match(String method, String rawPath, String queryRecordId) {
        for (Explicit row : EXPLICIT) {
            Matcher m = row.path().matcher(rawPath);
            if (m.matches()) {
                return row.methods().contains(method) ? row.call().apply(m)
                        : new ApiCallMatch.MethodNotAllowed(String.join(", ", row.methods().stream().sorted().toList()));
            }
        }
        RouteMatch route = router.match(method, rawPath);
        if (route instanceof RouteMatch.Found found) {
            return ontologyCall(found, queryRecordId);
        }
        if (route instanceof RouteMatch.MethodNotAllowed wrong) {
            return new ApiCallMatch.MethodNotAllowed(wrong.allowHeader());
        }
        return new ApiCallMatch.Unknown();
    }

    private static ApiCallMatch ontologyCall(RouteMatch.Found found, String queryRecordId) {
        String name = found.route().call().clientMethodName();
        var v = found.variables();
        return switch (found.route().handler()) {
            case CONTAINER_MANIFEST, ONTOLOGY, CORS_PREFLIGHT -> new ApiCallMatch.Call(name, CallCategory.PUBLIC, CallTarget.none(), false);
            case APP_MANIFESTS -> new ApiCallMatch.Call(name, CallCategory.APP_MANIFESTS_READ, CallTarget.none(), false);
            case APP_MANIFEST -> new ApiCallMatch.Call(name, CallCategory.APP_MANIFESTS_READ, CallTarget.app(v.get("descriptor")), false);
            case RECORD_SEARCH -> new ApiCallMatch.Call(name, CallCategory.RECORD_SEARCH, CallTarget.record(queryRecordId), true);
            case USER_SEARCH -> new ApiCallMatch.Call(name, CallCategory.USER_DIRECTORY, CallTarget.none(), false);
            case USER -> new ApiCallMatch.Call(name, CallCategory.USER_DIRECTORY, CallTarget.userApp(v.get("user_id"), null), false);
            case USER_PREFERENCES -> new ApiCallMatch.Call(name, CallCategory.USER_PREFERENCES,
                    CallTarget.userApp(v.get("user_id"), v.get("smart_app_id")), false);
            case SCRATCHPAD -> new ApiCallMatch.Call(name, CallCategory.SCRATCHPAD,
                    CallTarget.recordApp(v.get("record_id"), v.get("smart_app_id")), true);
            case RECORD_POST -> new ApiCallMatch.Call(name, CallCategory.CLINICAL_NOTE_POST, CallTarget.record(v.get("record_id")), true);
            case RECORD_ITEMS, RECORD_ITEM, ALLERGIES, DOCUMENTS, DOCUMENT, PHOTOGRAPH ->
                    new ApiCallMatch.Call(name, CallCategory.RECORD_READ, CallTarget.record(v.get("record_id")), true);
        };
    }

    private static Explicit row(String regex, Set<String> methods, Function<Matcher, ApiCallMatch> call) {
        return new Explicit(Pattern.compile(regex), methods, call);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
