package dev.autobench.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

/** How many votes the database holds: run before and after the vote load, the difference is what was stored. */
@Command(name = "stored-votes", mixinStandardHelpOptions = true, description = "Print the number of rows in votes.")
public final class StoredVotes implements Callable<Integer> {

    @Mixin
    JdbcLogin database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        spec.commandLine().getOut().println(count(database.connect()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    public static long count(Connection connection) throws SQLException {
        try (connection; Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM votes")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
