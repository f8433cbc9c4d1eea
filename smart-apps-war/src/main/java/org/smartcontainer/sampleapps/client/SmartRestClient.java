package org.smartcontainer.sampleapps.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.smartcontainer.oauth.HmacSha1;
import org.smartcontainer.oauth.Parameter;
import org.smartcontainer.oauth.PercentEncoding;
import org.smartcontainer.oauth.SignatureBaseString;

/**
 * A SMART REST client as any external app has one: OAuth 1.0a HMAC-SHA1 signatures (RFC 5849, with the
 * container's own base-string and HMAC code, which follow the RFC) on requests sent over HTTP. Used by
 * the REST app (three-legged) and the refill monitor (two-legged plus helper tokens).
 */
public final class SmartRestClient {

    private static final SecureRandom RANDOM = new SecureRandom();
    // HTTP/1.1: no h2c upgrade attempt on plain HTTP
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final String apiBase;
    private final String consumerKey;
    private final String consumerSecret;

    /**
     * @param apiBase the container's API base, no trailing slash
     * @param consumerKey the app id
     * @param consumerSecret the app's consumer secret
     */
    public SmartRestClient(String apiBase, String consumerKey, String consumerSecret) {
        this.apiBase = apiBase;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
    }

    /** The API base this client calls. */
    public String apiBase() {
        return apiBase;
    }

    /** A token and its secret (request, access or helper token). */
    public record Token(String token, String secret) {
        @Override
        public String toString() {
            return "Token[" + token + "]"; // never the secret
        }
    }

    /**
     * Sends a signed request to {@code apiBase + path}.
     *
     * @param token the token to sign with, or null for two-legged
     * @param form form fields of a POST body (signed), may be empty
     * @param extraOAuth further protocol parameters ({@code oauth_callback}, {@code oauth_verifier})
     */
    public HttpResponse<String> send(String method, String path, Token token, Map<String, String> form,
            Map<String, String> extraOAuth) throws IOException, InterruptedException {
        URI uri = URI.create(apiBase + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization(method, uri, token, form, extraOAuth));
        if (form.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(formBody(form), StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a signed request with a raw body of the given content type (a non-form body is not signed). */
    public HttpResponse<String> sendBody(String method, String path, Token token, String contentType, String body)
            throws IOException, InterruptedException {
        URI uri = URI.create(apiBase + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization(method, uri, token, Map.of(), Map.of()))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The {@code Authorization: OAuth ...} value: protocol parameters, query and form fields signed (RFC 5849 3.4). */
    private String authorization(String method, URI uri, Token token, Map<String, String> form, Map<String, String> extraOAuth) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", HexFormat.of().formatHex(randomBytes()));
        oauth.put("oauth_signature_method", HmacSha1.METHOD);
        oauth.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        oauth.put("oauth_version", "1.0");
        if (token != null) {
            oauth.put("oauth_token", token.token());
        }
        oauth.putAll(extraOAuth);
        List<Parameter> signed = new ArrayList<>();
        oauth.forEach((k, v) -> signed.add(new Parameter(k, v)));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                signed.add(new Parameter(PercentEncoding.decode(name, true), PercentEncoding.decode(value, true)));
            }
        }
        form.forEach((k, v) -> signed.add(new Parameter(k, v)));
        oauth.put("oauth_signature", HmacSha1.sign(SignatureBaseString.of(method, uri, signed), consumerSecret,
                token == null ? "" : token.secret()));
        return "OAuth " + oauth.entrySet().stream()
                .map(e -> PercentEncoding.encode(e.getKey()) + "=\"" + PercentEncoding.encode(e.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /** GET {@code apiBase + path} without any signature (public calls such as {@code /manifest}). */
    public HttpResponse<String> getPublic(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(apiBase + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Parses an {@code application/x-www-form-urlencoded} answer. */
    public static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.trim().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(PercentEncoding.decode(pair.substring(0, eq), true), PercentEncoding.decode(pair.substring(eq + 1), true));
            }
        }
        return values;
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
