package dev.autobench.generator;

import dev.autobench.testsupport.PostgresTestResource;
import dev.autobench.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Looks at the tasks table directly, behind the service's back. */
public final class TasksTable {

    private TasksTable() {
    }

    /** A task row written as if an earlier process had generated it at {@code generatedAt}. */
    public static void insertGeneratedAt(LocalDate date, java.time.Instant generatedAt) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), TestPostgres.user(),
                TestPostgres.password());
             PreparedStatement st = c.prepareStatement("""
                     INSERT INTO tasks (task_date, slot, title, category, spec, status, generated_at)
                     VALUES (?, 1, 'earlier task', 'game', '{}'::jsonb, 'generated', ?)
                     ON CONFLICT (task_date, slot) DO UPDATE SET generated_at = excluded.generated_at""")) {
            st.setObject(1, date);
            st.setObject(2, java.time.OffsetDateTime.ofInstant(generatedAt, java.time.ZoneOffset.UTC));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int countFor(LocalDate date) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), TestPostgres.user(),
                TestPostgres.password());
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM tasks WHERE task_date = ?")) {
            st.setObject(1, date);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A slot taken by an earlier process that died before it stored the spec. */
    public static java.util.UUID insertPending(LocalDate date, int slot) {
        return returningId("INSERT INTO tasks (task_date, slot, status) VALUES (?, ?, 'pending') RETURNING id",
                date, slot, null);
    }

    /** A generated task in {@code category}, as an earlier process would have written it. */
    public static java.util.UUID insertGenerated(LocalDate date, int slot, String category) {
        return returningId("""
                INSERT INTO tasks (task_date, slot, title, category, spec, status, generated_at)
                VALUES (?, ?, 'earlier task', ?, '{}'::jsonb, 'generated', now()) RETURNING id""", date, slot, category);
    }

    public static void delete(java.util.UUID id) {
        execute("DELETE FROM tasks WHERE id = '" + id + "'");
    }

    /** "slot status hasSpec hasGeneratedAt" per row of the day, by slot. */
    public static java.util.List<String> rowsOf(LocalDate date) {
        try (Connection c = owner();
             PreparedStatement st = c.prepareStatement("""
                     SELECT slot, status, spec IS NOT NULL, generated_at IS NOT NULL FROM tasks
                     WHERE task_date = ? ORDER BY slot""")) {
            st.setObject(1, date);
            java.util.List<String> rows = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getString(2) + " spec=" + rs.getBoolean(3)
                            + " generatedAt=" + rs.getBoolean(4));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.UUID returningId(String sql, LocalDate date, int slot, String category) {
        try (Connection c = owner(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, date);
            st.setInt(2, slot);
            if (category != null) {
                st.setString(3, category);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, java.util.UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = owner(); PreparedStatement st = c.prepareStatement(sql)) {
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl(), TestPostgres.user(), TestPostgres.password());
    }
}
