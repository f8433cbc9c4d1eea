package org.smartcontainer.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Turns the instant columns that EclipseLink's DDL generation made binary (serialized {@link Instant}s) into
 * {@code TIMESTAMP WITH TIME ZONE} columns, keeping their values. From here on {@link InstantConverter}
 * maps them.
 */
public class V2__Instants_as_timestamps extends BaseJavaMigration {

    record InstantColumn(String table, String key, String column, boolean nullable) {
    }

    private static final List<InstantColumn> COLUMNS = List.of(
            new InstantColumn("SMART_ACCOUNT", "ID", "CREATEDAT", false),
            new InstantColumn("SMART_ACCOUNT", "ID", "LASTLOGINAT", true),
            new InstantColumn("SMART_ACCOUNT", "ID", "LOCKEDUNTIL", true),
            new InstantColumn("SMART_APP", "CONSUMER_KEY", "CREATEDAT", false),
            new InstantColumn("SMART_APP", "CONSUMER_KEY", "MODIFIEDAT", false),
            new InstantColumn("SMART_APP", "CONSUMER_KEY", "SECRETCHANGEDAT", false),
            new InstantColumn("SMART_APP_ENABLEMENT", "ID", "CHANGEDAT", false),
            new InstantColumn("SMART_SHARE", "ID", "AUTHORIZEDAT", false),
            new InstantColumn("SMART_REQUEST_TOKEN", "TOKEN", "AUTHORIZEDAT", true),
            new InstantColumn("SMART_REQUEST_TOKEN", "TOKEN", "CREATEDAT", false),
            new InstantColumn("SMART_REQUEST_TOKEN", "TOKEN", "EXPIRESAT", false),
            new InstantColumn("SMART_ACCESS_TOKEN", "TOKEN", "CREATEDAT", false),
            new InstantColumn("SMART_ACCESS_TOKEN", "TOKEN", "EXPIRESAT", false),
            new InstantColumn("SMART_SCRATCHPAD", "ID", "MODIFIEDAT", false),
            new InstantColumn("SMART_USER_PREFERENCES", "ID", "MODIFIEDAT", false));

    /** Only what Java writes for an {@code Instant} may be read back. */
    private static final ObjectInputFilter INSTANTS_ONLY =
            ObjectInputFilter.Config.createFilter("java.time.Ser;java.time.Instant;maxdepth=2;!*");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgresql = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement ddl = connection.createStatement()) {
            for (InstantColumn c : COLUMNS) {
                String converted = c.column() + "_TZ";
                ddl.execute("ALTER TABLE " + c.table() + " ADD COLUMN " + converted + " TIMESTAMP WITH TIME ZONE");
                copyValues(connection, c, converted);
                ddl.execute("ALTER TABLE " + c.table() + " DROP COLUMN " + c.column());
                ddl.execute(postgresql
                        ? "ALTER TABLE " + c.table() + " RENAME COLUMN " + converted + " TO " + c.column()
                        : "ALTER TABLE " + c.table() + " ALTER COLUMN " + converted + " RENAME TO " + c.column());
                if (!c.nullable()) {
                    ddl.execute("ALTER TABLE " + c.table() + " ALTER COLUMN " + c.column() + " SET NOT NULL");
                }
            }
        }
    }

    private static void copyValues(Connection connection, InstantColumn c, String converted) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT " + c.key() + ", " + c.column() + " FROM " + c.table()
                     + " WHERE " + c.column() + " IS NOT NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE " + c.table() + " SET " + converted + " = ? WHERE " + c.key() + " = ?")) {
            while (rows.next()) {
                Instant value = deserialize(rows.getBytes(2), c);
                update.setObject(1, value.atOffset(ZoneOffset.UTC));
                update.setString(2, rows.getString(1));
                update.executeUpdate();
            }
        }
    }

    static Instant deserialize(byte[] bytes, InstantColumn c) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(INSTANTS_ONLY);
            return (Instant) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("Not a serialized instant in " + c.table() + "." + c.column() + ": " + e, e);
        }
    }
}
