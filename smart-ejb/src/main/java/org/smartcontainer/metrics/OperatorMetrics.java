package org.smartcontainer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The application's one metrics registry and what the product records in it. Every label takes values from a
 * bounded set (call names of the router, HTTP status codes, refusal reasons of an enum, two fronts): never a
 * path, a record id or a user, so the number of series cannot grow with traffic or hostile input.
 * Documented for operators in {@code docs/operations.md} ("Metrics").
 */
@ApplicationScoped
public class OperatorMetrics {

    /** The call name of a request the router found no route for (404, 405). */
    public static final String UNMATCHED = "unmatched";

    /** Latency buckets of the API request histogram (seconds). */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /** Which front handed a call to the API core. */
    public enum Front {
        /** A request to {@code /api}: OAuth-signed or an administrator's HTTP Basic. */
        API,
        /** The portal's SMART Connect passthrough, in-process, for an app framed in the portal. */
        CONNECT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** One API call answered (or failed with {@code status}) after {@code nanos}. */
    public void apiCall(String call, Front front, int status, long nanos) {
        Timer.builder("smart.api.requests")
                .description("API calls answered by the API core, by call name, front and status code")
                .tag("call", call).tag("front", front.label()).tag("status", Integer.toString(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A request refused by the OAuth check, for {@code reason} (a constant of the refusal reasons). */
    public void oauthRefused(Enum<?> reason) {
        Counter.builder("smart.oauth.refusals")
                .description("Requests refused by the OAuth 1.0a check, by reason")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    /** {@code count} patient records imported (files, folders, generated patients, the records API). */
    public void recordsImported(int count) {
        Counter.builder("smart.records.imported")
                .description("Patient records imported since the application started")
                .register(registry).increment(count);
    }

    /** A figure read when scraped, e.g. a backlog; {@code value} should not throw (answer NaN when unknown). */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).strongReference(true).register(registry);
    }

    /**
     * A count kept elsewhere that only grows, read when scraped (exposed with {@code _total}); {@code source} must
     * be held by its owner (the registry keeps only a weak reference).
     */
    public <T> void counted(String name, String description, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).register(registry);
    }

    /** Everything recorded, in the Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
