package org.smartcontainer.bench;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a HMAC-SHA1 signatures in the {@code Authorization} header (RFC 5849) as a SMART app makes them: a fresh
 * nonce and timestamp per request, the query parameters in the base string (request bodies are never form-encoded
 * here, so they are not). An empty token signs two-legged (the app alone).
 */
final class OAuthSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    final String consumerKey;
    final String consumerSecret;
    final String token;
    final String tokenSecret;

    OAuthSigner(String consumerKey, String consumerSecret, String token, String tokenSecret) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.token = token;
        this.tokenSecret = tokenSecret;
    }

    /** The same consumer with a token (a helper token, an access token). */
    OAuthSigner withToken(String newToken, String newTokenSecret) {
        return new OAuthSigner(consumerKey, consumerSecret, newToken, newTokenSecret);
    }

    /** The value of the {@code Authorization} header for this request. */
    String authorization(String method, URI uri) {
        TreeMap<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong()));
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        oauth.put("oauth_version", "1.0");
        if (!token.isEmpty()) {
            oauth.put("oauth_token", token);
        }
        List<String> params = new ArrayList<>();
        oauth.forEach((k, v) -> params.add(percentEncode(k) + "=" + percentEncode(v)));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.add(percentEncode(k) + "=" + percentEncode(v));
            }
        }
        params.sort(null);
        String normalizedUrl = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getRawPath();
        String baseString = method + "&" + percentEncode(normalizedUrl) + "&" + percentEncode(String.join("&", params));
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((percentEncode(consumerSecret) + "&" + percentEncode(tokenSecret))
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            signature = Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        oauth.put("oauth_signature", signature);
        StringBuilder header = new StringBuilder("OAuth ");
        oauth.forEach((k, v) -> header.append(k).append("=\"").append(percentEncode(v)).append("\", "));
        return header.substring(0, header.length() - 2);
    }

    /** RFC 3986 percent-encoding as OAuth 1.0a wants it (unreserved characters kept). */
    static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
