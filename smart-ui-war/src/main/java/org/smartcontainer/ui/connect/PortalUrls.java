package org.smartcontainer.ui.connect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the API and the portal are, as the portal needs it: the public {@code api_base} handed to apps
 * (and signed over), the base the portal's server side sends proxied calls to, and the portal's own
 * origin (the only origin allowed to call its non-JSF endpoints).
 */
@ApplicationScoped
public class PortalUrls {

    /** Base URL the portal's server sends SMART Connect calls to, when the public one is not reachable from inside. */
    public static final String INTERNAL_API_BASE = "smart.portal.api-internal-base";

    @Inject
    @ConfigProperty(name = "smart.api.base")
    Optional<String> apiBase;

    @Inject
    @ConfigProperty(name = "smart.ui.base")
    Optional<String> uiBase;

    @Inject
    @ConfigProperty(name = INTERNAL_API_BASE)
    Optional<String> internalApiBase;

    /** The public {@code api_base}: configured, else this server as the request reached it + {@code /api}. */
    public String apiBase(HttpServletRequest request) {
        return apiBase.map(PortalUrls::trimSlash).orElseGet(() -> ownOrigin(request) + "/api");
    }

    /** Where the server side sends API calls: {@value #INTERNAL_API_BASE} if set, else the public base. */
    public String outboundApiBase(HttpServletRequest request) {
        return internalApiBase.map(PortalUrls::trimSlash).orElseGet(() -> apiBase(request));
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
