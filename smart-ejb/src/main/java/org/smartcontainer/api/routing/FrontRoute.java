package org.smartcontainer.api.routing;

import java.util.Set;

/**
 * One operation the API's JAX-RS front serves itself: an HTTP method on the path template of a resource method,
 * and the {@link FrontCall} it makes.
 *
 * @param method the HTTP method
 * @param template the resource method's path, relative to the API base
 * @param call what the call is (category, patient data, target)
 */
public record FrontRoute(String method, PathTemplate template, FrontCall call) {

    /** The route of a resource method, its path template written as in {@code @Path} (e.g. {@code /admin/records/{record_id}}). */
    public static FrontRoute of(String method, String template, FrontCall call) {
        return new FrontRoute(method, PathTemplate.parse(template, Set.of()), call);
    }

    @Override
    public String toString() {
        return method + " " + template + " -> " + call;
    }
}
