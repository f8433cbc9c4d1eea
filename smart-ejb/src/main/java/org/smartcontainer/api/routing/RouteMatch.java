package org.smartcontainer.api.routing;

import java.util.Map;
import java.util.Set;

/** The outcome of routing a request: a route, an unknown path (404) or a known path with another method (405). */
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
