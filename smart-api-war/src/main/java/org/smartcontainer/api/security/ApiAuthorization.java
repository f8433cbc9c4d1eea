package org.smartcontainer.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.api.JaxRsAnswers;
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
 * {@code ApiDispatcher}, where the core routes, admits and answers them; the token endpoints verify their
 * requests themselves.
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

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + stripLeadingSlash(request.getUriInfo().getPath(false));
        String method = request.getMethod();
        ApiCallMatch match = calls.match(method, path);
        if (match instanceof ApiCallMatch.Call call) {
            caller.set(call, OAuthPrincipal.Anonymous.INSTANCE);
            ApiInvocation invocation = new ApiInvocation(method, path,
                    request.getUriInfo().getRequestUri().getRawQuery(), request::getHeaderString, body::bytes,
                    urls.apiBase(request.getUriInfo()), urls.uiBase(request.getUriInfo()),
                    ApiInvocation.Credentials.IN_REQUEST);
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

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
