package org.smartcontainer.ui.connect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the API and the portal are, as the portal needs it: the public {@code api_base} handed to apps (and
 * used for record URIs in the answers to SMART Connect calls), the portal's public base, and its own origin
 * (the only origin allowed to call its non-JSF endpoints).
 */
@ApplicationScoped
public class PortalUrls {

    @Inject
    @ConfigProperty(name = "smart.api.base")
    Optional<String> apiBase;

    @Inject
    @ConfigProperty(name = "smart.ui.base")
    Optional<String> uiBase;

    /** The public {@code api_base}: configured, else this server as the request reached it + {@code /api}. */
    public String apiBase(HttpServletRequest request) {
        return apiBase.map(PortalUrls::trimSlash).orElseGet(() -> ownOrigin(request) + "/api");
    }

    /** The portal's public base URL (named by the container manifest): {@code smart.ui.base}, else its origin. */
    public String uiBase(HttpServletRequest request) {
        return uiBase.map(PortalUrls::trimSlash).orElseGet(() -> ownOrigin(request));
    }

    /** The portal's origin: from {@code smart.ui.base}, else as the request reached it. */
    public String portalOrigin(HttpServletRequest request) {
        return uiBase.flatMap(AppOrigin::of).orElseGet(() -> ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        return AppOrigin.of(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort())
                .orElseThrow(() -> new IllegalStateException("Not an http(s) request"));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
