package org.smartcontainer.ui.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Showcase mode ({@code smart.portal.showcase.enabled}, off by default): visitors of {@code /showcase} are
 * signed in as the read-only account {@code smart.portal.showcase.account}. Read per request, so switching
 * it needs no redeploy (Payara caches config values for up to its config cache duration, 60 s by default).
 */
@Named("showcase")
@RequestScoped
public class ShowcaseMode {

    /** The group (and role) every showcase session carries, and nothing else but clinician. */
    public static final String ROLE = "showcase";

    @Inject
    private SecurityContext securityContext;

    /** Whether the showcase entry is open. */
    public boolean isEnabled() {
        return ConfigProvider.getConfig().getOptionalValue("smart.portal.showcase.enabled", Boolean.class).orElse(false);
    }

    /** The user name of the account showcase visitors act as. */
    public String getAccount() {
        return ConfigProvider.getConfig().getOptionalValue("smart.portal.showcase.account", String.class)
                .filter(s -> !s.isBlank()).map(String::strip).orElse("showcase");
    }

    /** Whether the current visitor is a showcase visitor (read-only). */
    public boolean isActive() {
        return securityContext.isCallerInRole(ROLE);
    }
}
