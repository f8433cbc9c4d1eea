package org.smartcontainer.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.CallTarget;

/**
 * The container's own endpoints that JAX-RS resources of this module serve (token endpoints, helper tokens,
 * admin API), as the authorization point sees them. Every other path is an ontology call or unknown: the
 * {@link org.smartcontainer.api.core.ApiCore} routes, admits and answers it. Adding a resource means adding its
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

    /**
     * The call a request makes.
     *
     * @param method the HTTP method
     * @param rawPath the path relative to the API base, percent-encoded, starting with {@code /}
     */
    public ApiCallMatch match(String method, String rawPath) {
        for (Explicit row : EXPLICIT) {
            Matcher m = row.path().matcher(rawPath);
            if (m.matches()) {
                return row.methods().contains(method) ? row.call().apply(m)
                        : new ApiCallMatch.MethodNotAllowed(String.join(", ", row.methods().stream().sorted().toList()));
            }
        }
        return new ApiCallMatch.ApiRoute();
    }

    private static Explicit row(String regex, Set<String> methods, Function<Matcher, ApiCallMatch> call) {
        return new Explicit(Pattern.compile(regex), methods, call);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
