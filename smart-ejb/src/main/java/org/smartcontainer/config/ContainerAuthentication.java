package org.smartcontainer.config;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigFactory.RegistrationContext;
import jakarta.servlet.ServletContext;
import java.util.logging.Logger;

/**
 * Once one web module of the EAR (the portal) uses Jakarta Security, its implementation (Soteria) installs its
 * Jakarta Authentication bridge for every web module of the application. Modules that authenticate nobody
 * through the container (the API authenticates each request itself, the sample apps are OAuth clients) remove
 * that registration for their own context, and only that one: it costs look-ups and a mechanism call per
 * request there, and the portal's mechanism, a bean of the portal's module, cannot be found from another one.
 */
public final class ContainerAuthentication {

    private static final Logger LOG = Logger.getLogger(ContainerAuthentication.class.getName());

    /** The Jakarta Authentication message layer of servlet containers. */
    private static final String SERVLET_LAYER = "HttpServlet";

    private ContainerAuthentication() {
    }

    /** Removes the servlet-layer authentication registered for this context, if any. */
    public static void removeFor(ServletContext context) {
        AuthConfigFactory factory;
        try {
            factory = AuthConfigFactory.getFactory();
        } catch (RuntimeException | LinkageError none) {
            return; // no Jakarta Authentication on this server: nothing was installed either
        }
        if (factory == null) {
            return;
        }
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        String[] registrations = factory.getRegistrationIDs(null);
        for (String id : registrations == null ? new String[0] : registrations) {
            RegistrationContext registration = factory.getRegistrationContext(id);
            if (registration != null && SERVLET_LAYER.equals(registration.getMessageLayer())
                    && appContext.equals(registration.getAppContext()) && factory.removeRegistration(id)) {
                LOG.fine(() -> "Removed container authentication for " + appContext + ": " + registration.getDescription());
            }
        }
    }
}
