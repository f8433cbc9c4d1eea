package org.smartcontainer.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public base URLs of the API and the portal. When not configured they follow the request, so a
 * container behind a proxy should set {@code smart.api.base} and {@code smart.ui.base}.
 */
@ApplicationScoped
public class PublicUrls {

    @Inject
    @ConfigProperty(name = "smart.api.base")
    Optional<String> apiBase;

    @Inject
    @ConfigProperty(name = "smart.ui.base")
    Optional<String> uiBase;

    /** The {@code api_base}: the prefix of every API path and every record URI. */
    public String apiBase(UriInfo request) {
        return apiBase.map(PublicUrls::trimSlash).orElseGet(() -> trimSlash(request.getBaseUri().toString()));
    }

    /** The base URL of the clinician portal. */
    public String uiBase(UriInfo request) {
        return uiBase.map(PublicUrls::trimSlash).orElseGet(() -> {
            URI base = request.getBaseUri();
            return base.getScheme() + "://" + base.getRawAuthority();
        });
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
