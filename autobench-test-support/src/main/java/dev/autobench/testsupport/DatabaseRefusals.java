package dev.autobench.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on what a service's own database login may and may not do. */
public final class DatabaseRefusals {

    /** SQLSTATE of PostgreSQL's "permission denied". */
    public static final String INSUFFICIENT_PRIVILEGE = "42501";

    private DatabaseRefusals() {
    }

    /** The statement is refused by the database for want of a privilege (not for any other reason). */
    public static void assertRefused(DataSource login, String sql) {
        assertThatThrownBy(() -> execute(login, sql))
                .as(sql)
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    /** The user the data source logs in as. */
    public static String currentUser(DataSource login) throws SQLException {
        try (Connection c = login.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(DataSource login, String sql) throws SQLException {
        try (Connection c = login.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
