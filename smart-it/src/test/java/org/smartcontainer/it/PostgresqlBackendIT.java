package org.smartcontainer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The "native store + PostgreSQL" backend (failsafe execution backend-postgresql): the server's
 * persistence unit really uses the PostgreSQL database that the build started, its schema was created by
 * the versioned migrations, instants are real timestamps, and what the admin API writes lands there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.backend", matches = "postgresql")
class PostgresqlBackendIT {

    @Deployment(name = "smart")
    static EnterpriseArchive ear() {
        return SmartEar.withTestClasses(PostgresqlBackendIT.class);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
}
