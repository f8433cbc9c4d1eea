package org.smartcontainer.it;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthConstants;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.services.TimestampService;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A SMART app as the tests play it: signs with ScribeJava (an OAuth 1.0a client independent of the
 * container's code) and sends with the JDK's HTTP client. Client side only, never deployed.
 */
final class SmartClient {

    static final String API = TestServer.base() + "/api";

    private final String key;
    private final String secret;

    /** The consumer secret this client signs with. */
    String secret() {
        return secret;
    }
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SmartClient(String key, String secret) {
        this.key = key;
        this.secret = secret;
    }

    /** The OAuth service, optionally stamping a skewed timestamp and a fixed nonce. */
    OAuth10aService service(long clockSkewSeconds, String nonce) {
        TimestampService stamps = new TimestampService() {
            @Override
            public String getTimestampInSeconds() {
                return Long.toString(System.currentTimeMillis() / 1000 + clockSkewSeconds);
            }

            @Override
            public String getNonce() {
                return nonce != null ? nonce : UUID.randomUUID().toString().replace("-", "");
            }
        };
        DefaultApi10a api = new DefaultApi10a() {
            @Override
            public String getRequestTokenEndpoint() {
                return API + "/oauth/request_token";
            }

            @Override
            public String getAccessTokenEndpoint() {
                return API + "/oauth/access_token";
            }

            @Override
            protected String getAuthorizationBaseUrl() {
                return TestServer.base() + "/oauth/authorize";
            }

            @Override
            public TimestampService getTimestampService() {
                return stamps;
            }
        };
        return new ServiceBuilder(key).apiSecret(secret).build(api);
    }

    OAuth10aService service() {
        return service(0, null);
    }

    /** A request token from {@code /oauth/request_token}, bound to a record with {@code smart_record_id}. */
    OAuth1RequestToken requestToken(String recordId) throws Exception {
        HttpResponse<String> response = requestTokenResponse(recordId);
        if (response.statusCode() != 200) {
            throw new AssertionError("request_token answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, String> form = form(response.body());
        return new OAuth1RequestToken(form.get("oauth_token"), form.get("oauth_token_secret"));
    }

    /** The answer of {@code /oauth/request_token} to this app signing two-legged. */
    HttpResponse<String> requestTokenResponse(String recordId) throws Exception {
        OAuthRequest request = new OAuthRequest(Verb.POST, API + "/oauth/request_token");
        request.addOAuthParameter(OAuthConstants.CALLBACK, "oob");
        if (recordId != null) {
            request.addBodyParameter("smart_record_id", recordId);
        }
        service().signRequest(new OAuth1AccessToken("", ""), request);
        return send(request);
    }

    /** A call signed with a token (or two-legged with {@code null}). */
    HttpResponse<String> call(Verb verb, String path, OAuth1AccessToken token) throws Exception {
        return send(signed(verb, path, token, service()));
    }

    /** A call signed by a given service (skewed clock, fixed nonce). */
    OAuthRequest signed(Verb verb, String path, OAuth1AccessToken token, OAuth10aService service) {
        OAuthRequest request = new OAuthRequest(verb, API + path);
        service.signRequest(token == null ? new OAuth1AccessToken("", "") : token, request);
        return request;
    }

    /** Sends a signed ScribeJava request with the JDK client. */
    HttpResponse<String> send(OAuthRequest request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.getCompleteUrl()))
                .timeout(Duration.ofSeconds(30));
        request.getHeaders().forEach(builder::header);
        byte[] body = request.getBodyParams().getParams().isEmpty() ? null : request.getByteArrayPayload();
        if (body != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        builder.method(request.getVerb().name(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Parses {@code a=b&c=d}. */
    static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
