package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.ApiFilter;
import org.smartcontainer.ontology.ApiParameter;
import org.smartcontainer.ontology.SmartOntology;

/**
 * A seeded fuzz campaign against the whole EAR: every route of the API (its ontology calls as the server
 * serves them at {@code /api/ontology}, plus the container's own OAuth and admin endpoints), every portal
 * endpoint (SMART Connect included) and the sample apps, unsigned and signed (an OAuth access token for one
 * record; a signed-in portal session), with odd values in one path segment, query parameter, header or body
 * per request. Afterwards: no 5xx, no other record's data in any answer, no stack trace in any answer, one
 * audit event per data request that reached the API, no dead letters, the server log grew by less than a
 * bound, and the server still answers normally. {@code -Dit.fuzz.seed=N} and {@code -Dit.fuzz.requests=N}
 * change the campaign; the same seed sends the same requests.
 *
 * <p>Which requests are data requests (one audit event each, admitted or refused): those to a patient-data call
 * of the API that reach the API's authorization point. Not: those the application's edge refuses (they carry
 * the {@value #EDGE_HEADER} header), those Payara answers before any application
 * ({@link #answeredBeforeTheApplication}) and those JAX-RS refuses for an unreadable {@code Content-Type}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FuzzCampaignIT {

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withTestClasses(FuzzCampaignIT.class, PortalStandIn.class);
    }

    static final long SEED = Long.getLong("it.fuzz.seed", 20261207L);
    static final int REQUESTS = Integer.getInteger("it.fuzz.requests", 1500);
    /** The most the server log may grow over the whole campaign. */
    static final long LOG_GROWTH_BOUND = 256 * 1024;
    /** The header with which the application's edge names the limit a request broke. */
    static final String EDGE_HEADER = "smart-input-refused";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String APP = "fuzz-" + RUN + "@it.example.org";

    /** Where an endpoint lives and whether it is a patient-data call of the API (audited, admitted or refused). */
    record Target(String root, String method, String template, List<String> parameters, boolean data) {
        String name() {
            return method + " " + root + template;
        }
    }

    /** What a request varied: where the odd value went and which kind of value it was. */
    record Probe(Target target, boolean signed, String position, String kind, String wire, String headerName) {
    }

    // ------------------------------------------------------------------------------------------------ the campaign

    @Test
    void theServerKeepsServingCorrectlyAndAuditsEveryDataRequestUnderAFuzzCampaign() throws Exception {
        String password = TestServer.initialAdminPassword();
        String basic = TestServer.basic("admin", password);
        SmartClient app = installApp(basic);
        List<JsonObject> records = Json.createReader(new StringReader(admin(basic, "GET", "/admin/records", null).body()))
                .readObject().getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .sorted((a, b) -> a.getString("record_id").compareTo(b.getString("record_id"))).toList();
        assertTrue(records.size() >= 3, "the first start seeded sample patients");
        JsonObject own = records.get(0);
        String recordA = own.getString("record_id");
        OAuth1AccessToken token = accessToken(app, recordA);
        String portalSession = signInToThePortal(basic, recordA);
        List<String> otherRecords = records.subList(1, records.size()).stream().map(r -> r.getString("record_id")).toList();
        Set<String> forbidden = forbiddenValues(own, records.subList(1, records.size()));
        List<Target> targets = targets();

        long auditBefore = auditTotal(basic);
        long logBefore = TestServer.serverLogBytes();
        Random random = new Random(SEED);
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        int dataRequests = 0;
        int refusedAtTheEdge = 0;
        int refusedByTheServer = 0;
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            Probe probe = probe(random, target, otherRecords);
            RawHttp.Answer answer;
            try {
                answer = send(probe, recordA, app, token, portalSession, random);
            } catch (IOException e) {
                findings.add("no answer: " + describe(probe) + ": " + e.getMessage());
                continue;
            }
            statuses.computeIfAbsent(target.name(), t -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
            refusedAtTheEdge += answer.headers().containsKey(EDGE_HEADER) ? 1 : 0;
            refusedByTheServer += answeredBeforeTheApplication(probe) ? 1 : 0;
            if (target.data() && !answer.headers().containsKey(EDGE_HEADER) && !answeredBeforeTheApplication(probe)
                    && !unreadableMediaType(probe, answer)) {
                dataRequests++;
            }
            check(probe, answer, forbidden, findings);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long auditAfter = auditTotal(basic);
        long logGrowth = TestServer.serverLogBytes() - logBefore;

        System.out.printf("Fuzz campaign: seed %d (-Dit.fuzz.seed), %d requests (-Dit.fuzz.requests) in %d ms to %d endpoints;"
                + " %d refused at the application's edge, %d answered by the server before any application; %d data"
                + " requests, audit events %d -> %d; server log +%d bytes%n", SEED, REQUESTS, millis, targets.size(),
                refusedAtTheEdge, refusedByTheServer, dataRequests, auditBefore, auditAfter, logGrowth);
        statuses.forEach((route, counts) -> System.out.printf("  %-70s %s%n", route, counts));
        findings.stream().limit(40).forEach(f -> System.out.println("  FINDING " + f));

        if (auditAfter - auditBefore != dataRequests) {
            findings.add("audit trail: " + (auditAfter - auditBefore) + " new events for " + dataRequests + " data requests");
        }
        Object deadLetters = deadLetters();
        if (!Long.valueOf(0).equals(deadLetters)) {
            findings.add("dead letters: " + deadLetters + ", the campaign predicts 0");
        }
        if (logGrowth >= LOG_GROWTH_BOUND) {
            findings.add("server log grew by " + logGrowth + " bytes (bound " + LOG_GROWTH_BOUND + ")");
        }
        findings.addAll(normalRequestsFail(app, token, recordA, own));
        assertEquals(List.of(), findings.stream().limit(60).toList(), findings.size() + " findings (seed " + SEED + ")");
    }

    // ------------------------------------------------------------------------------------------------ targets

    /** Every endpoint of the three web modules; the API's ontology calls as the server itself publishes them. */
    static List<Target> targets() throws Exception {
        List<Target> targets = new ArrayList<>();
        HttpResponse<byte[]> owl = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/api/ontology")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, owl.statusCode());
        for (ApiCall call : SmartOntology.parse(new ByteArrayInputStream(owl.body()), RDFFormat.RDFXML).calls()) {
            List<String> parameters = Stream.concat(call.filters().stream().map(ApiFilter::parameterName),
                    call.parameters().stream().map(ApiParameter::parameterName)).toList();
            targets.add(new Target("/api", call.httpMethod(), call.path(), parameters, call.path().startsWith("/records/")));
        }
        // The container's own endpoints (front.FrontRouter: the JAX-RS resources of the API module); /admin/records is patient data, audited.
        api(targets, "GET", "/", false);
        for (String method : List.of("GET", "POST")) {
            api(targets, method, "/oauth/request_token", false, "oauth_callback", "smart_record_id");
            api(targets, method, "/oauth/access_token", false, "oauth_verifier");
            api(targets, method, "/apps/{app_id}/tokens/records/first", false);
            api(targets, method, "/apps/{app_id}/tokens/records/{record_id}/next", false);
            api(targets, method, "/apps/{app_id}/tokens/records/{record_id}", false);
        }
        api(targets, "GET", "/oauth/debug", false);
        api(targets, "GET", "/admin/records", true);
        api(targets, "GET", "/admin/records/count", true);
        api(targets, "POST", "/admin/records/generate", true, "count", "seed");
        for (String method : List.of("GET", "PUT", "DELETE")) {
            api(targets, method, "/admin/records/{record_id}", true);
            api(targets, method, "/admin/apps/{app_id}", false);
        }
        api(targets, "GET", "/admin/apps", false);
        api(targets, "POST", "/admin/apps", false, "enabled_by_default", "index", "icon");
        api(targets, "POST", "/admin/apps/{app_id}/secret", false);
        api(targets, "PUT", "/admin/apps/{app_id}/enabled_by_default", false);
        api(targets, "GET", "/admin/accounts", false);
        api(targets, "POST", "/admin/accounts", false);
        api(targets, "GET", "/admin/accounts/{username}", false);
        api(targets, "PUT", "/admin/accounts/{username}/state", false);
        api(targets, "PUT", "/admin/accounts/{username}/roles", false);
        api(targets, "POST", "/admin/accounts/{username}/password", false);
        api(targets, "POST", "/admin/accounts/{username}/unlock", false);
        api(targets, "GET", "/admin/audit", false, "record", "account", "app", "from", "to", "offset", "limit");
        // The portal, SMART Connect included.
        for (String page : List.of("/", "/index.xhtml", "/login.xhtml", "/register.xhtml", "/my-apps.xhtml",
                "/my-approvals.xhtml", "/choose-record.xhtml", "/authorize.xhtml", "/account/password.xhtml",
                "/admin/users.xhtml", "/admin/apps.xhtml", "/admin/patients.xhtml", "/admin/audit.xhtml",
                "/admin/settings.xhtml", "/showcase", "/branding.css", "/health", "/health/ready", "/health/live",
                "/static/smart_common/resources/smart-api-container.js")) {
            portal(targets, "GET", page, "oauth_token", "record_id", "showcase");
        }
        portal(targets, "POST", "/login.xhtml", "login:username");
        portal(targets, "GET", "/oauth/authorize", "oauth_token");
        portal(targets, "GET", "/accounts/{username}/apps/{app_id}/launch", "record_id");
        portal(targets, "DELETE", "/accounts/{username}/apps/{app_id}/launch", "connect_token");
        portal(targets, "GET", "/apps/{app_id}/launch");
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            portal(targets, method, "/smart_passthrough/records/{record_id}/demographics");
        }
        // The sample apps.
        for (String page : List.of("/", "/index.html", "/smart-connect-client.js", "/rest-app/", "/rest-app/authorize",
                "/rest-app/patient", "/refill-monitor/runs", "/{app_folder}/index.html")) {
            targets.add(new Target("/sample-apps", "GET", page, List.of("api_base", "record_id", "oauth_token",
                    "oauth_verifier"), false));
        }
        targets.add(new Target("/sample-apps", "POST", "/refill-monitor/runs", List.of(), false));
        return targets;
    }

    private static void api(List<Target> targets, String method, String template, boolean data, String... parameters) {
        targets.add(new Target("/api", method, template, List.of(parameters), data));
    }

    private static void portal(List<Target> targets, String method, String template, String... parameters) {
        targets.add(new Target("", method, template, List.of(parameters), false));
    }

    // ------------------------------------------------------------------------------------------------ odd values

    private static final List<String> KINDS = List.of("long", "nul", "control", "encoded-slash", "dot-dot",
            "bad-utf8", "bad-escape", "huge-number", "sparql", "sql", "html", "other-record", "unicode", "empty");

    /** An odd value of a kind, as it goes into a URL (percent-encoded where it must be). */
    static String oddValue(String kind, Random random, List<String> otherRecords) {
        return switch (kind) {
            case "long" -> random.nextBoolean() ? "a".repeat(5000 + random.nextInt(3000))
                    : "9".repeat(5000 + random.nextInt(100));
            case "nul" -> pick(random, "%00", "a%00b", "123%00.xml");
            case "control" -> pick(random, "%01%02%1b", "%7f", "a%0d%0aX-Injected:%20yes", "%09%0b%0c");
            case "encoded-slash" -> pick(random, "a%2Fb", "%2F", "%2f..%2f..%2fetc%2fpasswd", "%5c..%5c");
            case "dot-dot" -> pick(random, "%2e%2e", "%2E%2E%2F%2E%2E", ".%2e", "%2e", "..%252f");
            case "bad-utf8" -> pick(random, "%C3%28", "%FF", "%C0%AE%C0%AE", "%E2%82", "%ED%A0%80");
            case "bad-escape" -> pick(random, "%", "%zz", "%4", "a%g1");
            case "huge-number" -> pick(random, "99999999999999999999999999999", "-1", "1e309", "-2147483649", "NaN");
            case "sparql" -> encode(pick(random, "x> } ; DROP ALL ; #", "?s ?p ?o } UNION { ?s ?p ?o",
                    "\"))) } INSERT DATA { <a> <b> <c> } #"));
            case "sql" -> encode(pick(random, "' OR '1'='1", "1; DROP TABLE SMART_AUDIT_EVENT;--", "\\'; --"));
            case "html" -> encode(pick(random, "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"));
            case "other-record" -> otherRecords.get(random.nextInt(otherRecords.size()));
            case "unicode" -> encode(pick(random, "Müller-Lüdenscheidt", "日本語", "🙂"));
            default -> "";
        };
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The value as header bytes: escapes decoded to single bytes (ISO-8859-1), CR and LF left out. */
    static String headerForm(String wire) {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            int hi = i + 2 < wire.length() ? Character.digit(wire.charAt(i + 1), 16) : -1;
            int lo = i + 2 < wire.length() ? Character.digit(wire.charAt(i + 2), 16) : -1;
            if (c == '%' && hi >= 0 && lo >= 0) {
                char b = (char) (hi << 4 | lo);
                raw.append(b == '\r' || b == '\n' ? ' ' : b);
                i += 2;
            } else {
                raw.append(c);
            }
        }
        return raw.toString();
    }

    private static final List<String> HEADERS = List.of("Accept", "Content-Type", "User-Agent", "Cookie",
            "If-None-Match", "X-Forwarded-For", "X-Forwarded-Proto", "Origin", "Referer", "Accept-Language",
            "Authorization", "X-Fuzz");

    static Probe probe(Random random, Target target, List<String> otherRecords) {
        boolean signed = random.nextBoolean();
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        String wire = oddValue(kind, random, otherRecords);
        List<String> positions = new ArrayList<>(List.of("query", "header", "many-parameters", "many-headers"));
        if (target.template().contains("{")) {
            positions.addAll(List.of("path", "path", "path"));
        }
        if (!target.method().equals("GET") && !target.method().equals("DELETE")) {
            positions.addAll(List.of("body", "big-body"));
        }
        String position = positions.get(random.nextInt(positions.size()));
        String headerName = HEADERS.get(random.nextInt(HEADERS.size()));
        return new Probe(target, signed, position, kind, wire, headerName);
    }

    // ------------------------------------------------------------------------------------------------ sending

    private static RawHttp.Answer send(Probe probe, String recordA, SmartClient app, OAuth1AccessToken token,
            String portalSession, Random random) throws IOException {
        Target target = probe.target();
        String path = fill(target.template(), probe.position().equals("path") ? probe.wire() : null, recordA, random);
        StringBuilder query = new StringBuilder();
        if (probe.position().equals("query")) {
            List<String> names = new ArrayList<>(target.parameters());
            names.addAll(List.of("record_id", "limit", "offset", "q"));
            query.append(names.get(random.nextInt(names.size()))).append('=').append(probe.wire());
        } else if (probe.position().equals("many-parameters")) {
            for (int i = 0; i < 300; i++) {
                query.append(i == 0 ? "" : "&").append("p").append(i).append('=').append(i);
            }
        }
        String target_ = target.root() + path + (query.length() == 0 ? "" : "?" + query);
        List<String[]> headers = new ArrayList<>();
        if (probe.position().equals("header")) {
            String value = headerForm(probe.wire());
            headers.add(new String[] {probe.headerName(), probe.headerName().equals("Authorization") ? "OAuth " + value : value});
        } else if (probe.position().equals("many-headers")) {
            for (int i = 0; i < 200; i++) {
                headers.add(new String[] {"X-Fuzz-" + i, Integer.toString(i)});
            }
        }
        byte[] body = null;
        if (probe.position().equals("body")) {
            body = headerForm(probe.wire()).getBytes(StandardCharsets.ISO_8859_1);
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        } else if (probe.position().equals("big-body")) {
            body = new byte[3 * 1024 * 1024];
            java.util.Arrays.fill(body, (byte) 'a');
            headers.add(new String[] {"Content-Type", "text/plain"});
        }
        if (probe.signed()) {
            if (target.root().equals("/api") && !probe.headerName().equals("Authorization")) {
                headers.add(new String[] {"Authorization", oauthHeader(app, token, target.method(), target_)});
            } else if (!target.root().equals("/api")) {
                headers.add(new String[] {"Cookie", "JSESSIONID=" + portalSession});
            }
        }
        return RawHttp.send(target.method(), target_, headers, body);
    }

    /** The template with its variables filled: the odd value in one of them, sensible values in the others. */
    private static String fill(String template, String odd, String recordA, Random random) {
        List<String> variables = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            variables.add(m.group(1));
        }
        String oddVariable = odd == null || variables.isEmpty() ? null : variables.get(random.nextInt(variables.size()));
        String path = template;
        for (String variable : variables) {
            String value = variable.equals(oddVariable) ? odd : switch (variable) {
                case "record_id" -> recordA;
                case "app_id", "smart_app_id", "descriptor" -> APP;
                case "username", "user_id" -> "admin";
                case "app_folder" -> "med-list";
                default -> "1";
            };
            path = path.replace("{" + variable + "}", value);
        }
        return path;
    }

    /** The OAuth header for the request as sent; a URL the client library cannot parse is signed without its query. */
    private static String oauthHeader(SmartClient app, OAuth1AccessToken token, String method, String target) {
        String url = TestServer.base() + target;
        try {
            return signedHeader(app, token, method, url);
        } catch (RuntimeException e) {
            return signedHeader(app, token, method, url.replaceFirst("\\?.*$", ""));
        }
    }

    private static String signedHeader(SmartClient app, OAuth1AccessToken token, String method, String url) {
        OAuthRequest request = new OAuthRequest(Verb.valueOf(method), url);
        app.service().signRequest(token, request);
        return request.getHeaders().get("Authorization");
    }

    /**
     * Whether Payara answers the request before any application (and so the API's audit) sees it: more than its
     * 100 header lines; a header byte that is a control character or not ASCII; a path value with a malformed
     * escape (answered 200 with an empty body), bytes that are not UTF-8, NUL or a backslash ("400 Invalid URI"),
     * or an encoded {@code ../} (the server decodes and normalizes it, so the request leaves its route). Every
     * other request reaches the application's edge, which refuses it (naming the limit) or passes it on.
     */
    static boolean answeredBeforeTheApplication(Probe probe) {
        return switch (probe.position()) {
            case "many-headers" -> true;
            case "header" -> headerForm(probe.wire()).chars().anyMatch(c -> c < 0x20 && c != '\t' || c >= 0x7f);
            case "path" -> {
                String wire = probe.wire();
                for (int i = 0; i < wire.length(); i++) {
                    if (wire.charAt(i) == '%' && (i + 2 >= wire.length() || Character.digit(wire.charAt(i + 1), 16) < 0
                            || Character.digit(wire.charAt(i + 2), 16) < 0)) {
                        yield true;
                    }
                }
                byte[] bytes = headerForm(wire).getBytes(StandardCharsets.ISO_8859_1);
                try {
                    String decoded = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                    yield decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0 || decoded.contains("../");
                } catch (java.nio.charset.CharacterCodingException e) {
                    yield true;
                }
            }
            default -> false;
        };
    }

    /**
     * Whether JAX-RS refused a {@code Content-Type} it cannot read as a media type with {@code 400} while reading
     * the request, before the authorization point identified a call (so no audit event; an unreadable
     * {@code Accept} is refused later, by the API, and audited).
     */
    static boolean unreadableMediaType(Probe probe, RawHttp.Answer answer) {
        return probe.position().equals("header") && probe.headerName().equals("Content-Type") && answer.status() == 400;
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static void check(Probe probe, RawHttp.Answer answer, Set<String> forbidden, List<String> findings) {
        if (answer.status() >= 500) {
            findings.add(answer.status() + " for " + describe(probe) + ": " + clip(answer.body()));
        }
        for (String value : forbidden) {
            if (answer.body().contains(value) && !probe.wire().contains(value)) {
                findings.add("another record's data (" + value + ") in the answer to " + describe(probe));
            }
        }
        if (answer.body().contains("\tat java.") || answer.body().contains("\tat org.") || answer.body().contains("at org.glassfish")) {
            findings.add("stack trace in the answer to " + describe(probe));
        }
    }

    private static String describe(Probe p) {
        return p.target().name() + " [" + (p.signed() ? "signed" : "unsigned") + ", " + p.position()
                + (p.position().equals("header") ? " " + p.headerName() : "") + ", " + p.kind() + " " + clip(p.wire()) + "]";
    }

    private static String clip(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "... (" + flat.length() + " chars)";
    }

    /** Values that identify the other records: their record URIs, medical record numbers and full names. */
    private static Set<String> forbiddenValues(JsonObject own, List<JsonObject> others) {
        Set<String> values = new LinkedHashSet<>();
        String ownName = own.getString("given_name", "") + " " + own.getString("family_name", "");
        for (JsonObject other : others) {
            values.add("/records/" + other.getString("record_id") + "/");
            other.getJsonArray("medical_record_numbers").getValuesAs(jakarta.json.JsonString.class)
                    .forEach(mrn -> values.add(mrn.getString()));
            String family = other.getString("family_name", "");
            if (!family.isEmpty() && !ownName.contains(family)) {
                values.add(family);
            }
        }
        return values;
    }

    private static List<String> normalRequestsFail(SmartClient app, OAuth1AccessToken token, String recordA, JsonObject own)
            throws Exception {
        List<String> failures = new ArrayList<>();
        HttpResponse<String> demographics = app.call(Verb.GET, "/records/" + recordA + "/demographics", token);
        if (demographics.statusCode() != 200 || !demographics.body().contains(own.getString("family_name"))) {
            failures.add("after the campaign, the token's demographics answered " + demographics.statusCode());
        }
        // A streamed (chunked) body is cut off at the limit, not only a body that announces its length.
        String notes = "/api/records/" + recordA + "/clinical_notes/";
        RawHttp.Answer cut = RawHttp.sendChunked("POST", notes, List.of(new String[] {"Content-Type", "application/rdf+xml"},
                new String[] {"Authorization", oauthHeader(app, token, "POST", notes)}), new byte[3 << 20]);
        if (cut.status() != 413) {
            failures.add("a streamed 3 MiB clinical note answered " + cut.status() + ", not 413: " + clip(cut.body()));
        }
        for (String path : List.of("/api/manifest", "/login.xhtml", "/sample-apps/smart-connect-client.js")) {
            int status = TestServer.get(HTTP, path).statusCode();
            if (status != 200) {
                failures.add("after the campaign, " + path + " answered " + status);
            }
        }
        return failures;
    }

    // ------------------------------------------------------------------------------------------------ set-up

    private static SmartClient installApp(String basic) throws Exception {
        HttpResponse<String> installed = admin(basic, "POST", "/admin/apps", "{\"id\": \"" + APP + "\", \"name\": \"Fuzz\","
                + " \"description\": \"Fuzz campaign\", \"mode\": \"ui\", \"scope\": \"record\","
                + " \"index\": \"http://localhost/app/index.html\", \"icon\": \"http://localhost/app/icon.png\","
                + " \"oauth_callback\": \"http://localhost/app/after_auth\"}");
        assertEquals(201, installed.statusCode(), installed.body());
        JsonObject json = Json.createReader(new StringReader(installed.body())).readObject();
        return new SmartClient(json.getString("consumer_key"), json.getString("consumer_secret"));
    }

    private static OAuth1AccessToken accessToken(SmartClient app, String record) throws Exception {
        OAuth1RequestToken requestToken = app.requestToken(record);
        HttpResponse<String> approval = HTTP.send(HttpRequest.newBuilder(URI.create(SmartClient.API + "/it-portal/approve"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + requestToken.getToken() + "&user=admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, approval.statusCode(), approval.body());
        return app.service().getAccessToken(requestToken, SmartClient.form(approval.body()).get("verifier"));
    }

    /**
     * Signs in to the portal as a clinician who may see record A only (the admin pages limit accounts so), as the
     * sign-in form does; the session cookie's value.
     */
    private static String signInToThePortal(String basic, String recordA) throws Exception {
        String user = "fuzz-" + RUN;
        String password = "fuzz campaign " + RUN;
        HttpResponse<String> created = admin(basic, "POST", "/admin/accounts", "{\"username\": \"" + user
                + "\", \"password\": \"" + password + "\", \"roles\": [\"clinician\"]}");
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> limited = HTTP.send(HttpRequest.newBuilder(URI.create(SmartClient.API + "/it-portal/limit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user + "&record=" + recordA)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("limited", limited.body());
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = TestServer.get(browser, "/login.xhtml").body();
        java.util.regex.Matcher state = java.util.regex.Pattern
                .compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertTrue(state.find(), "the sign-in page has a view state");
        String form = "login=login&login%3Ausername=" + user + "&login%3Apassword=" + encode(password)
                + "&login%3AsignIn=&jakarta.faces.ViewState=" + encode(state.group(1));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(TestServer.base().resolve("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), "signing in redirects");
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst()
                .orElseThrow().getValue();
    }

    private static HttpResponse<String> admin(String basic, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SmartClient.API + path)).header("Authorization", basic)
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long auditTotal(String basic) throws Exception {
        HttpResponse<String> audit = admin(basic, "GET", "/admin/audit?limit=1", null);
        assertEquals(200, audit.statusCode(), audit.body());
        return Json.createReader(new StringReader(audit.body())).readObject().getJsonNumber("total").longValue();
    }

    /** The dead-letter count of the audit trail's readiness check, or a description of why there is none. */
    private static Object deadLetters() throws Exception {
        String body = TestServer.get(HTTP, "/health/ready").body();
        JsonObject health = Json.createReader(new StringReader(body)).readObject();
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("smart-audit")).findFirst()
                .<Object>map(c -> c.getJsonObject("data") == null || !c.getJsonObject("data").containsKey("deadLetters")
                        ? "no deadLetters in " + c : number(c.getJsonObject("data").get("deadLetters")))
                .orElse("no smart-audit check in /health/ready: " + clip(body));
    }

    /** A health figure: Payara writes the data of a check as strings. */
    private static long number(jakarta.json.JsonValue value) {
        return value instanceof jakarta.json.JsonString text ? Long.parseLong(text.getString())
                : ((jakarta.json.JsonNumber) value).longValue();
    }

}
