package dev.autobench.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the JVM's embedded PostgreSQL, logged in as its
 * service's own role. Like production, exactly one party migrates: this resource, as the
 * database owner, before the application starts; the application only validates. Each service's
 * test JVM gets one database and keeps it across test classes so that Quarkus restarts do not
 * cost a new server.
 *
 * <p>The service is named by the init arg {@value #ROLE} (a {@link ServiceRole} user, e.g.
 * {@code autobench_renderer}); without it the application logs in as the owner.
 *
 * <p>Fixtures are written as the owner ({@link #jdbcUrl()} with {@link TestPostgres#user()} /
 * {@link TestPostgres#password()}, or {@link #ownerDataSource()}), never through the service's
 * own datasource, which may not write them.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg naming the role the application under test logs in as. */
    public static final String ROLE = "role";

    private static String jdbcUrl;
    private static ServiceRole serviceRole;

    private ServiceRole role;

    @Override
    public void init(Map<String, String> initArgs) {
        String name = initArgs.get(ROLE);
        role = name == null || name.isBlank() ? null : ServiceRole.ofUser(name);
    }

    @Override
    public Map<String, String> start() {
        synchronized (PostgresTestResource.class) {
            if (jdbcUrl == null) {
                jdbcUrl = TestPostgres.migratedDatabase("autobench");
            }
            serviceRole = role;
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", role == null ? TestPostgres.user() : role.user(),
                "quarkus.datasource.password", role == null ? TestPostgres.password() : role.password());
    }

    /** The JDBC URL handed to the application, for tests that look at the database directly. */
    public static synchronized String jdbcUrl() {
        return jdbcUrl;
    }

    /** The database as its owner: for fixtures and for looking at rows the service may not read. */
    public static DataSource ownerDataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser(TestPostgres.user());
        ds.setPassword(TestPostgres.password());
        return ds;
    }

    /** The login of the application under test: its service's role (the owner when none was named). */
    public static synchronized String serviceUser() {
        return serviceRole == null ? TestPostgres.user() : serviceRole.user();
    }

    /** The password of {@link #serviceUser()}. */
    public static synchronized String servicePassword() {
        return serviceRole == null ? TestPostgres.password() : serviceRole.password();
    }

    @Override
    public void stop() {
        // The server lives as long as the JVM; see TestPostgres.
    }
}
