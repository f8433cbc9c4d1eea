package org.smartcontainer.api.cors;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.RoutedRequest;
import org.smartcontainer.api.routing.Handler;
import org.smartcontainer.api.routing.RouteMatch;

/**
 * CORS (api.md 1.5). Responses carry {@code Access-Control-Allow-Origin} for a request {@code Origin} that is
 * allowed ({@code smart.cors.allowed-origins}, comma-separated; default: the portal's own origin); origins are
 * never reflected otherwise. Preflights ({@code OPTIONS}) are answered here, anonymously and before any
 * authorization, only on the paths whose calls allow them (scratchpad, preferences, app manifest), as the
 * edge routed them ({@link RoutedRequest}). The front's own resources (OAuth token endpoints, helper tokens, admin
 * API: called by servers and operators' scripts, never by a browser app) get no CORS headers.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** MicroProfile Config key of the allowed origins. */
    public static final String ALLOWED_ORIGINS = "smart.cors.allowed-origins";

    @Inject
    RoutedRequest routed;

    @Inject
    PublicUrls urls;

    @Inject
    @ConfigProperty(name = ALLOWED_ORIGINS)
    Optional<String> allowedOrigins;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod()) || request.getHeaderString("Access-Control-Request-Method") == null) {
            return;
        }
        if (routed.match() instanceof RouteMatch.Found found
                && found.route().handler() == Handler.CORS_PREFLIGHT) {
            Response.ResponseBuilder preflight = Response.ok()
                    .header("Access-Control-Allow-Methods", "POST, GET, PUT, DELETE")
                    .header("Access-Control-Allow-Headers", "authorization,x-requested-with,content-type")
                    .header("Access-Control-Max-Age", "60");
            allowedOrigin(request).ifPresent(o -> preflight.header("Access-Control-Allow-Origin", o)
                    .header(HttpHeaders.VARY, "Origin"));
            request.abortWith(preflight.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (headers.containsKey("Access-Control-Allow-Origin")) {
            return;
        }
        if (routed.match() instanceof RouteMatch.Front) {
            return;
        }
        allowedOrigin(request).ifPresent(origin -> {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.add(HttpHeaders.VARY, "Origin");
        });
    }

    private Optional<String> allowedOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.isBlank()) {
            return Optional.empty();
        }
        return origins(request).contains(origin.strip()) ? Optional.of(origin.strip()) : Optional.empty();
    }

    private List<String> origins(ContainerRequestContext request) {
        if (allowedOrigins.isPresent() && !allowedOrigins.get().isBlank()) {
            return Arrays.stream(allowedOrigins.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(CorsFilter::origin).toList();
        }
        return List.of(origin(urls.uiBase(request.getUriInfo())));
    }

    /** The origin ({@code scheme://host[:port]}) of a URL. */
    static String origin(String url) {
        URI u = URI.create(url.strip());
        if (u.getScheme() == null || u.getRawAuthority() == null) {
            return url.strip();
        }
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
