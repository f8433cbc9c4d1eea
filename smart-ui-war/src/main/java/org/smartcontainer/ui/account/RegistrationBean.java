package org.smartcontainer.ui.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.smartcontainer.accounts.AccountChangeRefusedException;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.settings.PortalSettings;
import org.smartcontainer.settings.Registration;

/**
 * Self-registration (register.xhtml), only while an administrator has switched it on (admin settings page):
 * open (sign in at once) or with approval (disabled until an administrator enables the account).
 */
@Named("registration")
@RequestScoped
public class RegistrationBean {

    @EJB
    private AccountService accounts;

    @EJB
    private PortalSettings settings;

    @Inject
    private FacesContext faces;

    private Registration policy;
    private String username;
    private String givenName;
    private String familyName;
    private String email;
    private String password;
    private String confirmation;

    /** Whether anyone may register now. */
    public boolean isAvailable() {
        return policy() != Registration.off;
    }

    /** Whether new accounts wait for an administrator. */
    public boolean isNeedsApproval() {
        return policy() == Registration.approval;
    }

    private Registration policy() {
        if (policy == null) {
            policy = settings.registration();
        }
        return policy;
    }

    public void register() throws IOException {
        if (!isAvailable()) {
            error("Registration is closed. Ask an administrator for an account.");
            return;
        }
        if (!password.equals(confirmation)) {
            error("The password and its confirmation differ.");
            return;
        }
        try {
            accounts.register(username.strip(), givenName, familyName, email, password.toCharArray(), isNeedsApproval());
        } catch (AccountChangeRefusedException e) {
            error(e.getMessage() + ".");
            return;
        }
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, isNeedsApproval()
                ? "Your account " + username.strip() + " has been created. An administrator must enable it before you can sign in."
                : "Your account " + username.strip() + " has been created. Please sign in.", null));
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    private void error(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public int getMinimumLength() {
        return AccountService.MIN_PASSWORD_LENGTH;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
