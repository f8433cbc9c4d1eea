package org.smartcontainer.api.routing;

import org.smartcontainer.ontology.ApiCall;

/**
 * One served operation: an HTTP method on a path template, the ontology call it implements and the handler
 * that serves it.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code DELETE} or {@code OPTIONS} (preflight)
 * @param template the path template
 * @param call the ontology call (for a preflight, the first call on the path)
 * @param handler what serves it
 */
public record Route(String method, PathTemplate template, ApiCall call, Handler handler) {

    @Override
    public String toString() {
        return method + " " + template + " -> " + handler + " (" + call.clientMethodName() + ")";
    }
}
