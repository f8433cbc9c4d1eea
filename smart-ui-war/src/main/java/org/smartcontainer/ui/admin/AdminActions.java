package org.smartcontainer.ui.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.smartcontainer.audit.AuditEvent;
import org.smartcontainer.audit.AuditTrail;

/** What every admin page does after an action: tell the administrator, and write the change into the audit trail. */
@RequestScoped
public class AdminActions {

    @EJB
    private AuditTrail audit;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    /** Records an administrator's change made in the portal (call names start with {@code portal_admin_}). */
    public void audit(String call, String record, String app, int status) {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        audit.record(new AuditEvent(Instant.now(), administrator(), app, record, "portal_admin_" + call,
                request.getMethod(), request.getRequestURI(), status));
    }

    /** The signed-in administrator's user name. */
    public String administrator() {
        return securityContext.getCallerPrincipal() == null ? null : securityContext.getCallerPrincipal().getName();
    }

    /** Shows a confirmation. */
    public void info(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** Shows an error. */
    public void error(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
