package org.smartcontainer.settings;

import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.smartcontainer.persistence.DatabaseOutages;

/**
 * Settings administrators switch in the portal without touching the server configuration; stored in
 * the database, so every server of a cluster sees the same value at once.
 */
@Stateless
@Interceptors(DatabaseOutages.class)
public class PortalSettings {

    /** Key of the self-registration setting. */
    static final String REGISTRATION = "registration";

    @PersistenceContext(unitName = "smart")
    private EntityManager em;

    /** Whether and how people may register themselves; {@link Registration#off} until an administrator changes it. */
    public Registration registration() {
        PortalSetting setting = em.find(PortalSetting.class, REGISTRATION);
        return parse(setting == null ? null : setting.getValue());
    }

    /** Changes the self-registration setting. */
    public void setRegistration(Registration registration) {
        PortalSetting setting = em.find(PortalSetting.class, REGISTRATION);
        if (setting == null) {
            em.persist(new PortalSetting(REGISTRATION, registration.name()));
        } else {
            setting.setValue(registration.name());
        }
    }

    /** A stored value as a setting; anything unknown counts as off. */
    static Registration parse(String stored) {
        if (stored == null) {
            return Registration.off;
        }
        try {
            return Registration.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return Registration.off;
        }
    }
}
