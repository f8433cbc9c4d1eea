package org.smartcontainer.api.routing;

import java.util.Map;
import java.util.Set;
import org.smartcontainer.oauth.CallTarget;

/**
 * The outcome of routing a request, found once at the edge and carried with the request: a route of the core, one
 * of the front's own resources, an unknown path (404) or a known path with another method (405).
 */
public sealed interface RouteMatch {

    /**
     * The request is served by {@code route}.
     *
     * @param route the route
     * @param variables the decoded path variables, e.g. {@code record_id}
     * @param path the path as the template spells it: the request path, or its slash alias (api.md 1.2);
     *     item URIs are rebuilt from {@code api_base} + this path
     * @param aliased whether the request path differed from the template by a trailing slash
     */
    record Found(Route route, Map<String, String> variables, String path, boolean aliased) implements RouteMatch {

        /** The decoded value of a path variable. */
        public String variable(String name) {
            String value = variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("No variable " + name + " in " + route.template());
            }
            return value;
        }
    }

    /**
     * The request is for one of the front's own resources (token endpoints, helper tokens, admin API); a path of
     * the front is one call, whatever the method.
     *
     * @param call what the call is
     * @param method the request's method
     * @param variables the decoded path variables
     * @param allowed the methods the path accepts, in a stable order
     */
    record Front(FrontCall call, String method, Map<String, String> variables, Set<String> allowed) implements RouteMatch {

        /** Whether the path accepts the request's method ({@code 405} with {@link #allowHeader()} otherwise). */
        public boolean methodAllowed() {
            return allowed.contains(method);
        }

        /** The value of the {@code Allow} header. */
        public String allowHeader() {
            return String.join(", ", allowed);
        }

        /** The path variables the access decision depends on. */
        public CallTarget target() {
            return call.target(variables);
        }
    }

    /** No route has this path: {@code 404}. */
    record NotFound(String path) implements RouteMatch {
    }

    /**
     * The path exists but not for this method: {@code 405} with an {@code Allow} header.
     *
     * @param allowed the methods the path accepts, in a stable order
     */
    record MethodNotAllowed(String path, Set<String> allowed) implements RouteMatch {

        /** The value of the {@code Allow} header. */
        public String allowHeader() {
            return String.join(", ", allowed);
        }
    }
}
