package org.smartcontainer.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smartcontainer.apps.AppKind;
import org.smartcontainer.apps.Consumer;

/** The worked examples of RFC 5849, reproduced exactly. */
class Rfc5849ExamplesTest {

    @Test
    void section_3_4_1_baseStringExampleIsReproducedFromHeaderQueryAndFormBody() throws OAuthException {
        OAuthRequest request = new OAuthRequest("POST", URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"),
                "OAuth realm=\"Example\", oauth_consumer_key=\"9djdj82h48djs9d2\", oauth_token=\"kkk9d7dh3k39sjv7\","
                        + " oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131201\", oauth_nonce=\"7d8f3e4a\","
                        + " oauth_signature=\"bYT5CMsGcbgUdFHObYMEfcx6bsw%3D\"",
                "application/x-www-form-urlencoded", "c2&a3=2+q".getBytes(StandardCharsets.UTF_8));
        assertEquals("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26"
                + "c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26"
                + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
                OAuthMessage.parse(request).signatureBaseString());
    }

    @Test
    void section_3_4_1_2_baseUriDropsDefaultPortAndLowerCasesSchemeAndHost() {
        assertEquals("http://example.com/r%20v/X", SignatureBaseString.baseUri(URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")));
        assertEquals("https://www.example.net:8080/", SignatureBaseString.baseUri(URI.create("https://www.example.net:8080/?q=1")));
    }

    @Test
    void section_1_2_exampleSignatureIsComputedAndTheRequestVerifies() throws OAuthException {
        String header = "OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_token=\"nnch734d00sl2jdk\","
                + " oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131202\", oauth_nonce=\"chapoH\","
                + " oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\"";
        OAuthRequest request = OAuthRequest.of("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original", header);
        OAuthMessage message = OAuthMessage.parse(request);
        assertEquals("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03"
                + "%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202"
                + "%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal", message.signatureBaseString());
        assertEquals("MdpQcU8iPSUjWoN/UDMsK2sui9I=",
                HmacSha1.sign(message.signatureBaseString(), "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"));

        MutableClock clock = new MutableClock(Instant.ofEpochSecond(137131202));
        OAuthVerifier verifier = new OAuthVerifier(clock, Duration.ofMinutes(5), new InMemoryNonceStore());
        verifier.verify(message, request, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00");
        OAuthException wrongTokenSecret = assertThrows(OAuthException.class,
                () -> new OAuthVerifier(clock, Duration.ofMinutes(5), new InMemoryNonceStore())
                        .verify(message, request, "kd94hf93k423kf44", "another"));
        assertEquals(OAuthException.Reason.INVALID_SIGNATURE, wrongTokenSecret.reason());
    }

    @Test
    void section_1_2_exampleResolvesToTheAccessTokenPrincipalThroughTheWholeProvider() throws OAuthException {
        Fixture f = new Fixture();
        f.consumers.put("dpf43f3p2l4k3l03", new Consumer("dpf43f3p2l4k3l03", "kd94hf93k423kf44", AppKind.ui, false, null, null));
        f.tokens.add(new AccessToken("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00",
                new org.smartcontainer.oauth.Share("dpf43f3p2l4k3l03", "jane", "2169591", f.clock.instant()), false,
                Instant.ofEpochSecond(137131000), Instant.ofEpochSecond(137131202 + 3600)));
        OAuthDance dance = new OAuthDance(key -> Optional.ofNullable(f.consumers.get(key)), f.tokens, null,
                new OAuthVerifier(new MutableClock(Instant.ofEpochSecond(137131202)), Duration.ofMinutes(5), f.nonces),
                TokenLifetimes.defaults(), new MutableClock(Instant.ofEpochSecond(137131202)));
        OAuthPrincipal principal = dance.resolve(OAuthRequest.of("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original",
                "OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_token=\"nnch734d00sl2jdk\","
                        + " oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131202\", oauth_nonce=\"chapoH\","
                        + " oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\""));
        OAuthPrincipal.AccessTokenPrincipal at = assertInstanceOf(OAuthPrincipal.AccessTokenPrincipal.class, principal);
        assertEquals("2169591", at.recordId());
        assertEquals("jane", at.userId());
    }

    @Test
    void percentEncodingLeavesOnlyUnreservedCharactersAndEncodesUtf8() {
        assertEquals("abcABC123-._~", PercentEncoding.encode("abcABC123-._~"));
        assertEquals("%20%21%2A%27%28%29%2B%25%26%3D%2F%3F", PercentEncoding.encode(" !*'()+%&=/?"));
        assertEquals("%C3%A9%E2%98%83%F0%9F%98%80", PercentEncoding.encode("é☃😀"));
        assertEquals("é☃😀 +", PercentEncoding.decode("%C3%A9%E2%98%83%F0%9F%98%80%20+", false));
        assertEquals("a b", PercentEncoding.decode("a+b", true));
    }

    @Test
    void repeatedParameterNamesAreAllSignedSortedByValue() {
        assertEquals("a=1&a=2&a=3&b=", SignatureBaseString.normalizedParameters(java.util.List.of(
                new Parameter("a", "3"), new Parameter("b", ""), new Parameter("a", "1"), new Parameter("a", "2"))));
    }
}
