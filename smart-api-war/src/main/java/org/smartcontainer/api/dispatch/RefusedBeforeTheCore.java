package org.smartcontainer.api.dispatch;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.api.JaxRsAnswers;
import org.smartcontainer.api.JaxRsInvocations;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.RequestBody;
import org.smartcontainer.api.RoutedRequest;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiCore;
import org.smartcontainer.api.errors.UnexpectedFailureMapper;

/**
 * A request for a route of the {@link ApiCore} that JAX-RS answered itself before {@link ApiDispatcher} could hand
 * it over (an {@code Accept} header it cannot parse is refused with {@code 400} while the resource method is
 * chosen): the core still admits and audits it on the edge's route, with JAX-RS's refusal as the answer of an
 * admitted call. So every call of the core is decided on first and every patient-data request audited exactly once.
 */
@Provider
public class RefusedBeforeTheCore implements ContainerResponseFilter {

    @Inject
    ApiCore core;

    @Inject
    RoutedRequest routed;

    @Inject
    PublicUrls urls;

    @Inject
    RequestBody body;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!routed.missed()) {
            return;
        }
        routed.handedOver();
        Response.StatusType status = response.getStatusInfo();
        ApiAnswer refusal = ApiAnswer.problem(status.getStatusCode(), status.getReasonPhrase());
        ApiAnswer answer;
        try {
            answer = core.refusedByTheFront(JaxRsInvocations.of(request.getMethod(), request.getUriInfo(),
                    request::getHeaderString, body, urls), routed.match(), refusal);
        } catch (RuntimeException e) {
            // e.g. the credentials could not be checked (the database unreachable; the core has audited the
            // attempt): what a response filter throws reaches no exception mapper and would be a bare 500
            JaxRsAnswers.replace(response, new UnexpectedFailureMapper().toResponse(e));
            return;
        }
        JaxRsAnswers.replace(response, answer);
    }
}
