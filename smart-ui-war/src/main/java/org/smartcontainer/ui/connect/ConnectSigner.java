package org.smartcontainer.ui.connect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.smartcontainer.oauth.HmacSha1;
import org.smartcontainer.oauth.Parameter;
import org.smartcontainer.oauth.PercentEncoding;
import org.smartcontainer.oauth.SignatureBaseString;

/**
 * Signs a SMART Connect call for the API (OAuth 1.0a, HMAC-SHA1): the portal's consumer key and secret
 * plus the Connect token and its secret. Query parameters and form bodies enter the base string; other
 * non-empty bodies are covered by {@code oauth_body_hash} (oauth-and-access.md §2.2, §5).
 */
public final class ConnectSigner {

    private final String consumerKey;
    private final String consumerSecret;

    public ConnectSigner(String consumerKey, String consumerSecret) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
    }

    /**
     * The {@code Authorization} header value for a request.
     *
     * @param url the full URL as the API sees it, query included
     * @param formBody the body when it is {@code application/x-www-form-urlencoded}, else null
     * @param otherBody any other body (may be null or empty)
     */
    public String authorization(String method, URI url, String token, String tokenSecret, String formBody, byte[] otherBody,
            String nonce, long timestamp) {
        List<Parameter> protocol = new ArrayList<>();
        protocol.add(new Parameter("oauth_consumer_key", consumerKey));
        protocol.add(new Parameter("oauth_token", token));
        protocol.add(new Parameter("oauth_nonce", nonce));
        protocol.add(new Parameter("oauth_signature_method", HmacSha1.METHOD));
        protocol.add(new Parameter("oauth_timestamp", Long.toString(timestamp)));
        protocol.add(new Parameter("oauth_version", "1.0"));
        if (formBody == null && otherBody != null && otherBody.length > 0) {
            protocol.add(new Parameter("oauth_body_hash", bodyHash(otherBody)));
        }
        List<Parameter> signed = new ArrayList<>(protocol);
        signed.addAll(form(url.getRawQuery()));
        if (formBody != null) {
            signed.addAll(form(formBody));
        }
        String signature = HmacSha1.sign(SignatureBaseString.of(method, url, signed), consumerSecret, tokenSecret);
        protocol.add(new Parameter("oauth_signature", signature));
        return "OAuth " + protocol.stream()
                .map(p -> PercentEncoding.encode(p.name()) + "=\"" + PercentEncoding.encode(p.value()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /** {@code base64(SHA-1(body))}. */
    static String bodyHash(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /** The name/value pairs of an {@code a=b&c=d} string ({@code +} is a space), in order. */
    static List<Parameter> form(String encoded) {
        List<Parameter> parameters = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.add(new Parameter(PercentEncoding.decode(name, true), PercentEncoding.decode(value, true)));
        }
        return parameters;
    }

    /** The bytes of a form body as text (form bodies are ASCII after percent-encoding). */
    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
