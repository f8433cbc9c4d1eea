package org.smartcontainer.api.security;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import org.smartcontainer.audit.AuditEvent;
import org.smartcontainer.audit.AuditTrail;
import org.smartcontainer.oauth.OAuthPrincipal;

/**
 * Writes the audit event of every request for a call that reads or writes patient data, admitted or
 * refused, with the status it ended with. A response filter, so it runs before the answer is sent: the event is
 * in the local audit journal when the client gets its answer, and reaches the database within moments
 * ({@link org.smartcontainer.audit.AuditWriter}). An event that cannot be accepted (journal not writable, or the
 * queue full for longer than the configured wait) fails the request: no unaudited data access.
 */
@Provider
public class DataAccessAudit implements ContainerResponseFilter {

    @EJB
    private AuditTrail audit;

    @Inject
    private ApiCaller caller;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ApiCallMatch.Call call = caller.call();
        if (call == null || !call.patientData()) {
            return;
        }
        OAuthPrincipal principal = caller.principal();
        audit.record(new AuditEvent(Instant.now(), account(principal), principal.appId(), call.target().recordId(),
                call.name(), request.getMethod(), "/" + request.getUriInfo().getPath(false).replaceFirst("^/", ""),
                response.getStatus()));
    }

    private static String account(OAuthPrincipal principal) {
        if (principal instanceof OAuthPrincipal.AccessTokenPrincipal at) {
            return at.userId();
        }
        if (principal instanceof OAuthPrincipal.AdministratorPrincipal admin) {
            return admin.userId();
        }
        return principal instanceof OAuthPrincipal.AccountPrincipal account ? account.userId() : null;
    }
}
