package org.smartcontainer.sampleapps.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public base URL of the sample apps (their manifests' {@code index} and {@code oauth_callback} live
 * under it) and the API base the server-side apps call. Manifests need absolute URLs before any request
 * arrives, so without {@value #BASE_KEY} the base is {@code http://localhost:<port>} + context root, the
 * port read from the Payara domain's {@code http-listener-1} (8080 if that cannot be read).
 */
@ApplicationScoped
public class AppsBaseUrl {

    /** Public base URL of the sample apps, e.g. {@code https://smart.example.org/sample-apps}. */
    public static final String BASE_KEY = "smart.apps.base";

    /** The API base the REST and background apps call, e.g. {@code https://smart.example.org/api}. */
    public static final String API_KEY = "smart.apps.api-base";

    private static final Pattern SERVER_CONFIG = Pattern.compile(
            "<config\\s+name=\"server-config\".*?</config>", Pattern.DOTALL);
    private static final Pattern HTTP_LISTENER = Pattern.compile("<network-listener[^>]*name=\"http-listener-1\"[^>]*>");
    private static final Pattern PORT = Pattern.compile("port=\"(\\d+)\"");

    @Inject
    @ConfigProperty(name = BASE_KEY)
    Optional<String> configuredBase;

    @Inject
    @ConfigProperty(name = API_KEY)
    Optional<String> configuredApi;

    @Inject
    @ConfigProperty(name = "smart.context-root.apps", defaultValue = "/sample-apps")
    String contextRoot;

    @Inject
    @ConfigProperty(name = "smart.context-root.api", defaultValue = "/api")
    String apiContextRoot;

    /** The sample apps' base URL without a trailing slash. */
    public String base() {
        return configuredBase.map(AppsBaseUrl::trim).orElseGet(() -> origin() + trim(contextRoot));
    }

    /** The container's API base as the server-side apps reach it, without a trailing slash. */
    public String apiBase() {
        return configuredApi.map(AppsBaseUrl::trim).orElseGet(() -> {
            String base = base();
            int path = base.indexOf('/', base.indexOf("://") + 3);
            return (path < 0 ? base : base.substring(0, path)) + trim(apiContextRoot);
        });
    }

    private static String origin() {
        return "http://localhost:" + httpPort().orElse(8080);
    }

    /** The HTTP port of the Payara domain this runs in, if its domain.xml says. */
    static Optional<Integer> httpPort() {
        String root = System.getProperty("com.sun.aas.instanceRoot");
        if (root == null) {
            return Optional.empty();
        }
        try {
            return portIn(Files.readString(Path.of(root, "config", "domain.xml"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The port of {@code http-listener-1} in the {@code server-config} of a domain.xml. */
    static Optional<Integer> portIn(String domainXml) {
        Matcher config = SERVER_CONFIG.matcher(domainXml);
        if (!config.find()) {
            return Optional.empty();
        }
        Matcher listener = HTTP_LISTENER.matcher(config.group());
        if (!listener.find()) {
            return Optional.empty();
        }
        Matcher port = PORT.matcher(listener.group());
        return port.find() ? Optional.of(Integer.parseInt(port.group(1))) : Optional.empty();
    }

    private static String trim(String url) {
        String t = url.trim();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }
}
