package org.smartcontainer.records;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Whether the container runs in proxy mode ({@value ConfiguredRecordStore#BACKEND_KEY}{@code =proxy}), and then
 * the {@link RecordProxy} to the EHR at {@value #BASE_KEY} that record reads are forwarded to.
 */
@ApplicationScoped
public class ProxyMode {

    private static final String PREFIX = "smart.records.proxy.";

    /** MicroProfile Config key of the EHR's REST base in proxy mode. */
    public static final String BASE_KEY = PREFIX + "base";

    @Inject
    private Config config;

    private RecordProxy proxy;

    @PostConstruct
    void open() {
        String backend = config.getOptionalValue(ConfiguredRecordStore.BACKEND_KEY, String.class).orElse("native");
        if ("proxy".equals(backend.strip().toLowerCase(Locale.ROOT))) {
            proxy = new RecordProxy(settings(config));
        }
    }

    /** The proxy's settings from MicroProfile Config; the EHR's base URL is required. */
    static RecordProxy.Settings settings(Config config) {
        String base = config.getOptionalValue(BASE_KEY, String.class).orElseThrow(() ->
                new IllegalStateException(ConfiguredRecordStore.BACKEND_KEY + "=proxy needs " + BASE_KEY));
        return new RecordProxy.Settings(URI.create(base),
                config.getOptionalValue(PREFIX + "authorization", String.class).orElse(null),
                Duration.ofMillis(config.getOptionalValue(PREFIX + "connect-timeout-ms", Long.class).orElse(2000L)),
                Duration.ofMillis(config.getOptionalValue(PREFIX + "read-timeout-ms", Long.class).orElse(15000L)),
                config.getOptionalValue(PREFIX + "max-concurrent", Integer.class).orElse(32));
    }

    @PreDestroy
    void close() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The proxy to the EHR, in proxy mode. */
    public Optional<RecordProxy> proxy() {
        return Optional.ofNullable(proxy);
    }
}
