package org.smartcontainer.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC-SHA1 signature method (RFC 5849 §3.4.2), the only one the provider accepts. */
public final class HmacSha1 {

    /** The value of {@code oauth_signature_method}. */
    public static final String METHOD = "HMAC-SHA1";

    private HmacSha1() {
    }

    /** base64(HMAC-SHA1(enc(consumer secret) & enc(token secret), base string)); a missing token secret is empty. */
    public static String sign(String baseString, String consumerSecret, String tokenSecret) {
        String key = PercentEncoding.encode(consumerSecret) + "&" + PercentEncoding.encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /** Compares a received signature with the expected one in constant time. */
    public static boolean matches(String expected, String received) {
        return received != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
    }
}
