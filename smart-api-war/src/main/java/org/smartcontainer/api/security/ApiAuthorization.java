package org.smartcontainer.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.api.CoreHandover;
import org.smartcontainer.api.JaxRsAnswers;
import org.smartcontainer.api.JaxRsInvocations;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.RequestBody;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiCore;
import org.smartcontainer.api.core.ApiInvocation;
import org.smartcontainer.oauth.OAuthPrincipal;

/**
 * Admits requests to the container's own JAX-RS resources (admin API, helper tokens, {@code /oauth/debug})
 * before JAX-RS picks one: {@link ApiCalls} says which call of the access matrix it is, and the decision is
 * the {@link ApiCore}'s, the same as for every ontology call. Ontology calls and unknown paths go on to the
 * {@code ApiDispatcher}, where the core routes, admits and answers them (marked due in {@link CoreHandover}, so
 * that one JAX-RS refuses on the way still reaches the core); the token endpoints verify their requests themselves.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class ApiAuthorization implements ContainerRequestFilter {

    @Inject
    private ApiCalls calls;

    @Inject
    private ApiCaller caller;

    @Inject
    private ApiCore core;

    @Inject
    private PublicUrls urls;

    @Inject
    private RequestBody body;

    @Inject
    private CoreHandover handover;

    @Override
    public void filter(ContainerRequestContext request) {
        ApiInvocation invocation = JaxRsInvocations.of(request.getMethod(), request.getUriInfo(),
                request::getHeaderString, body, urls);
        ApiCallMatch match = calls.match(invocation.method(), invocation.path());
        if (match instanceof ApiCallMatch.ApiRoute) {
            handover.due();
        } else if (match instanceof ApiCallMatch.Call call) {
            caller.set(call, OAuthPrincipal.Anonymous.INSTANCE);
            ApiCore.Admission admission;
            try {
                admission = core.admit(invocation, call.category(), call.target(), call.name());
            } catch (RuntimeException e) {
                // the credentials could not be checked (e.g. the database unreachable): audited as whom they name
                ApiCore.Claim claim = ApiCore.Claim.of(invocation);
                caller.claim(new ApiCaller.Claim(claim.account(), claim.appId()));
                throw e;
            }
            if (admission instanceof ApiCore.Refused refused) {
                caller.set(call, refused.principal());
                request.abortWith(JaxRsAnswers.response(refused.answer()));
            } else {
                caller.set(call, ((ApiCore.Admitted) admission).principal());
            }
        } else if (match instanceof ApiCallMatch.MethodNotAllowed wrong) {
            request.abortWith(JaxRsAnswers.response(ApiAnswer.refusal(405, "Method not allowed")
                    .with(HttpHeaders.ALLOW, wrong.allow())));
        }
    }
}
