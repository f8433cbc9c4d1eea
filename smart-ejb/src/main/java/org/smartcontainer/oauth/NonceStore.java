package org.smartcontainer.oauth;

import java.time.Instant;

/**
 * Remembers the nonces of verified requests for as long as their timestamps are acceptable, keyed by
 * (consumer key, token, timestamp, nonce) as RFC 5849 §3.3 recommends. Implementations must be atomic
 * and, in a cluster, shared by every instance.
 */
public interface NonceStore {

    /**
     * Records a nonce; false if the same (consumer, token, timestamp, nonce) was recorded before and has
     * not expired, i.e. the request is a replay.
     *
     * @param token the token, or the empty string for two-legged requests
     * @param expiresAt when the nonce may be forgotten (the timestamp can no longer be accepted)
     */
    boolean firstUse(String consumerKey, String token, long timestamp, String nonce, Instant expiresAt);

    /** Forgets nonces that expired before {@code now}; a no-op where the store expires entries itself. */
    void purgeExpired(Instant now);

    /** One unambiguous string key for the four parts (each part percent-encoded, so no part contains {@code &}). */
    static String key(String consumerKey, String token, long timestamp, String nonce) {
        return PercentEncoding.encode(consumerKey) + "&" + PercentEncoding.encode(token) + "&" + timestamp + "&"
                + PercentEncoding.encode(nonce);
    }
}
