package dev.autobench.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The bench stack's PostgreSQL, read directly: the figures are checked against what was really stored. */
final class Database {

    private Database() {
    }

    static Connection connect(Options options) throws SQLException {
        return DriverManager.getConnection(options.required("jdbc"), options.get("user", "autobench"),
                options.get("password", "autobench"));
    }
}
