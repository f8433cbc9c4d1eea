package org.smartcontainer.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, with Flyway. The SQL migrations live in
 * {@code db/migration/h2} and {@code db/migration/postgresql}, one folder per supported database (the one
 * of the database found is used); {@link V2__Instants_as_timestamps} is written in Java, for both.
 *
 * <p>A database created before migrations existed (by EclipseLink's DDL generation) has the SMART tables
 * but no schema history: it is recorded as version 1, which is exactly the schema that generation created,
 * and migrated from there.
 */
public final class SchemaMigration {

    /** The table in which Flyway records the migrations it applied. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private SchemaMigration() {
    }

    /** Applies every pending migration; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        DatabaseState state = inspect(dataSource);
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + state.vendor())
                .javaMigrations(new V2__Instants_as_timestamps())
                .table(HISTORY_TABLE)
                .baselineVersion("1")
                .baselineDescription("schema created by EclipseLink DDL generation")
                .load();
        if (state.createdByDdlGeneration()) {
            LOG.info("The SMART tables exist without a schema history: recording them as schema version 1");
            flyway.baseline();
        }
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "Database schema migrated from version " + result.initialSchemaVersion + " to "
                    + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations)");
        }
        return result.migrationsExecuted;
    }

    private record DatabaseState(String vendor, boolean createdByDdlGeneration) {
    }

    private static DatabaseState inspect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String vendor = switch (product.toLowerCase(Locale.ROOT)) {
                case "h2" -> "h2";
                case "postgresql" -> "postgresql";
                default -> throw new IllegalStateException("SMART Container EE runs on H2 or PostgreSQL, not on "
                        + product + ": point the data source at one of them");
            };
            return new DatabaseState(vendor,
                    tableExists(connection, "SMART_ACCOUNT") && !tableExists(connection, HISTORY_TABLE));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's tables: " + e.getMessage(), e);
        }
    }

    /** Whether a table exists in the connection's current schema (case as the database folds it). */
    static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        for (String candidate : new String[] {name, name.toUpperCase(), name.toLowerCase()}) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
