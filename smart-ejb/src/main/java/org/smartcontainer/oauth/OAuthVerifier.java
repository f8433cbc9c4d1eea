package org.smartcontainer.oauth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.smartcontainer.oauth.OAuthException.Reason;

/**
 * Checks one signed request (RFC 5849 §3.2): signature method and version, timestamp within the
 * window (past and future), the HMAC-SHA1 signature in constant time, the body hash when present, and
 * finally that the nonce is new. The nonce is recorded only after the signature verified, so unsigned
 * traffic cannot fill the store.
 */
public final class OAuthVerifier {

    private final Clock clock;
    private final Duration window;
    private final NonceStore nonces;

    /**
     * @param window the largest accepted difference between {@code oauth_timestamp} and the server's clock
     */
    public OAuthVerifier(Clock clock, Duration window, NonceStore nonces) {
        this.clock = Objects.requireNonNull(clock);
        this.window = Objects.requireNonNull(window);
        this.nonces = Objects.requireNonNull(nonces);
    }

    /** The checks that need no secret: method, version, timestamp, nonce present. Cheap; run them first. */
    public void checkProtocol(OAuthMessage message) throws OAuthException {
        String method = message.protocol("oauth_signature_method")
                .orElseThrow(() -> new OAuthException(Reason.MISSING_PARAMETER, "oauth_signature_method"));
        if (!method.equals(HmacSha1.METHOD)) {
            // PLAINTEXT and RSA-SHA1 are not offered, over HTTP or HTTPS alike (the reference registers HMAC-SHA1 only).
            throw new OAuthException(Reason.UNSUPPORTED_SIGNATURE_METHOD, method);
        }
        if (message.protocol("oauth_version").filter(v -> !v.equals("1.0")).isPresent()) {
            throw new OAuthException(Reason.UNSUPPORTED_VERSION, message.protocol("oauth_version").orElseThrow());
        }
        if (message.protocol("oauth_signature").filter(s -> !s.isEmpty()).isEmpty()) {
            throw new OAuthException(Reason.MISSING_PARAMETER, "oauth_signature");
        }
        if (message.protocol("oauth_nonce").filter(n -> !n.isEmpty()).isEmpty()) {
            throw new OAuthException(Reason.MISSING_PARAMETER, "oauth_nonce");
        }
        long timestamp = timestamp(message);
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > window.toSeconds()) {
            throw new OAuthException(Reason.TIMESTAMP_OUT_OF_WINDOW, "off by " + skew + " s");
        }
    }

    /**
     * Verifies the signature with the consumer secret and token secret (null for two-legged requests),
     * the body hash, and records the nonce.
     */
    public void verify(OAuthMessage message, OAuthRequest request, String consumerSecret, String tokenSecret)
            throws OAuthException {
        checkProtocol(message);
        String expected = HmacSha1.sign(message.signatureBaseString(), consumerSecret, tokenSecret);
        if (!HmacSha1.matches(expected, message.protocol("oauth_signature").orElseThrow())) {
            throw new OAuthException(Reason.INVALID_SIGNATURE, "signature does not match");
        }
        checkBodyHash(message, request);
        long timestamp = timestamp(message);
        Instant forgetAt = Instant.ofEpochSecond(timestamp).plus(window).plusSeconds(1);
        if (!nonces.firstUse(message.consumerKey(), message.token().orElse(""), timestamp,
                message.protocol("oauth_nonce").orElseThrow(), forgetAt)) {
            throw new OAuthException(Reason.NONCE_REPLAYED, "nonce used before");
        }
    }

    /** The body-hash extension as the reference applies it: only for non-form, non-empty bodies, only when sent. */
    private static void checkBodyHash(OAuthMessage message, OAuthRequest request) throws OAuthException {
        byte[] body = request.body();
        if (request.hasFormBody() || body.length == 0) {
            return;
        }
        var hash = message.protocol("oauth_body_hash");
        if (hash.isPresent()) {
            try {
                String actual = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(body));
                if (!HmacSha1.matches(actual, hash.get())) {
                    throw new OAuthException(Reason.BODY_HASH_MISMATCH, "oauth_body_hash");
                }
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        var contentType = message.protocol("oauth_content_type");
        if (contentType.isPresent() && !Objects.equals(OAuthMessage.mediaType(contentType.get()),
                OAuthMessage.mediaType(request.contentType()))) {
            throw new OAuthException(Reason.BODY_HASH_MISMATCH, "oauth_content_type");
        }
    }

    private static long timestamp(OAuthMessage message) throws OAuthException {
        String value = message.protocol("oauth_timestamp")
                .orElseThrow(() -> new OAuthException(Reason.MISSING_PARAMETER, "oauth_timestamp"));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new OAuthException(Reason.MALFORMED_REQUEST, "oauth_timestamp");
        }
    }
}
