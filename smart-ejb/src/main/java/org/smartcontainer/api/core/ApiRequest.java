package org.smartcontainer.api.core;

import org.smartcontainer.api.representation.RdfMediaType;
import org.smartcontainer.api.routing.RouteMatch;
import org.smartcontainer.oauth.OAuthPrincipal;
import org.smartcontainer.records.query.QueryParameters;

/**
 * One routed, admitted API request as the handlers see it.
 *
 * @param method the HTTP method
 * @param match the route and its decoded path variables
 * @param parameters the query parameters in request order
 * @param rawQuery the query string as received, or null
 * @param apiBase the public {@code api_base}, no trailing slash
 * @param uiBase the public base of the clinician portal
 * @param representation the negotiated RDF representation
 * @param headers reads request headers by name (null when absent)
 * @param body the request body (empty without one)
 * @param principal who the request acts as, as admitted
 */
public record ApiRequest(String method, RouteMatch.Found match, QueryParameters parameters, String rawQuery,
        String apiBase, String uiBase, RdfMediaType representation, ApiInvocation.HeaderLookup headers, byte[] body,
        OAuthPrincipal principal) {

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
