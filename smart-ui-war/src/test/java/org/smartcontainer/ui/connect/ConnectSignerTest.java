package org.smartcontainer.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcontainer.oauth.PercentEncoding;

class ConnectSignerTest {

    private static Map<String, String> header(String authorization) {
        assertTrue(authorization.startsWith("OAuth "), authorization);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : authorization.substring(6).split(", ")) {
            int eq = part.indexOf('=');
            fields.put(part.substring(0, eq), PercentEncoding.decode(part.substring(eq + 2, part.length() - 1), false));
        }
        return fields;
    }

    @Test
    void signsTheRfc5849ExampleRequest() {
        // RFC 5849 §1.2 (access to a protected resource), our header carries oauth_version too, as that example does.
        ConnectSigner signer = new ConnectSigner("dpf43f3p2l4k3l03", "kd94hf93k423kf44");
        String authorization = signer.authorization("GET", URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original"),
                "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00", null, null, "kllo9940pd9333jh", 1191242096L);
        Map<String, String> fields = header(authorization);
        assertEquals("tR3+Ty81lMeYAr/Fid0kMTYa/WM=", fields.get("oauth_signature"));
        assertEquals("nnch734d00sl2jdk", fields.get("oauth_token"));
        assertEquals("dpf43f3p2l4k3l03", fields.get("oauth_consumer_key"));
    }

    @Test
    void formBodiesAreSignedAsParametersWithoutBodyHash() {
        ConnectSigner signer = new ConnectSigner("portal", "secret");
        URI url = URI.create("http://localhost:8080/api/records/1/clinical_notes/");
        String withA = signer.authorization("POST", url, "t", "ts", "note=a", null, "n", 1L);
        String withB = signer.authorization("POST", url, "t", "ts", "note=b", null, "n", 1L);
        assertTrue(!header(withA).get("oauth_signature").equals(header(withB).get("oauth_signature")));
        assertTrue(!header(withA).containsKey("oauth_body_hash"));
    }

    @Test
    void otherBodiesCarryTheirSha1BodyHash() {
        ConnectSigner signer = new ConnectSigner("portal", "secret");
        byte[] body = "Hello World!".getBytes(StandardCharsets.UTF_8);
        Map<String, String> fields = header(signer.authorization("PUT",
                URI.create("http://localhost:8080/api/users/u/apps/a/preferences"), "t", "ts", null, body, "n", 1L));
        // RFC draft oauth-bodyhash example: SHA-1("Hello World!") in base64
        assertEquals("Lve95gjOVATpfV8EL5X4nxwjKHE=", fields.get("oauth_body_hash"));
    }

    @Test
    void formParsingDecodesPlusAsSpace() {
        assertEquals("a b", ConnectSigner.form("x=a+b&y").get(0).value());
        assertEquals("", ConnectSigner.form("x=a+b&y").get(1).value());
    }
}
