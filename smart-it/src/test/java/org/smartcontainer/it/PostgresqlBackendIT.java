package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.Verb;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The "native store + PostgreSQL" backend (failsafe execution backend-postgresql): the server's
 * persistence unit really uses the PostgreSQL database that the build started, its schema was created by
 * the versioned migrations, instants are real timestamps, and what the admin API writes lands there. Last,
 * the database is stopped mid-test: calls that need it fail fast with {@code 503} (signed ones and the portal's
 * sign-in page too), their audit events name who the request claimed to be, nothing is half-written, and
 * everything works again once it is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.backend", matches = "postgresql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresqlBackendIT {

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withTestClasses(PostgresqlBackendIT.class);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** How long a call may take to fail while the database is down: fast, not a pool's or socket's timeout. */
    private static final Duration FAST = Duration.ofSeconds(10);

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.postgresql.url"), "smart", "smart");
    }

    @Test
    void theSchemaWasCreatedByTheVersionedMigrationsInPostgresql() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection db = database(); ResultSet r = db.createStatement().executeQuery(
                "SELECT version, type, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (r.next()) {
                applied.add(r.getString(1) + " " + r.getString(2) + " " + r.getBoolean(3));
            }
        }
        assertEquals(List.of("1 SQL true", "2 JDBC true"), applied.subList(0, 2));
        assertTrue(applied.stream().allMatch(row -> row.endsWith(" true")), applied::toString);
    }

    @Test
    void everyInstantOfTheModelIsATimestampWithTimeZone() throws SQLException {
        try (Connection db = database(); ResultSet r = db.createStatement().executeQuery(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name LIKE 'smart_%' AND column_name IN ('createdat', 'expiresat', 'modifiedat',"
                        + " 'authorizedat', 'changedat', 'lastloginat', 'lockeduntil', 'secretchangedat')")) {
            int columns = 0;
            while (r.next()) {
                columns++;
                assertEquals("timestamp with time zone", r.getString(3), r.getString(1) + "." + r.getString(2));
            }
            assertEquals(15, columns);
        }
    }

    @Test
    void anAccountCreatedThroughTheAdminApiIsARowInPostgresql() throws Exception {
        String username = "pg-" + Long.toString(System.nanoTime(), 36);
        Instant before = Instant.now().minusSeconds(5);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(TestServer.base().resolve("/api/admin/accounts"))
                .header("Authorization", TestServer.basic("admin", TestServer.initialAdminPassword()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username
                        + "\", \"password\": \"correct horse battery\", \"given_name\": \"Pat\", \"family_name\": \"Gres\"}"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        try (Connection db = database(); PreparedStatement q = db.prepareStatement(
                "SELECT givenname, familyname, createdat FROM smart_account WHERE username = ?")) {
            q.setString(1, username);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "no row for " + username);
                assertEquals("Pat Gres", r.getString(1) + " " + r.getString(2));
                Instant createdAt = r.getObject(3, OffsetDateTime.class).toInstant();
                assertTrue(createdAt.isAfter(before) && createdAt.isBefore(Instant.now().plusSeconds(5)), createdAt::toString);
            }
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it stops the database
    void withPostgresqlStoppedCallsAnswer503FastNothingIsHalfWrittenAndAllWorksAgainWhenItReturns() throws Exception {
        String admin = TestServer.basic("admin", TestServer.initialAdminPassword());
        assertEquals(200, admin("GET", "/api/admin/accounts", admin, null).statusCode(), "the administrator, verified");
        String record = Json.createReader(new StringReader(admin("GET", "/api/admin/records", admin, null).body()))
                .readObject().getJsonArray("records").getJsonObject(0).getString("record_id");
        String during = "pg-outage-" + Long.toString(System.nanoTime(), 36);
        // an app installed now and not used before the outage: its consumer is in no cache, so verifying its
        // signature needs the database
        SmartClient app = installApp(admin, during + "@apps.example.org");
        String scratchpad = "/api/records/" + record + "/apps/" + during + "@apps.example.org/scratchpad";
        // an administrator verified just now: the API keeps verified Basic credentials for 30 s, which the calls
        // that need no database rely on (a slow machine may have let the first administrator's lapse)
        String operator = "pg-operator-" + Long.toString(System.nanoTime(), 36);
        assertEquals(201, admin("POST", "/api/admin/accounts", admin, account(operator).replace("}",
                ", \"roles\": [\"admin\"]}")).statusCode());
        String verified = TestServer.basic(operator, "correct horse battery");
        assertEquals(200, admin("GET", "/api/admin/accounts", verified, null).statusCode(), "the operator, verified");
        long outageStart = System.currentTimeMillis();

        postgresql("stop");
        long outageEnd;
        try {
            HttpResponse<String> read = timed(() -> admin("GET", "/api/records/" + record + "/demographics", verified, null));
            assertEquals(200, read.statusCode(), "record data comes from the record store; its audit event waits in the queue");

            for (HttpResponse<String> refused : List.of(
                    timed(() -> admin("GET", "/api/admin/accounts", admin, null)),
                    timed(() -> admin("POST", "/api/admin/accounts", admin, account(during))),
                    timed(() -> admin("GET", "/api/admin/accounts", TestServer.basic("nobody", "not verified yet"), null)))) {
                assertEquals(503, refused.statusCode(), refused.request().method() + " " + refused.uri() + ": " + refused.body());
                assertEquals("The container's database cannot be reached; nothing was changed. Try again later.",
                        refused.body().strip());
                assertEquals("10", refused.headers().firstValue("Retry-After").orElse(null));
            }
            HttpResponse<String> ready = timed(() -> get("/health/ready"));
            assertEquals(503, ready.statusCode(), ready.body());
            assertEquals("DOWN", check(ready, "smart-database").getString("status"));
            assertEquals(200, timed(() -> get("/health/live")).statusCode(), "alive: a restart would not bring the database back");

            for (HttpResponse<String> refused : List.of(
                    timed(() -> app.call(Verb.GET, "/records/" + record + "/demographics", null)),
                    timed(() -> admin("PUT", scratchpad, verified, "{\"note\": \"during the outage\"}")))) {
                assertEquals(503, refused.statusCode(), refused.request().method() + " " + refused.uri() + ": " + refused.body());
                assertEquals("10", refused.headers().firstValue("Retry-After").orElse(null), refused.uri().toString());
            }
            HttpResponse<String> login = timed(() -> get("/login.xhtml"));
            assertEquals(503, login.statusCode(), login.body());
            assertTrue(login.body().contains("temporarily unavailable"), login.body());
            assertTrue(login.headers().firstValue("Retry-After").isPresent(), "the portal says when to try again");
        } finally {
            outageEnd = System.currentTimeMillis();
            postgresql("start");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpResponse<String> ready = get("/health/ready");
        while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            ready = get("/health/ready");
        }
        assertEquals(200, ready.statusCode(), "ready again: " + ready.body());
        HttpResponse<String> accounts = admin("GET", "/api/admin/accounts", admin, null);
        assertEquals(200, accounts.statusCode(), accounts.body());
        assertFalse(accounts.body().contains(during), "the account refused during the outage does not exist");
        assertEquals(201, admin("POST", "/api/admin/accounts", admin, account(during)).statusCode(), "and can be created now");

        long auditDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int audited = auditedReads(record, outageStart, outageEnd);
        while (audited == 0 && System.nanoTime() < auditDeadline) {
            Thread.sleep(500);
            audited = auditedReads(record, outageStart, outageEnd);
        }
        assertEquals(1, audited, "the read during the outage was audited once the database was back");
        assertEquals(List.of("null " + during + "@apps.example.org GET 503"), auditedRefusals("/api/records/" + record
                + "/demographics", outageStart, outageEnd), "the signed call refused during the outage: audited with its app");
        assertEquals(List.of(operator + " null PUT 503"), auditedRefusals(scratchpad, outageStart, outageEnd),
                "the administrator's write refused during the outage: audited with the account");
    }

    /** The audit events of refusals ({@code 503}) of a path between two instants, as "account app method status". */
    private static List<String> auditedRefusals(String path, long from, long to) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection db = database(); PreparedStatement q = db.prepareStatement("SELECT account, app_id, http_method, status"
                + " FROM smart_audit_event WHERE path = ? AND status = 503 AND event_time BETWEEN ? AND ?")) {
            q.setString(1, path.replaceFirst("^/api", ""));
            q.setLong(2, from);
            q.setLong(3, to);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    events.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getInt(4));
                }
            }
        }
        return events;
    }

    /** Installs a background app through the admin API; returns it as a client that signs its calls. */
    private static SmartClient installApp(String admin, String id) throws Exception {
        HttpResponse<String> installed = admin("POST", "/api/admin/apps", admin, """
                {"id": "%s", "name": "Outage", "description": "A background app", "mode": "background"}""".formatted(id));
        assertEquals(201, installed.statusCode(), installed.body());
        JsonObject app = Json.createReader(new StringReader(installed.body())).readObject();
        return new SmartClient(app.getString("consumer_key"), app.getString("consumer_secret"));
    }

    private static String account(String username) {
        return "{\"username\": \"" + username + "\", \"password\": \"correct horse battery\", \"given_name\": \"Out\","
                + " \"family_name\": \"Age\"}";
    }

    private static int auditedReads(String record, long from, long to) throws SQLException {
        try (Connection db = database(); PreparedStatement q = db.prepareStatement("SELECT count(*) FROM smart_audit_event"
                + " WHERE record_id = ? AND path LIKE '%/demographics' AND status = 200 AND event_time BETWEEN ? AND ?")) {
            q.setString(1, record);
            q.setLong(2, from);
            q.setLong(3, to);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static HttpResponse<String> admin(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(TestServer.base().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(TestServer.base().resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Sends a call and checks that its answer came fast. */
    private static HttpResponse<String> timed(Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = call.send();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(FAST) < 0, response.uri() + " took " + took);
        return response;
    }

    private static JsonObject check(HttpResponse<String> health, String name) {
        return Json.createReader(new StringReader(health.body())).readObject().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health.body()));
    }

    /** Stops or starts the build's PostgreSQL server (scripts/postgresql.sh), as an operator or an outage would. */
    private static void postgresql(String command) throws Exception {
        List<String> line = new ArrayList<>(List.of("sh", Path.of(System.getProperty("it.scripts.dir"), "postgresql.sh").toString(),
                command, System.getProperty("it.postgresql.dir")));
        if ("start".equals(command)) {
            line.add(System.getProperty("it.postgresql.port"));
            line.addAll(List.of("smart", "smart_sparql"));
        }
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "postgresql.sh " + command);
        assertEquals(0, process.exitValue(), "postgresql.sh " + command + ": " + output);
    }
}
