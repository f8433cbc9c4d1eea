package org.smartcontainer.api.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.smartcontainer.edge.InputCheck;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.SmartOntology;

/**
 * The SMART REST API's routing table, built from the ontology's calls (api.md section 2) plus the explicit
 * handler table of {@link Handler}. Matching rules:
 * <ul>
 * <li>literal segments win over variables ({@code /users/search} is not a user id);</li>
 * <li>paths match exactly, including the trailing slash; when nothing matches, the same path with the
 * trailing slash added or removed is tried (internal alias, never a redirect: OAuth signatures cover the
 * URL as sent);</li>
 * <li>an unknown path is {@link RouteMatch.NotFound}; a known path with another method is
 * {@link RouteMatch.MethodNotAllowed} with the path's methods.</li>
 * </ul>
 * Immutable and thread-safe; build once at startup.
 */
public final class ApiRouter {

    private static final Logger LOG = Logger.getLogger(ApiRouter.class.getName());

    /** Variables that may span several segments: app descriptors may contain {@code /} (api.md 6.3). */
    private static final Set<String> GREEDY_VARIABLES = Set.of("descriptor");

    private final Table<Route> table;
    private final Table<FrontRoute> front;
    private final List<Route> routes;
    private final List<ApiCall> unserved;

    private ApiRouter(Table<Route> table, Table<FrontRoute> front, List<ApiCall> unserved) {
        this.table = table;
        this.front = front;
        List<Route> all = new ArrayList<>();
        table.byTemplate().values().forEach(m -> all.addAll(m.values()));
        this.routes = List.copyOf(all);
        this.unserved = List.copyOf(unserved);
    }

    /**
     * Path templates and, for each, what every method it accepts is routed to; the templates most specific first.
     *
     * @param <R> the route type
     */
    private record Table<R>(List<PathTemplate> templates, Map<PathTemplate, Map<String, R>> byTemplate) {

        static <R> Table<R> of(Map<PathTemplate, Map<String, R>> byTemplate) {
            byTemplate.replaceAll((t, m) -> Collections.unmodifiableMap(m));
            List<PathTemplate> ordered = new ArrayList<>(byTemplate.keySet());
            ordered.sort(PathTemplate.MOST_SPECIFIC_FIRST);
            return new Table<>(List.copyOf(ordered), Collections.unmodifiableMap(byTemplate));
        }
    }

    /** The routes of every call of the ontology that has a handler. */
    public static ApiRouter fromOntology(SmartOntology ontology) {
        return of(ontology.calls());
    }

    /** The routes of the given calls (a container may serve a subset, e.g. in proxy mode). */
    public static ApiRouter of(List<ApiCall> calls) {
        Map<PathTemplate, Map<String, Route>> table = new LinkedHashMap<>();
        List<ApiCall> unserved = new ArrayList<>();
        for (ApiCall call : calls) {
            Optional<Handler> handler = Handler.forCall(call);
            if (handler.isEmpty()) {
                LOG.warning(() -> "No handler for ontology call " + call.clientMethodName() + "; not served");
                unserved.add(call);
                continue;
            }
            PathTemplate template = PathTemplate.parse(call.path(), GREEDY_VARIABLES);
            Map<String, Route> byMethod = table.computeIfAbsent(template, t -> new TreeMap<>());
            Route previous = byMethod.putIfAbsent(call.httpMethod(), new Route(call.httpMethod(), template, call,
                    handler.get()));
            if (previous != null) {
                throw new IllegalArgumentException("Two calls for " + call.httpMethod() + " " + template + ": "
                        + previous.call().clientMethodName() + " and " + call.clientMethodName());
            }
            if (handler.get().answersPreflight()) {
                byMethod.putIfAbsent("OPTIONS", new Route("OPTIONS", template, call, Handler.CORS_PREFLIGHT));
            }
        }
        return new ApiRouter(Table.of(table), Table.of(new LinkedHashMap<>()), unserved);
    }

