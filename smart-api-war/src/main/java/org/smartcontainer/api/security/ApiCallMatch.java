package org.smartcontainer.api.security;

import org.smartcontainer.oauth.CallCategory;
import org.smartcontainer.oauth.CallTarget;

/** What {@link ApiCalls} makes of a request: a call of its own, a token endpoint, a wrong method, or one for the core. */
public sealed interface ApiCallMatch {

    /**
     * A call of the access matrix.
     *
     * @param name the ontology's client method name, or this container's name for the call (e.g. {@code admin})
     * @param category its row of the access matrix
     * @param target the path variables the decision depends on
     * @param patientData whether it reads or writes patient data (and so is audited)
     */
    record Call(String name, CallCategory category, CallTarget target, boolean patientData) implements ApiCallMatch {
    }

    /** {@code /oauth/request_token} and {@code /oauth/access_token}: the endpoints verify the OAuth request themselves. */
    record TokenEndpoint(String name) implements ApiCallMatch {
    }

    /** The path is known, the method is not: {@code 405} with {@code Allow}. */
    record MethodNotAllowed(String allow) implements ApiCallMatch {
    }

    /** Not one of the container's own endpoints: an ontology call or unknown, which the API core answers. */
    record ApiRoute() implements ApiCallMatch {
    }
}
