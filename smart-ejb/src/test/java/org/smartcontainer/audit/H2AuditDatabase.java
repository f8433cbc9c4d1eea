package org.smartcontainer.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.smartcontainer.persistence.SchemaMigration;

/**
 * The audit table of a real (in-memory H2) database, created by the product's migrations, written with plain JDBC
 * the way the audit store writes it: a batch in one transaction. It can be "down" (every call fails as a refused
 * connection does).
 */
final class H2AuditDatabase implements AuditBuffer.Sink {

    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger transactions = new AtomicInteger();
    private final JdbcDataSource db = new JdbcDataSource();

    H2AuditDatabase() {
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        SchemaMigration.migrate(db);
    }

    @Override
    public void write(List<AuditEvent> batch) {
        transactions.incrementAndGet();
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SMART_AUDIT_EVENT (ID, EVENT_TIME, ACCOUNT,"
                    + " APP_ID, RECORD_ID, CALL_NAME, HTTP_METHOD, PATH, STATUS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent e : batch) {
                    insert.setString(1, e.getId());
                    insert.setLong(2, e.getTime().toEpochMilli());
                    insert.setString(3, e.getAccount());
                    insert.setString(4, e.getApp());
                    insert.setString(5, e.getRecord());
                    insert.setString(6, e.getCall());
                    insert.setString(7, e.getMethod());
                    insert.setString(8, e.getPath());
                    insert.setInt(9, e.getStatus());
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Set<String> stored(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        try (Connection c = connection();
                PreparedStatement select = c.prepareStatement("SELECT ID FROM SMART_AUDIT_EVENT WHERE ID = ?")) {
            for (String id : ids) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @Override
    public void probe() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM SMART_AUDIT_EVENT WHERE ID = ''").close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the stored events. */
    List<String> ids() {
        try (Connection c = connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID FROM SMART_AUDIT_EVENT")) {
            List<String> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored column value of one event. */
    String column(String id, String column) {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM SMART_AUDIT_EVENT WHERE ID = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connection() throws SQLException {
        if (down.get()) {
            throw new SQLTransientConnectionException("Connection refused", "08001");
        }
        return db.getConnection();
    }
}
