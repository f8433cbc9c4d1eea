package org.smartcontainer.persistence;

import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Connects the persistence unit to its database and migrates that database's schema, when EclipseLink sets
 * up the unit, that is before anything can use JPA. Named in persistence.xml as
 * {@code eclipselink.session.customizer}.
 *
 * <p>The database is the JTA data source of persistence.xml (the server's default) unless the configuration
 * key {@value #DATASOURCE_KEY} names the JNDI name of another JDBC resource of the server, such as
 * {@code jdbc/smart} bound to a PostgreSQL pool. (Payara resolves neither configuration expressions in
 * persistence.xml nor an application's resource reference as a unit's data source, hence this hook.)
 */
public class MigratingSessionCustomizer implements SessionCustomizer {

    /** The configuration key naming the JDBC resource to use instead of the server's default. */
    public static final String DATASOURCE_KEY = "smart.datasource";

    private static final Logger LOG = Logger.getLogger(MigratingSessionCustomizer.class.getName());

    @Override
    public void customize(Session session) throws NamingException {
        if (!(session.getDatasourceLogin() instanceof DatasourceLogin login)) {
            throw new IllegalStateException("The persistence unit has no database login to migrate");
        }
        Optional<String> configured = ConfigProvider.getConfig(MigratingSessionCustomizer.class.getClassLoader())
                .getOptionalValue(DATASOURCE_KEY, String.class).map(String::strip).filter(name -> !name.isEmpty());
        DataSource dataSource;
        if (configured.isPresent()) {
            dataSource = lookup(configured.get());
            login.setConnector(new JNDIConnector(dataSource));
            if (session instanceof ServerSession server) {
                // The read pool (and any other pool) holds a copy of the login made before this hook ran.
                useDataSource(server.getReadConnectionPool(), dataSource);
                server.getConnectionPools().values().forEach(pool -> useDataSource(pool, dataSource));
            }
            LOG.info(() -> "Persistence unit connected to the JDBC resource " + configured.get());
        } else {
            dataSource = dataSourceOf(login.getConnector());
        }
        failFast(login);
        if (session instanceof ServerSession server) {
            failFast(server.getReadConnectionPool() == null ? null : server.getReadConnectionPool().getLogin());
            server.getConnectionPools().values().forEach(pool -> failFast(pool.getLogin()));
        }
        SchemaMigration.migrate(dataSource);
    }

    /**
     * A query that fails because the database connection broke is not retried: EclipseLink would by default
     * retry it three times, five seconds apart, holding the request for ten seconds or more while the
     * database is down. The server's pool validates a connection before handing it out, so a retry rarely
     * finds anything better; the caller gets {@code 503} with {@code Retry-After} at once instead.
     */
    private static void failFast(Object login) {
        if (login instanceof DatabaseLogin database) {
            database.setQueryRetryAttemptCount(0);
            database.setDelayBetweenConnectionAttempts(0);
        }
    }

    private static void useDataSource(ConnectionPool pool, DataSource dataSource) {
        if (pool != null && pool.getLogin() instanceof DatasourceLogin poolLogin) {
            poolLogin.setConnector(new JNDIConnector(dataSource));
        }
    }

    private static DataSource lookup(String name) throws NamingException {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException(DATASOURCE_KEY + " = " + name + ", but the server has no JDBC resource of"
                    + " that name (asadmin list-jdbc-resources)", e);
        }
    }

    private static DataSource dataSourceOf(Connector connector) throws NamingException {
        if (connector instanceof JNDIConnector jndi) {
            if (jndi.getDataSource() != null) {
                return jndi.getDataSource();
            }
            if (jndi.getName() != null) {
                return (DataSource) new InitialContext().lookup(jndi.getName());
            }
        }
        throw new IllegalStateException("The persistence unit has no JTA data source to migrate (" + connector + ")");
    }
}
