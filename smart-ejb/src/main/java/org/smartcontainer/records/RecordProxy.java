package org.smartcontainer.records;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.smartcontainer.edge.LoggedInput;

/**
 * The HTTP client of proxy mode (proxy-mode-and-security.md §1): {@code GET}s on the configured REST base of an
 * existing EHR that speaks SMART RDF, with connect and read timeouts and a bound on concurrent calls, so a slow
 * or dead EHR costs each request at most the timeouts and never piles up threads. Only the path and the query
 * given are sent, with the configured credential and the acting context as headers (never the caller's).
 */
public class RecordProxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RecordProxy.class.getName());

    /** Headers that tell the EHR on whose behalf the container asks, for its own audit. */
    public static final String APP_HEADER = "X-Smart-App";
    /** The acting user. */
    public static final String USER_HEADER = "X-Smart-User";
    /** The record. */
    public static final String RECORD_HEADER = "X-Smart-Record";

    /**
     * Where and how to reach the EHR.
     *
     * @param base the REST base, e.g. {@code https://ehr.example.org/smart} (the API path is appended)
     * @param authorization the {@code Authorization} header value sent to the EHR, or null
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for the whole answer
     * @param maxConcurrent how many calls may be open at once; more wait up to the connect timeout, then fail
     */
    public record Settings(URI base, String authorization, Duration connectTimeout, Duration readTimeout,
            int maxConcurrent) {
    }

    /** The EHR's answer: status, content type (may be null) and body. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    /** The EHR did not answer within the read timeout ({@code 504}). */
    public static class TimeoutException extends RecordStoreUnavailableException {
        private static final long serialVersionUID = 1L;

        TimeoutException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Settings settings;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Semaphore permits;

    public RecordProxy(Settings settings) {
        this.settings = settings;
        this.executor = Executors.newFixedThreadPool(Math.max(2, Math.min(settings.maxConcurrent(), 8)), r -> {
            Thread t = new Thread(r, "smart-record-proxy");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.permits = new Semaphore(settings.maxConcurrent(), true);
    }

    /** The EHR's base URL. */
    public URI base() {
        return settings.base();
    }

    /**
     * {@code GET {base}{pathAndQuery}}. Transport failures end in {@link RecordStoreUnavailableException}
     * ({@code 503}) or {@link TimeoutException} ({@code 504}); HTTP statuses are returned for the caller to map.
     */
    public Answer get(String pathAndQuery, Map<String, String> context) {
        String base = settings.base().toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).GET()
                .header("Accept", "application/rdf+xml");
        if (settings.authorization() != null && !settings.authorization().isBlank()) {
            request.header("Authorization", settings.authorization());
        }
        context.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                request.header(name, value.replaceAll("[\\r\\n]", ""));
            }
        });
        boolean admitted;
        try {
            admitted = permits.tryAcquire(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordStoreUnavailableException("The EHR is unavailable (interrupted); try again later", e);
        }
        if (!admitted) {
            throw new RecordStoreUnavailableException("The EHR is unavailable: " + settings.maxConcurrent()
                    + " calls are already waiting for it; try again later", null);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            LOG.warning(() -> "The EHR at " + base + " cannot be reached: " + e);
            throw new RecordStoreUnavailableException("The EHR is unavailable (no connection: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); try again later", e);
        } catch (HttpTimeoutException e) {
            LOG.warning(() -> "The EHR at " + base + " did not answer " + LoggedInput.cut(pathAndQuery) + " within "
                    + settings.readTimeout().toMillis() + " ms");
            throw new TimeoutException("The EHR did not answer within " + settings.readTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            LOG.warning(() -> "The EHR at " + base + " failed: " + e);
            throw new RecordStoreUnavailableException("The EHR is unavailable (" + e.getClass().getSimpleName()
                    + "); try again later", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordStoreUnavailableException("The EHR is unavailable (interrupted); try again later", e);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
