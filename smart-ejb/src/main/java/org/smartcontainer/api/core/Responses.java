package org.smartcontainer.api.core;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.rdf4j.model.Model;
import org.smartcontainer.api.cache.ResponseCache;
import org.smartcontainer.api.representation.RdfRepresentation;
import org.smartcontainer.records.RecordStore;

/**
 * The one place that turns a response graph into an answer in the negotiated representation.
 *
 * <p>Record reads go through the {@link ResponseCache} ({@code smart.api.response-cache.max-mb}, default 64;
 * {@code 0} turns it off): the serialized bytes are kept per record revision, URL (public base, path, query
 * without OAuth parameters) and representation, and carry an {@code ETag} made of the same; a request whose
 * {@code If-None-Match} names it gets {@code 304}. {@link ApiCore} decides before and audits after, so a cached
 * answer is decided and audited like any other.
 */
@ApplicationScoped
public class Responses {

    /** Default size of the response cache, MiB. */
    static final int DEFAULT_CACHE_MB = 64;

    @Inject
    SmartApi api;

    @Inject
    RecordStore store;

    @Inject
    @ConfigProperty(name = "smart.api.response-cache.max-mb", defaultValue = "" + DEFAULT_CACHE_MB)
    int cacheMegabytes;

    private ResponseCache cache;
    /** Distinguishes entity tags of this deployment from earlier ones (revisions restart with the store). */
    private final String epoch = UUID.randomUUID().toString().substring(0, 8);

    @PostConstruct
    void init() {
        cache = new ResponseCache(cacheMegabytes * 1024L * 1024L);
    }

    /** The cache (for diagnostics). */
    public ResponseCache cache() {
        return cache;
    }

    /** {@code 200} with the graph in the request's representation, written while the response is sent. */
    public ApiAnswer rdf(ApiRequest request, Model graph) {
        RdfRepresentation body = api.writer().represent(graph, request.representation());
        return ApiAnswer.of(200, body.contentType(), body::writeTo).with("Vary", "Accept");
    }

    /**
     * A read of record data: from the cache when this record revision, URL and representation were served
     * before, otherwise {@code graph} is built, serialized and kept. Errors thrown by {@code graph} (such as
     * {@code 404}) are not cached.
     */
    public ApiAnswer recordRead(ApiRequest request, Supplier<Model> graph) {
        long revision = cache.enabled() ? store.revision(request.recordId()) : RecordStore.NO_REVISION;
        if (revision == RecordStore.NO_REVISION) {
            return rdf(request, graph.get());
        }
        String query = request.parameters().withoutOAuth().toQueryString();
        String url = query.isEmpty() ? request.url() : request.url() + "?" + query;
        ResponseCache.Key key = new ResponseCache.Key(request.recordId(), revision, url,
                request.representation().name());
        ResponseCache.Entry entry = cache.get(key, () -> new ResponseCache.Entry(serialize(request, graph.get()), etag(key)));
        if (matches(request.headers().get("If-None-Match"), entry.etag())) {
            return ApiAnswer.empty(304).with("ETag", entry.etag()).with("Vary", "Accept");
        }
        return ApiAnswer.ok(entry.body(), request.representation().contentType())
                .with("Vary", "Accept").with("ETag", entry.etag());
    }

    private byte[] serialize(ApiRequest request, Model graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            api.writer().write(graph, request.representation(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize a response", e);
        }
        return out.toByteArray();
    }

    /** A strong tag: same bytes for the same key, and the key changes with every write to the record. */
    private String etag(ResponseCache.Key key) {
        return "\"" + epoch + "-" + key.revision() + "-" + key.representation().toLowerCase(java.util.Locale.ROOT)
                + "-" + Integer.toHexString(key.url().hashCode()) + "\"";
    }

    /** Whether an {@code If-None-Match} header value names {@code etag} (or is {@code *}). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
