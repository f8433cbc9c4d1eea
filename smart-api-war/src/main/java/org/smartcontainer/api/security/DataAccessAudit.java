package org.smartcontainer.api.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.api.JaxRsAnswers;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiCore;
import org.smartcontainer.api.routing.RouteMatch;
import org.smartcontainer.audit.AuditUnavailableException;
import org.smartcontainer.oauth.OAuthPrincipal;

/**
 * Writes the audit event of every request to the container's own resources that reads or writes patient data
 * (the admin API's records), admitted or refused, with the status it ended with, through the same
 * {@link ApiCore#audit} as every ontology call. A response filter, so it runs before the answer is sent. An
 * event that cannot be accepted (journal not writable, or the queue full for longer than the configured wait)
 * fails the request with {@code 503}: no unaudited data access.
 */
@Provider
public class DataAccessAudit implements ContainerResponseFilter {

    @Inject
    private ApiCore core;

    @Inject
    private ApiCaller caller;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RouteMatch.Front call = caller.call();
        if (call == null || !call.call().patientData()) {
            return;
        }
        OAuthPrincipal principal = caller.principal();
        // a request whose credentials could not be checked (the database unreachable) is audited as whom it claimed to be
        boolean verified = !(principal instanceof OAuthPrincipal.Anonymous);
        String account = verified ? ApiCore.account(principal) : caller.claim().account();
        String app = verified ? principal.appId() : caller.claim().appId();
        try {
            core.audit(call.call().callName(), account, app, call.target().recordId(), request.getMethod(),
                    "/" + request.getUriInfo().getPath(false).replaceFirst("^/", ""), response.getStatus());
        } catch (AuditUnavailableException e) {
            // Not sent yet: the answer becomes 503 and carries none of the data (exception mappers do not see
            // what a response filter throws, which would make it a 500 with a stack trace in the log).
            JaxRsAnswers.replace(response, ApiAnswer.unavailable(e.getMessage()));
        }
    }
}
