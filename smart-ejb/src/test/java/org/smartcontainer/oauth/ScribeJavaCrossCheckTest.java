package org.smartcontainer.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smartcontainer.apps.Consumer;
import org.smartcontainer.oauth.OAuthPrincipal.AccessTokenPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.UiAppPrincipal;

/**
 * Requests signed by an independent OAuth 1.0a client (ScribeJava) verify with our provider: GET with a
 * query, POST with a form body, header only, awkward characters, and the Python client's habit of
 * repeating the protocol parameters in the query.
 */
class ScribeJavaCrossCheckTest {

    private static final DefaultApi10a API = new DefaultApi10a() {
        @Override
        public String getRequestTokenEndpoint() {
            return Fixture.API + "/oauth/request_token";
        }

        @Override
        public String getAccessTokenEndpoint() {
            return Fixture.API + "/oauth/access_token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return "http://localhost:8080/oauth/authorize";
        }
    };

    private final Fixture fixture = new Fixture();
    private final OAuthDance dance;
    private final String token = "scribeToken0123456789abcdefABCDEF";
    private final String tokenSecret = "scribeTokenSecret0123456789abcdef";

    ScribeJavaCrossCheckTest() {
        // ScribeJava stamps the real time, so this provider uses the real clock.
        dance = new OAuthDance(key -> Optional.ofNullable(fixture.consumers.get(key)), fixture.tokens, null,
                new OAuthVerifier(Clock.systemUTC(), Duration.ofSeconds(300), fixture.nonces), TokenLifetimes.defaults(),
                Clock.systemUTC());
        Instant now = Instant.now();
        fixture.tokens.add(new AccessToken(token, tokenSecret, new Share(Fixture.REST_APP.key(), "jane", "2169591", now),
                false, now, now.plusSeconds(3600)));
    }

    private static OAuth10aService service(Consumer consumer) {
        return new ServiceBuilder(consumer.key()).apiSecret(consumer.secret()).build(API);
    }

    private static OAuthRequest ours(com.github.scribejava.core.model.OAuthRequest signed, String extraQuery) {
        String url = signed.getCompleteUrl();
        if (extraQuery != null) {
            url += (url.contains("?") ? "&" : "?") + extraQuery;
        }
        boolean form = !signed.getBodyParams().getParams().isEmpty();
        return new OAuthRequest(signed.getVerb().name(), URI.create(url), signed.getHeaders().get("Authorization"),
                form ? OAuthRequest.FORM : null, form ? signed.getByteArrayPayload() : null);
    }

    private AccessTokenPrincipal verifyWithToken(com.github.scribejava.core.model.OAuthRequest request, String extraQuery)
            throws OAuthException {
        return assertInstanceOf(AccessTokenPrincipal.class, dance.resolve(ours(request, extraQuery)));
    }

    @Test
    void getWithQueryParametersSignedByScribeJavaVerifies() throws OAuthException {
        var request = new com.github.scribejava.core.model.OAuthRequest(Verb.GET,
                Fixture.API + "/records/2169591/medications/?limit=10&offset=0");
        service(Fixture.REST_APP).signRequest(new OAuth1AccessToken(token, tokenSecret), request);
        assertEquals("2169591", verifyWithToken(request, null).recordId());
    }

    @Test
    void postWithFormBodySignedByScribeJavaVerifies() throws OAuthException {
        var request = new com.github.scribejava.core.model.OAuthRequest(Verb.POST, Fixture.API + "/records/2169591/clinical_notes/");
        request.addBodyParameter("title", "Visit on 1 June");
        request.addBodyParameter("text", "BP 120/80 & HR 72; follow-up in 2 weeks");
        service(Fixture.REST_APP).signRequest(new OAuth1AccessToken(token, tokenSecret), request);
        verifyWithToken(request, null);
    }

    @Test
    void headerOnlyTwoLeggedRequestSignedByScribeJavaVerifies() throws OAuthException {
        var request = new com.github.scribejava.core.model.OAuthRequest(Verb.POST, Fixture.API + "/oauth/request_token");
        service(Fixture.REST_APP).signRequest(new OAuth1AccessToken("", ""), request);
        assertInstanceOf(UiAppPrincipal.class, dance.resolve(ours(request, null)));
    }

    @Test
    void specialCharactersAndPercentEncodingEdgeCasesVerify() throws OAuthException {
        var request = new com.github.scribejava.core.model.OAuthRequest(Verb.GET,
                Fixture.API + "/records/2169591/lab_results/");
        request.addQuerystringParameter("name", "Zoë O'Brien (née Müller) ☃");
        request.addQuerystringParameter("q", "a+b c*d~e!f%20g");
        request.addQuerystringParameter("empty", "");
        request.addQuerystringParameter("dup", "2");
        request.addQuerystringParameter("dup", "1");
        service(Fixture.REST_APP).signRequest(new OAuth1AccessToken(token, tokenSecret), request);
        verifyWithToken(request, null);

        var post = new com.github.scribejava.core.model.OAuthRequest(Verb.POST, Fixture.API + "/records/2169591/clinical_notes/?x=%2F");
        post.addBodyParameter("emoji", "😀 = 😀 & more");
        post.addBodyParameter("slash", "/?#[]@");
        service(Fixture.REST_APP).signRequest(new OAuth1AccessToken(token, tokenSecret), post);
        verifyWithToken(post, null);
    }

    @Test
    void protocolParametersRepeatedInTheQueryAsThePythonClientSendsThemAreIgnored() throws OAuthException {
        var request = new com.github.scribejava.core.model.OAuthRequest(Verb.GET, Fixture.API + "/records/2169591/demographics?x=1");
        service(Fixture.REST_APP).signRequest(new OAuth1AccessToken(token, tokenSecret), request);
        // The Python client puts the complete set of oauth_* parameters, signature included, in the query too.
        String copies = OAuthMessage.parseAuthorization(request.getHeaders().get("Authorization")).stream()
                .map(p -> PercentEncoding.encode(p.name()) + "=" + PercentEncoding.encode(p.value()))
                .collect(Collectors.joining("&"));
        verifyWithToken(request, copies);
    }

    @Test
    void ourLaunchHeaderFormatAndScribeJavaAgreeOnTheSignatureOfTheSameRequest() {
        var request = new com.github.scribejava.core.model.OAuthRequest(Verb.GET, "https://apps.example.org:8443/app/index.html?lang=en");
        service(Fixture.MED_LIST).signRequest(new OAuth1AccessToken("", ""), request);
        OAuthRequest mine = ours(request, null);
        OAuthMessage parsed;
        try {
            parsed = OAuthMessage.parse(mine);
        } catch (OAuthException e) {
            throw new AssertionError(e);
        }
        assertEquals(parsed.protocol("oauth_signature").orElseThrow(),
                HmacSha1.sign(parsed.signatureBaseString(), Fixture.MED_LIST.secret(), null));
    }
}
