package org.smartcontainer.sampleapps.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.oauth.PercentEncoding;
import org.smartcontainer.sampleapps.catalog.AppsBaseUrl;
import org.smartcontainer.sampleapps.catalog.SampleApps;
import org.smartcontainer.sampleapps.client.SmartRestClient;
import org.smartcontainer.sampleapps.client.SmartRestClient.Token;
import org.smartcontainer.sampleapps.refill.MedicationsGraph;
import org.smartcontainer.sampleapps.refill.MedicationsGraph.Medication;
import org.smartcontainer.sampleapps.rest.RestAppSessions.State;
import org.smartcontainer.edge.LoggedInput;

/**
 * The REST sample app (a Java port of the reference's rest_minimal, sample-apps.md sections 4.1/4.2): a
 * server-side app that gets its tokens like any external app, over HTTP. {@code /rest-app/} takes
 * {@code record_id} (and {@code api_base}) from the launch, asks {@code /oauth/request_token} (two-legged,
 * {@code smart_record_id}) and sends the browser to the portal's authorization page; the manifest's
 * {@code oauth_callback}, {@code /rest-app/authorize}, exchanges the verifier at {@code /oauth/access_token};
 * {@code /rest-app/patient} shows demographics and medications read with signed calls. Without a record
 * it sends the browser to the container's record chooser ({@code launch_urls.app_launch}). The only thing
 * it takes in-process is its consumer secret, read from the app registry at startup.
 */
