package dev.autobench.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** How many votes the database holds: run before and after the vote load, the difference is what was stored. */
final class StoredVotes {

    private StoredVotes() {
    }

    static long count(Connection connection) throws SQLException {
        try (connection; Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM votes")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
