package org.smartcontainer.api.security;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigFactory.RegistrationContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * The API authenticates every request itself ({@link ApiAuthorization}: OAuth 1.0a or an administrator's HTTP
 * Basic) and declares no container security. The portal in the same EAR uses Jakarta Security, whose
 * implementation (Soteria) then installs its authentication bridge for every web module of the application,
 * this one included: two JNDI look-ups of the bean manager and a mechanism call per API request that can never
 * authenticate anybody here. This removes that registration for the API's own context, and only that one.
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
