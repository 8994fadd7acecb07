package dev.autobench.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the JVM's embedded PostgreSQL. Each service's
 * test JVM gets one empty database, migrated by the application under test, and keeps it across
 * test classes so that Quarkus restarts do not cost a new server.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static String jdbcUrl;

    @Override
    public Map<String, String> start() {
        synchronized (PostgresTestResource.class) {
            if (jdbcUrl == null) {
                jdbcUrl = TestPostgres.freshDatabase("autobench");
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", TestPostgres.user(),
                "quarkus.datasource.password", TestPostgres.password());
    }

    /** The JDBC URL handed to the application, for tests that look at the database directly. */
    public static synchronized String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void stop() {
        // The server lives as long as the JVM; see TestPostgres.
    }
}
