package org.smartcontainer.sampleapps;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigFactory.RegistrationContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * The sample apps authenticate nobody through the container (they are OAuth clients of the API). The portal
 * in the same EAR uses Jakarta Security, whose implementation (Soteria) then installs its authentication
 * bridge for every web module of the application, this one included, and asks that bridge's mechanism on
 * every request. The portal's mechanism is a bean of the portal's own web module, which this module cannot
 * see (a built-in mechanism, defined by annotation, was visible everywhere): the bridge would find none here
 * and fail every request. This removes that registration for this module's own context, and only that one
 * (as the API module does for its own, {@code org.smartcontainer.api.security.NoContainerAuthentication}).
 */
@WebListener
public class NoContainerAuthentication implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(NoContainerAuthentication.class.getName());

    /** The Jakarta Authentication message layer of servlet containers. */
    private static final String SERVLET_LAYER = "HttpServlet";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
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
