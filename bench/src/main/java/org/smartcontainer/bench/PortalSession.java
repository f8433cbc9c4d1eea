package org.smartcontainer.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clinician signed in to the portal as a browser is, over plain HTTP: the session cookie, the anti-CSRF token and
 * the API user id the portal page hands its host script, and the app launches the host script asks for (SMART
 * Connect's launch endpoint mints a Connect token whose secret stays in the session). What the benchmark needs to
 * drive {@code /smart_passthrough/...} as the portal's host script does.
 */
final class PortalSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CONFIG = Pattern.compile("id=\"smart-portal-config\">(.*?)</script>", Pattern.DOTALL);

    private final URI base;
    /** The {@code Cookie} header of the session. */
    final String cookie;
    /** The session's anti-CSRF token ({@code X-SMART-Portal-CSRF}). */
    final String csrf;
    /** The account's API user id (the launch path names it). */
    final String userId;

    private PortalSession(URI base, String cookie, String csrf, String userId) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
        this.userId = userId;
    }

    /** Signs in through the sign-in form and reads the portal page's start configuration. */
    static PortalSession signIn(URI base, String user, String password) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String form = client.send(HttpRequest.newBuilder(base.resolve("/login.xhtml")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher viewState = VIEW_STATE.matcher(form);
        if (!viewState.find()) {
            throw new IllegalStateException("The sign-in page has no view state");
        }
        String body = "login=login&login%3Ausername=" + enc(user) + "&login%3Apassword=" + enc(password)
                + "&login%3AsignIn=&jakarta.faces.ViewState=" + enc(viewState.group(1));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(base.resolve("/login.xhtml"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("Signing in as " + user + " failed: " + signedIn.statusCode());
        }
        String page = client.send(HttpRequest.newBuilder(base.resolve("/index.xhtml")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher config = CONFIG.matcher(page);
        if (!config.find()) {
            throw new IllegalStateException("The portal page has no start configuration");
        }
        JsonObject json = Json.createReader(new StringReader(config.group(1).replace("<\\/", "</"))).readObject();
        HttpCookie session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No session cookie"));
        return new PortalSession(base, "JSESSIONID=" + session.getValue(), json.getString("csrf"),
                json.getJsonObject("user").getString("id"));
    }

    /** Launches a record-scope UI app for the record as the portal's launcher does; the Connect token. */
    String launch(HttpClient client, String appId, String record) throws IOException, InterruptedException {
        HttpResponse<String> answer = client.send(portal("/accounts/" + enc(userId) + "/apps/" + enc(appId) + "/launch?record_id="
                + enc(record)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Launch of " + appId + " for " + record + ": " + answer.statusCode() + " " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readObject().getString("connect_token");
    }

    /** A GET of an API path (below the API base) through SMART Connect's passthrough, with a Connect token. */
    HttpRequest passthrough(String apiPath, String connectToken) {
        return portal("/smart_passthrough" + apiPath)
                .header("Authorization", "OAuth smart_connect_token=\"" + enc(connectToken) + "\"").GET().build();
    }

    private HttpRequest.Builder portal(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).header("Cookie", cookie)
                .header("X-SMART-Portal-CSRF", csrf);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
