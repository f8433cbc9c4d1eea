package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code smart.tls.required=true}: the API refuses plain HTTP and serves HTTPS with HSTS; the portal sends
 * plain-HTTP visitors to HTTPS. Runs on Payara's HTTPS listener with its self-signed certificate, which
 * this test client trusts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TlsRequiredIT {

    private static final int HTTPS_PORT = Integer.parseInt(System.getProperty("it.https.port", "18181"));

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withConfig(Map.of("smart.tls.required", "true", "smart.tls.https-port", Integer.toString(HTTPS_PORT)),
                TlsRequiredIT.class);
    }

    @Test
    void plainHttpApiRequestIsRefusedWithAClearText() throws Exception {
        HttpResponse<String> response = TestServer.get(HttpClient.newHttpClient(), "/api/manifest");
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("HTTPS required"), response.body());
    }

    @Test
    void httpsApiRequestIsServedWithHsts() throws Exception {
        HttpsURLConnection connection = https("/api/manifest");
        assertEquals(200, connection.getResponseCode());
        assertTrue(connection.getHeaderField("Strict-Transport-Security").startsWith("max-age="));
        try (InputStream in = connection.getInputStream()) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("api_base"));
        }
    }

    @Test
    void plainHttpPortalVisitIsRedirectedToHttps() throws Exception {
        HttpResponse<String> response = TestServer.get(TestServer.browserlessClient(), "/login.xhtml");
        assertEquals(302, response.statusCode());
        assertEquals("https://localhost:" + HTTPS_PORT + "/login.xhtml", response.headers().firstValue("Location").orElse(""));
    }

    @Test
    void httpsPortalPageCarriesHstsAndASecureSessionCookie() throws Exception {
        HttpsURLConnection connection = https("/login.xhtml");
        assertEquals(200, connection.getResponseCode());
        assertTrue(connection.getHeaderField("Strict-Transport-Security").startsWith("max-age="));
        String cookie = connection.getHeaderField("Set-Cookie");
        assertTrue(cookie != null && cookie.contains("Secure"), String.valueOf(cookie));
    }

    /** An HTTPS connection that trusts the test server's self-signed certificate and host name. */
    private static HttpsURLConnection https(String path) throws IOException, java.security.GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // test client: trusts the server's self-signed certificate
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // test client: trusts the server's self-signed certificate
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        HttpsURLConnection connection = (HttpsURLConnection) URI.create("https://localhost:" + HTTPS_PORT + path).toURL()
                .openConnection();
        connection.setSSLSocketFactory(tls.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        connection.setInstanceFollowRedirects(false);
        return connection;
    }
}
