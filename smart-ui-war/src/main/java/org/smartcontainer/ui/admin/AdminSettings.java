package org.smartcontainer.ui.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.smartcontainer.settings.PortalSettings;
import org.smartcontainer.settings.Registration;

/** admin/settings.xhtml: whether people may register themselves (stored in the database; off by default). */
@Named
@ViewScoped
public class AdminSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PortalSettings settings;

    @Inject
    private AdminActions actions;

    private Registration registration;

    public Registration getRegistration() {
        if (registration == null) {
            registration = settings.registration();
        }
        return registration;
    }

    public void setRegistration(Registration registration) {
        this.registration = registration;
    }

    public Registration[] getRegistrations() {
        return Registration.values();
    }

    public void save() {
        settings.setRegistration(getRegistration());
        actions.audit("set_registration_" + getRegistration().name(), null, null, 200);
        actions.info(switch (getRegistration()) {
            case off -> "Self-registration is off: only administrators create accounts.";
            case approval -> "Self-registration is on; new accounts wait for an administrator to enable them.";
            case open -> "Self-registration is open; new accounts may sign in at once as clinicians.";
        });
    }
}
