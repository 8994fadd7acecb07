package dev.autobench.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL for the local run, from the same Maven artifacts the tests use, keeping its
 * data in a folder so that a day's tasks, votes and leaderboard survive a restart. It creates the
 * {@code autobench} role and database the services expect, then runs until the process is stopped.
 */
final class LocalDatabase {

    static final String ROLE = "autobench";

    private LocalDatabase() {
    }

    static void run(File data, int port, String password) throws Exception {
        if (!data.mkdirs() && !data.isDirectory()) {
            throw new IllegalStateException("cannot create " + data);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "postgres-stop"));
        ensureRoleAndDatabase(postgres, password);
        System.out.println("ready jdbc:postgresql://127.0.0.1:" + port + "/" + ROLE + " data=" + data);
        System.out.flush();
        stopped.await();
    }

    private static void ensureRoleAndDatabase(EmbeddedPostgres postgres, String password) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                st.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?")) {
                st.execute("CREATE DATABASE " + ROLE + " OWNER " + ROLE);
            }
            // The owner migrates, and the migrations create the services' roles; then the owner
            // lets them log in (RoleLogins). Also for a data folder made before the roles existed.
            st.execute("ALTER ROLE " + ROLE + " CREATEROLE");
        }
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ROLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
