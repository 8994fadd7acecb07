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
