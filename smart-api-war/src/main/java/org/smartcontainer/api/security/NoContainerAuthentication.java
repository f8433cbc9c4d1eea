package org.smartcontainer.api.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.smartcontainer.config.ContainerAuthentication;

/**
 * The API authenticates every request itself ({@link ApiAuthorization}: OAuth 1.0a or an administrator's HTTP
 * Basic) and declares no container security, so it drops the authentication bridge Soteria installed for it:
 * two JNDI look-ups of the bean manager and a mechanism call per API request that could never authenticate
 * anybody here ({@link ContainerAuthentication}).
 */
@WebListener
public class NoContainerAuthentication implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ContainerAuthentication.removeFor(event.getServletContext());
    }
}
