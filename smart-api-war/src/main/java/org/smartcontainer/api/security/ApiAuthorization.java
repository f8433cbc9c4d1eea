package org.smartcontainer.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.api.JaxRsAnswers;
import org.smartcontainer.api.JaxRsInvocations;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.RequestBody;
import org.smartcontainer.api.RoutedRequest;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiCore;
import org.smartcontainer.api.core.ApiInvocation;
import org.smartcontainer.api.routing.RouteMatch;
import org.smartcontainer.oauth.OAuthPrincipal;

/**
 * Admits requests to the front's own JAX-RS resources (admin API, helper tokens) before JAX-RS picks one: the
 * edge's match ({@link RoutedRequest}) says which call of the access matrix it is, and the decision is the
 * {@link ApiCore}'s, the same as for every ontology call; a wrong method is refused after the decision. Requests for
 * the core's routes go on to the {@code ApiDispatcher}, where the core admits and answers them (marked due, so that
 * one JAX-RS refuses on the way still reaches the core); a wrong method on one of them is refused here as the core
 * would; the token endpoints verify their requests themselves.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class ApiAuthorization implements ContainerRequestFilter {

    @Inject
    private ApiCaller caller;

    @Inject
    private ApiCore core;

    @Inject
    private PublicUrls urls;

    @Inject
    private RequestBody body;

    @Inject
    private RoutedRequest routed;

    @Override
    public void filter(ContainerRequestContext request) {
        RouteMatch match = routed.match();
        if (match instanceof RouteMatch.Front front) {
            if (!front.call().verifiesItself() && !admitted(request, front)) {
                return;
            }
            if (!front.methodAllowed()) {
                request.abortWith(methodNotAllowed(front.allowHeader()));
            }
        } else if (match instanceof RouteMatch.MethodNotAllowed wrong) {
            request.abortWith(methodNotAllowed(wrong.allowHeader()));
        } else {
            routed.due();
        }
    }

    /** Decides on a call of the front; a refusal ends the request. */
    private boolean admitted(ContainerRequestContext request, RouteMatch.Front call) {
        ApiInvocation invocation = JaxRsInvocations.of(request.getMethod(), request.getUriInfo(),
                request::getHeaderString, body, urls);
        caller.set(call, OAuthPrincipal.Anonymous.INSTANCE);
        ApiCore.Admission admission;
        try {
            admission = core.admit(invocation, call.call().category(), call.target(), call.call().callName());
        } catch (RuntimeException e) {
            // the credentials could not be checked (e.g. the database unreachable): audited as whom they name
            ApiCore.Claim claim = ApiCore.Claim.of(invocation);
            caller.claim(new ApiCaller.Claim(claim.account(), claim.appId()));
            throw e;
        }
        if (admission instanceof ApiCore.Refused refused) {
            caller.set(call, refused.principal());
            request.abortWith(JaxRsAnswers.response(refused.answer()));
            return false;
        }
        caller.set(call, ((ApiCore.Admitted) admission).principal());
        return true;
    }

    private static Response methodNotAllowed(String allow) {
        return JaxRsAnswers.response(ApiAnswer.refusal(405, "Method not allowed").with(HttpHeaders.ALLOW, allow));
    }
}
