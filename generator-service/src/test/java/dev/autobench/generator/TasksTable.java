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
}
