package org.smartcontainer.api.dispatch;

import org.smartcontainer.api.representation.RdfMediaType;
import org.smartcontainer.api.routing.RouteMatch;
import org.smartcontainer.records.query.QueryParameters;

/**
 * One routed API request as the handlers see it.
 *
 * @param method the HTTP method
 * @param match the route and its decoded path variables
 * @param parameters the query parameters in request order
 * @param apiBase the public {@code api_base}, no trailing slash
 * @param representation the negotiated RDF representation
 * @param headers reads request headers by name (null when absent)
 */
public record ApiRequest(String method, RouteMatch.Found match, QueryParameters parameters, String apiBase,
        RdfMediaType representation, HeaderLookup headers) {

    /** Request header access without tying handlers to JAX-RS types. */
    @FunctionalInterface
    public interface HeaderLookup {
        /** The first value of the header, or null. */
        String get(String name);
    }

    /** The absolute URL of the request without its query, as the template spells the path. */
    public String url() {
        return apiBase + match.path();
    }

    /** A decoded path variable. */
    public String variable(String name) {
        return match.variable(name);
    }

    /** The record id of a record-category path. */
    public String recordId() {
        return match.variable("record_id");
    }
}
