package org.smartcontainer.api.core;

import java.net.URI;
import java.util.Objects;
import org.smartcontainer.oauth.OAuthPrincipal;

/**
 * One call of the API as a front hands it to {@link ApiCore}: the JAX-RS resource for requests to {@code /api},
 * the portal's SMART Connect passthrough for framed apps.
 *
 * @param method the HTTP method
 * @param path the path relative to the API base, percent-encoded, starting with {@code /}
 * @param rawQuery the query string as received, or null
 * @param headers the request headers the API may read
 * @param body reads the request body (empty without one); a failure to read it fails the call inside the core
 * @param apiBase the public {@code api_base}, no trailing slash: the prefix of record URIs and of signed URLs
 * @param uiBase the public base of the clinician portal (the container manifest names it)
 * @param caller who calls: credentials to verify, or a principal the front has already established
 */
public record ApiInvocation(String method, String path, String rawQuery, HeaderLookup headers, BodySource body,
        String apiBase, String uiBase, Caller caller) {

    public ApiInvocation {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(headers);
        Objects.requireNonNull(body);
        Objects.requireNonNull(apiBase);
        Objects.requireNonNull(caller);
    }

    /** Request header access without tying the core to a web API. */
    @FunctionalInterface
    public interface HeaderLookup {
        /** The first value of the header (names compare case-insensitively), or null. */
        String get(String name);
    }

    /** The request body, read when the core needs it (so that a body that cannot be read is audited too). */
    @FunctionalInterface
    public interface BodySource {
        /** The bytes; throws {@link java.io.UncheckedIOException} if the body cannot be read. */
        byte[] bytes();

        /** A body already read. */
        static BodySource of(byte[] bytes) {
            byte[] kept = bytes == null ? new byte[0] : bytes;
            return () -> kept;
        }
    }

    /** Who calls. */
    public sealed interface Caller {
    }

    /** The credentials in the request (OAuth 1.0a header, query or form; an administrator's HTTP Basic) are verified. */
    public record Credentials() implements Caller {
        /** The one instance. */
        public static final Credentials IN_REQUEST = new Credentials();
    }

    /**
     * A principal the front established itself, e.g. the portal for a SMART Connect token of the signed-in
     * clinician: nothing in the request is verified, the principal is decided on like any other.
     */
    public record Established(OAuthPrincipal principal) implements Caller {
        public Established {
            Objects.requireNonNull(principal);
        }
    }

    /** The URL a client signed: the public base, the path and the query as received. */
    public URI publicUrl() {
        return URI.create(apiBase + path + (rawQuery == null ? "" : "?" + rawQuery));
    }
}