@WebServlet(urlPatterns = {"/rest-app/", "/rest-app/authorize", "/rest-app/patient"}, loadOnStartup = 2)
public class RestAppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RestAppServlet.class.getName());

    @EJB
    private transient AppRegistry registry;

    @Inject
    private transient AppsBaseUrl urls;

    @Inject
    private transient RestAppSessions sessions;

    private transient SmartRestClient client;

    @Override
    public void init() throws ServletException {
        client = newClient();
    }

    private SmartRestClient newClient() {
        String secret = registry.consumer(SampleApps.REST_APP).map(c -> c.secret()).orElse(null);
        if (secret == null) {
            LOG.warning("The REST app " + SampleApps.REST_APP + " is not registered; it answers 503 until it is");
            return null;
        }
        return new SmartRestClient(urls.apiBase(), SampleApps.REST_APP, secret);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (client == null) {
            client = newClient();
            if (client == null) {
                page(response, 503, "Not registered", "<p>This app is not registered in the container.</p>");
                return;
            }
        }
        try {
            switch (request.getServletPath()) {
                case "/rest-app/authorize" -> callback(request, response);
                case "/rest-app/patient" -> patient(request, response);
                default -> launch(request, response);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            page(response, 503, "Interrupted", "<p>Try again.</p>");
        } catch (IOException e) {
            LOG.warning(() -> "REST app: the container could not be reached: " + LoggedInput.cut(e));
            page(response, 502, "The container did not answer", "<p>" + html(e.getMessage()) + "</p>");
        }
    }

    /** Launch: a record id from the container (or the record chooser first), then a request token. */
    private void launch(HttpServletRequest request, HttpServletResponse response) throws IOException, InterruptedException {
        String apiBase = request.getParameter("api_base");
        if (apiBase != null && !trim(apiBase).equals(client.apiBase())) {
            page(response, 400, "Unknown container",
                    "<p>This app works with the container at " + html(client.apiBase()) + " only, not " + html(apiBase) + ".</p>");
            return;
        }
        JsonObject launchUrls = containerManifest().getJsonObject("launch_urls");
        String recordId = request.getParameter("record_id");
        if (recordId == null || recordId.isBlank()) {
            response.sendRedirect(launchUrls.getString("app_launch").replace("{{app_id}}", PercentEncoding.encode(SampleApps.REST_APP)));
            return;
        }
        HttpResponse<String> answer = client.send("POST", "/oauth/request_token", null, Map.of("smart_record_id", recordId),
                Map.of("oauth_callback", "oob"));
        if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
            // the container refused this launch (e.g. no such record): the launch request was wrong, not the container
            page(response, 400, "No request token", "<p>The container refused the launch (" + answer.statusCode()
                    + "): " + html(answer.body()) + "</p>");
            return;
        }
        if (answer.statusCode() != 200) {
            page(response, 502, "No request token", "<p>The container answered " + answer.statusCode() + ": "
                    + html(answer.body()) + "</p>");
            return;
        }
        Map<String, String> token = SmartRestClient.form(answer.body());
        State state = sessions.start(request, response);
        state.requestToken = new Token(token.get("oauth_token"), token.get("oauth_token_secret"));
        state.recordId = recordId;
        response.sendRedirect(launchUrls.getString("authorize_token") + "?oauth_token=" + PercentEncoding.encode(token.get("oauth_token")));
    }

    /** The manifest's oauth_callback: the verifier becomes an access token (or the user said no). */
    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException, InterruptedException {
        State state = sessions.find(request).orElse(null);
        String token = request.getParameter("oauth_token");
        String verifier = request.getParameter("oauth_verifier");
        if (state == null || state.requestToken == null || token == null || !token.equals(state.requestToken.token())) {
            page(response, 400, "Unknown authorization", "<p id=\"outcome\">This authorization does not belong to this browser. "
                    + "<a href=\"./\">Start again</a>.</p>");
            return;
        }
        if (verifier == null || verifier.isBlank()) {
            state.requestToken = null;
            page(response, 403, "Access not granted", "<p id=\"outcome\">Access to the patient's record was not granted, "
                    + "so this app shows nothing.</p>");
            return;
        }
        HttpResponse<String> answer = client.send("POST", "/oauth/access_token", state.requestToken, Map.of(),
                Map.of("oauth_verifier", verifier));
        state.requestToken = null;
        if (answer.statusCode() != 200) {
            page(response, 403, "Access not granted", "<p id=\"outcome\">The container refused the exchange ("
                    + answer.statusCode() + ").</p>");
            return;
        }
        Map<String, String> access = SmartRestClient.form(answer.body());
        state.accessToken = new Token(access.get("oauth_token"), access.get("oauth_token_secret"));
        state.recordId = access.getOrDefault("record_id", state.recordId);
        state.userId = access.get("user_id");
        response.sendRedirect("patient");
    }

    /** Demographics and medications through signed calls with the access token. */
    private void patient(HttpServletRequest request, HttpServletResponse response) throws IOException, InterruptedException {
        State state = sessions.find(request).orElse(null);
        if (state == null || state.accessToken == null) {
            page(response, 401, "Not authorized", "<p id=\"outcome\">Launch this app from the container first.</p>");
            return;
        }
        String base = "/records/" + PercentEncoding.encode(state.recordId);
        HttpResponse<String> demographics = client.send("GET", base + "/demographics", state.accessToken, Map.of(), Map.of());
        HttpResponse<String> medications = client.send("GET", base + "/medications/", state.accessToken, Map.of(), Map.of());
        if (demographics.statusCode() != 200 || medications.statusCode() != 200) {
            page(response, 502, "The container refused", "<p id=\"outcome\">Demographics " + demographics.statusCode()
                    + ", medications " + medications.statusCode() + ".</p>");
            return;
        }
        PatientSummary patient = PatientSummary.parse(demographics.body(), client.apiBase() + base + "/demographics");
        List<Medication> meds = MedicationsGraph.parse(medications.body(), client.apiBase() + base + "/medications/");
        StringBuilder body = new StringBuilder();
        body.append("<dl class=\"facts\"><dt>Name</dt><dd id=\"patientName\">").append(html(patient.givenName())).append(' ')
                .append(html(patient.familyName())).append("</dd><dt>Born</dt><dd id=\"birthDate\">").append(html(patient.birthDate()))
                .append("</dd><dt>Gender</dt><dd id=\"gender\">").append(html(patient.gender())).append("</dd><dt>Record</dt><dd id=\"recordId\">")
                .append(html(state.recordId)).append("</dd></dl>");
        body.append("<h2>Medications</h2>");
        if (meds.isEmpty()) {
            body.append("<p class=\"empty\" id=\"noMedications\">No medications are recorded for this patient.</p>");
        } else {
            body.append("<table id=\"medications\"><thead><tr><th>Medication</th><th>Instructions</th></tr></thead><tbody>");
            for (Medication m : meds) {
                body.append("<tr><td>").append(html(m.name())).append("</td><td>").append(html(m.instructions())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("<p class=\"note\">Read over HTTP with OAuth 1.0a signed calls by a server-side app.</p>");
        page(response, 200, "Patient summary", body.toString());
    }

    private JsonObject containerManifest() throws IOException, InterruptedException {
        HttpResponse<String> answer = client.getPublic("/manifest");
        if (answer.statusCode() != 200) {
            throw new IOException("/manifest answered " + answer.statusCode());
        }
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }

    private static void page(HttpServletResponse response, int status, String title, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + " - Patient Summary (REST)</title><link rel=\"stylesheet\" href=\"../lib/apps.css\">"
                // in a portal frame the client library answers the container's handshake (the app is shown as
                // started); in a window of its own it does nothing
                + "<script src=\"../smart-connect-client.js\"></script></head><body>"
                + "<header class=\"app-header\"><h1>Patient Summary <small>REST app</small></h1></header><main>"
                + "<h2 id=\"title\">" + html(title) + "</h2>" + body + "</main></body></html>");
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
