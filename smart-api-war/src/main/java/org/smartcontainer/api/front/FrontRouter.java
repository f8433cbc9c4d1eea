package org.smartcontainer.api.front;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.smartcontainer.api.Serves;
import org.smartcontainer.api.admin.AdminAccountsResource;
import org.smartcontainer.api.admin.AdminAppsResource;
import org.smartcontainer.api.admin.AdminAuditResource;
import org.smartcontainer.api.admin.AdminMetricsResource;
import org.smartcontainer.api.admin.AdminRecordsResource;
import org.smartcontainer.api.core.SmartApi;
import org.smartcontainer.api.oauth.HelperTokenResource;
import org.smartcontainer.api.oauth.OAuthTokenResource;
import org.smartcontainer.api.routing.ApiRouter;
import org.smartcontainer.api.routing.FrontCall;
import org.smartcontainer.api.routing.FrontRoute;
import org.smartcontainer.api.routing.RouteMatch;

/**
 * The routing table of the whole API as the edge sees it: the core's routes (from the ontology) and the routes of
 * the front's own resources, read from their {@code @Path}s, HTTP methods and {@link Serves} at start-up.
 */
@ApplicationScoped
public class FrontRouter {

    /** The front's own resources; every other request goes to {@code dispatch.ApiDispatcher} and the core. */
    static final List<Class<?>> RESOURCES = List.of(OAuthTokenResource.class, HelperTokenResource.class,
            AdminRecordsResource.class, AdminAppsResource.class, AdminAccountsResource.class, AdminAuditResource.class,
            AdminMetricsResource.class);

    @Inject
    SmartApi api;

    private ApiRouter router;

    @PostConstruct
    void build() {
        router = api.router().withFrontRoutes(routesOf(RESOURCES));
    }

    /**
     * Routes a request.
     *
     * @param method the HTTP method
     * @param rawPath the path relative to the API base, percent-encoded, starting with {@code /}
     */
    public RouteMatch match(String method, String rawPath) {
        return router.match(method, rawPath);
    }

    /** The routes of resource classes: one per resource method, its path the class's and the method's {@code @Path}. */
    static List<FrontRoute> routesOf(List<Class<?>> resources) {
        List<FrontRoute> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Serves serves = method.isAnnotationPresent(Serves.class) ? method.getAnnotation(Serves.class)
                        : resource.getAnnotation(Serves.class);
                if (serves == null) {
                    throw new IllegalStateException(resource.getName() + "." + method.getName() + " names no "
                            + FrontCall.class.getSimpleName() + " (@" + Serves.class.getSimpleName() + ")");
                }
                routes.add(FrontRoute.of(httpMethod, template(resource.getAnnotation(Path.class),
                        method.getAnnotation(Path.class)), serves.value()));
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String template(Path... paths) {
        return "/" + Stream.of(paths).filter(p -> p != null).map(p -> p.value().replaceAll("^/+|/+$", ""))
                .filter(p -> !p.isEmpty()).collect(Collectors.joining("/"));
    }
}
