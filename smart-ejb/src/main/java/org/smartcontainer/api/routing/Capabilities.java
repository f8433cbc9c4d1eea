package org.smartcontainer.api.routing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * The {@code capabilities} of the container manifest (manifest spec section 1.2): for every class some served
 * call targets, the distinct HTTP methods of those calls. Computed from the routes, so a call that is not
 * served is not advertised.
 *
 * @param methodsByClass target class to methods, in route order
 */
public record Capabilities(Map<IRI, List<String>> methodsByClass) {

    public Capabilities {
        Map<IRI, List<String>> copy = new LinkedHashMap<>();
        methodsByClass.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        methodsByClass = Collections.unmodifiableMap(copy);
    }

    /** The capabilities of a set of routes (preflight routes are not capabilities). */
    static Capabilities of(List<Route> routes) {
        Map<IRI, Set<String>> methods = new LinkedHashMap<>();
        for (Route r : routes) {
            if (r.handler() != Handler.CORS_PREFLIGHT) {
                methods.computeIfAbsent(r.call().target(), k -> new LinkedHashSet<>()).add(r.method());
            }
        }
        Map<IRI, List<String>> result = new LinkedHashMap<>();
        methods.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return new Capabilities(result);
    }

    /** The manifest JSON: {@code {"<class IRI>": {"methods": [...]}, ...}}. */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        methodsByClass.forEach((cls, methods) -> {
            JsonArrayBuilder array = Json.createArrayBuilder();
            methods.forEach(array::add);
            json.add(cls.stringValue(), Json.createObjectBuilder().add("methods", array));
        });
        return json.build();
    }
}
