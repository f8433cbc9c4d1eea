package org.smartcontainer.oauth;

import java.net.URI;
import java.util.Locale;

/**
 * What the provider needs to know about an HTTP request to verify it: the method, the <em>public</em>
 * URL the client used (as the client saw it, query included), the {@code Authorization} header, and
 * the body with its media type.
 *
 * @param method the HTTP method
 * @param publicUrl the absolute URL the client signed, with its raw (still encoded) path and query
 * @param authorization the {@code Authorization} header, or null
 * @param contentType the request's {@code Content-Type}, or null
 * @param body the raw body, empty if none
 */
public record OAuthRequest(String method, URI publicUrl, String authorization, String contentType, byte[] body) {

    /** The media type whose body parameters take part in the signature. */
    public static final String FORM = "application/x-www-form-urlencoded";

    public OAuthRequest {
        if (method == null || publicUrl == null || !publicUrl.isAbsolute()) {
            throw new IllegalArgumentException("An OAuth request needs a method and an absolute URL");
        }
        method = method.toUpperCase(Locale.ROOT);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A request without a body. */
    public static OAuthRequest of(String method, String publicUrl, String authorization) {
        return new OAuthRequest(method, URI.create(publicUrl), authorization, null, null);
    }

    /** Whether the body is {@code application/x-www-form-urlencoded} (parameters), whatever the charset parameter. */
    public boolean hasFormBody() {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim().equals(FORM);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
