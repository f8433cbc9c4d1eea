package org.smartcontainer.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds signed requests with full control over every protocol parameter, for the refusal tests. The
 * cross-check against an independent client is {@link ScribeJavaCrossCheckTest}.
 */
final class Signer {

    final String consumerKey;
    final String consumerSecret;
    String token;
    String tokenSecret;
    long timestamp;
    String nonce;
    String signatureMethod = "HMAC-SHA1";
    final Map<String, String> extraProtocol = new LinkedHashMap<>();

    Signer(String consumerKey, String consumerSecret, long timestamp) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.timestamp = timestamp;
    }

    Signer token(String token, String tokenSecret) {
        this.token = token;
        this.tokenSecret = tokenSecret;
        return this;
    }

    Signer extra(String name, String value) {
        extraProtocol.put(name, value);
        return this;
    }

    /** A signed request; {@code form} is the form body (may be null). */
    OAuthRequest sign(String method, String url, String form) {
        Map<String, String> protocol = new LinkedHashMap<>();
        protocol.put("oauth_consumer_key", consumerKey);
        if (token != null) {
            protocol.put("oauth_token", token);
        }
        protocol.put("oauth_signature_method", signatureMethod);
        protocol.put("oauth_timestamp", Long.toString(timestamp));
        protocol.put("oauth_nonce", nonce != null ? nonce : UUID.randomUUID().toString());
        protocol.put("oauth_version", "1.0");
        protocol.putAll(extraProtocol);
        URI uri = URI.create(url);
        List<Parameter> params = new ArrayList<>();
        protocol.forEach((k, v) -> params.add(new Parameter(k, v)));
        params.addAll(OAuthMessage.parseForm(uri.getRawQuery()));
        if (form != null) {
            params.addAll(OAuthMessage.parseForm(form));
        }
        String signature = signatureMethod.equals("PLAINTEXT")
                ? PercentEncoding.encode(consumerSecret) + "&" + PercentEncoding.encode(tokenSecret == null ? "" : tokenSecret)
                : HmacSha1.sign(SignatureBaseString.of(method, uri, params), consumerSecret, tokenSecret);
        protocol.put("oauth_signature", signature);
        String header = "OAuth realm=\"\", " + protocol.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + PercentEncoding.encode(e.getValue()) + "\"")
                .collect(Collectors.joining(", "));
        return new OAuthRequest(method, uri, header, form == null ? null : OAuthRequest.FORM,
                form == null ? null : form.getBytes(StandardCharsets.UTF_8));
    }
}
