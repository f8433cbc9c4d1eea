package org.smartcontainer.ui.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.smartcontainer.accounts.AccountChangeRefusedException;
import org.smartcontainer.accounts.AccountService;

/** The signed-in user changes their own password; the current one is required. */
@Named("passwordChange")
@RequestScoped
public class PasswordChangeBean {

    @EJB
    private AccountService accounts;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public void change() {
        if (securityContext.isCallerInRole(ShowcaseMode.ROLE) || securityContext.getCallerPrincipal() == null) {
            error("The showcase account cannot change anything.");
            return;
        }
        if (!newPassword.equals(confirmation)) {
            error("The new password and its confirmation differ.");
            return;
        }
        try {
            switch (accounts.changePassword(securityContext.getCallerPrincipal().getName(), currentPassword.toCharArray(),
                    newPassword.toCharArray())) {
                case CHANGED -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                        "Your password has been changed.", null));
                case WRONG_PASSWORD -> error("The current password is wrong.");
                case LOCKED -> error("This account is locked after repeated wrong passwords. Try again later or ask an administrator.");
                case DISABLED -> error("This account is disabled.");
            }
        } catch (AccountChangeRefusedException e) {
            error(e.getMessage() + ".");
        }
    }

    private void error(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    /** The shortest password allowed, for the form's hint. */
    public int getMinimumLength() {
        return AccountService.MIN_PASSWORD_LENGTH;
    }
}
