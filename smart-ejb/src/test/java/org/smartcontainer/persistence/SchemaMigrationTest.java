package org.smartcontainer.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    private final JdbcDataSource db = new JdbcDataSource();

    SchemaMigrationTest() {
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
    }

    @Test
    void anEmptyDatabaseGetsEveryMigrationAndInstantsBecomeTimestampsWithTimeZone() throws SQLException {
        assertEquals(3, SchemaMigration.migrate(db));

        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, columnType("SMART_ACCESS_TOKEN", "EXPIRESAT"));
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, columnType("SMART_ACCOUNT", "LASTLOGINAT"));
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, columnType("SMART_USER_PREFERENCES", "MODIFIEDAT"));
        assertEquals(Types.BOOLEAN, columnType("SMART_ACCOUNT", "RECORDSLIMITED"));
        assertEquals(Types.VARCHAR, columnType("SMART_ACCOUNT_RECORD", "RECORD_ID"));
        assertEquals(Types.VARCHAR, columnType("SMART_PORTAL_SETTING", "SETTING_VALUE"));
    }

    @Test
    void migratingTwiceChangesNothing() {
        SchemaMigration.migrate(db);

        assertEquals(0, SchemaMigration.migrate(db));
    }

    @Test
    void aDatabaseCreatedByDdlGenerationIsBaselinedAndKeepsItsInstants() throws Exception {
        Instant created = Instant.parse("2026-03-29T01:30:00.123456Z");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(resource("/db/migration/h2/V1__initial_schema.sql"));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SMART_ACCOUNT (ID, CREATEDAT, LASTLOGINAT,"
                    + " PASSWORDHASH, STATE, USERNAME) VALUES ('a1', ?, NULL, 'x', 'ACTIVE', 'alice')")) {
                insert.setBytes(1, serialized(created));
                insert.executeUpdate();
            }
        }

        assertEquals(2, SchemaMigration.migrate(db), "only V2 and V3 run on a baselined database");

        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT CREATEDAT, LASTLOGINAT FROM SMART_ACCOUNT WHERE ID = 'a1'")) {
            assertTrue(r.next());
            assertEquals(created, r.getObject(1, OffsetDateTime.class).toInstant());
            assertEquals(null, r.getObject(2));
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"version\", \"type\" FROM \"" + SchemaMigration.HISTORY_TABLE
                     + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            assertTrue(r.next());
            assertEquals("1 BASELINE", r.getString(1) + " " + r.getString(2));
            assertTrue(r.next());
            assertEquals("2 JDBC", r.getString(1) + " " + r.getString(2));
            assertTrue(r.next());
            assertEquals("3 SQL", r.getString(1) + " " + r.getString(2));
        }
    }

    @Test
    void aRequiredInstantColumnStaysRequired() throws SQLException {
        SchemaMigration.migrate(db);

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO SMART_ACCOUNT (ID, CREATEDAT,"
                    + " PASSWORDHASH, STATE, USERNAME) VALUES ('a2', NULL, 'x', 'ACTIVE', 'bob')"));
        }
    }

    @Test
    void somethingOtherThanASerializedInstantInAnInstantColumnStopsTheMigration() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(resource("/db/migration/h2/V1__initial_schema.sql"));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SMART_ACCOUNT (ID, CREATEDAT,"
                    + " PASSWORDHASH, STATE, USERNAME) VALUES ('a1', ?, 'x', 'ACTIVE', 'alice')")) {
                insert.setBytes(1, serialized(new java.util.Date(0)));
                insert.executeUpdate();
            }
        }

        RuntimeException failure = assertThrows(RuntimeException.class, () -> SchemaMigration.migrate(db));
        assertTrue(messages(failure).contains("Not a serialized instant in SMART_ACCOUNT.CREATEDAT"),
                () -> messages(failure));
    }

    private int columnType(String table, String column) throws SQLException {
        try (Connection c = db.getConnection();
             ResultSet r = c.getMetaData().getColumns(null, null, table, column)) {
            assertTrue(r.next(), table + "." + column);
            return r.getInt("DATA_TYPE");
        }
    }

    private static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaMigrationTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
