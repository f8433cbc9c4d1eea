package org.smartcontainer.sampleapps;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.smartcontainer.config.ContainerAuthentication;

/**
 * The sample apps authenticate nobody through the container (they are OAuth clients of the API), so this module
 * drops the authentication bridge Soteria installed for it: the bridge would look for the portal's mechanism,
 * a bean of the portal's module that this one cannot see, and fail every request ({@link ContainerAuthentication}).
 */
@WebListener
public class NoContainerAuthentication implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ContainerAuthentication.removeFor(event.getServletContext());
    }
}