    /**
     * This router with the routes of the front's own resources as well; they are matched first (a resource with a
     * literal path takes precedence over the core's routes, as in JAX-RS), with the same trailing-slash aliasing. A
     * path of the front is one call whatever the method ({@link RouteMatch.Front#methodAllowed()}): the caller is
     * decided on (and a patient-data call audited) before a wrong method is refused.
     */
    public ApiRouter withFrontRoutes(List<FrontRoute> frontRoutes) {
        Map<PathTemplate, Map<String, FrontRoute>> byTemplate = new LinkedHashMap<>();
        for (FrontRoute route : frontRoutes) {
            Map<String, FrontRoute> byMethod = byTemplate.computeIfAbsent(route.template(), t -> new TreeMap<>());
            if (byMethod.values().stream().anyMatch(other -> other.call() != route.call())) {
                throw new IllegalArgumentException("A path is one call: " + route + " and " + byMethod.values());
            }
            if (byMethod.putIfAbsent(route.method(), route) != null) {
                throw new IllegalArgumentException("Two front routes for " + route.method() + " " + route.template());
            }
        }
        return new ApiRouter(table, Table.of(byTemplate), unserved);
    }

    /**
     * Routes a request.
     *
     * @param method the HTTP method
     * @param rawPath the request path relative to the API base, still percent-encoded, starting with {@code /}
     */
    public RouteMatch match(String method, String rawPath) {
        Optional<RouteMatch> frontMatch = withAlias(rawPath, (path, aliased) -> matchIn(front, path,
                (byMethod, variables) -> new RouteMatch.Front(byMethod.values().iterator().next().call(), method,
                        variables, byMethod.keySet())));
        if (frontMatch.isPresent()) {
            return frontMatch.get();
        }
        return withAlias(rawPath, (path, aliased) -> matchIn(table, path, (byMethod, variables) -> {
            Route route = byMethod.get(method);
            return route == null ? new RouteMatch.MethodNotAllowed(path, byMethod.keySet())
                    : new RouteMatch.Found(route, variables, path, aliased);
        })).orElseGet(() -> new RouteMatch.NotFound(rawPath));
    }

    /** The match of the path as sent, else of its trailing-slash alias. */
    private static Optional<RouteMatch> withAlias(String rawPath, BiFunction<String, Boolean, Optional<RouteMatch>> match) {
        Optional<RouteMatch> exact = match.apply(rawPath, false);
        if (exact.isPresent() || rawPath.length() <= 1) {
            return exact;
        }
        return match.apply(rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath + "/", true);
    }

    /**
     * The match of the first template of {@code table} the path fits: {@code matched} given the template's routes
     * by method and the decoded variables; {@link RouteMatch.NotFound} if a variable does not decode.
     */
    private static <R> Optional<RouteMatch> matchIn(Table<R> table, String rawPath,
            BiFunction<Map<String, R>, Map<String, String>, RouteMatch> matched) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (PathTemplate template : table.templates()) {
            Optional<Map<String, String>> raw = template.match(segments);
            if (raw.isEmpty()) {
                continue;
            }
            Map<String, String> decoded = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : raw.get().entrySet()) {
                Optional<String> value = percentDecode(e.getValue());
                if (value.isEmpty()) {
                    return Optional.of(new RouteMatch.NotFound(rawPath));
                }
                decoded.put(e.getKey(), value.get());
            }
            return Optional.of(matched.apply(table.byTemplate().get(template), Collections.unmodifiableMap(decoded)));
        }
        return Optional.empty();
    }

    /** Decodes {@code %XX} escapes as UTF-8 ({@code +} stays a plus in paths); empty if malformed. */
    static Optional<String> percentDecode(String raw) {
        return InputCheck.decode(raw, false);
    }

    /** Every route, grouped by path template. */
    public List<Route> routes() {
        return routes;
    }

    /** The route of a call, if served. */
    public Optional<Route> route(String clientMethodName) {
        return routes.stream().filter(r -> r.handler() != Handler.CORS_PREFLIGHT)
                .filter(r -> r.call().clientMethodName().equals(clientMethodName)).findFirst();
    }

    /** Ontology calls without a handler: neither routed nor advertised. */
    public List<ApiCall> unservedCalls() {
        return unserved;
    }

    /** The manifest capabilities of exactly what this router serves. */
    public Capabilities capabilities() {
        return Capabilities.of(routes);
    }

    /** The capabilities without the routes of some handlers (calls a configuration does not serve, e.g. proxy mode). */
    public Capabilities capabilitiesWithout(Set<Handler> unserved) {
        return Capabilities.of(routes.stream().filter(r -> !unserved.contains(r.handler())).toList());
    }
}
