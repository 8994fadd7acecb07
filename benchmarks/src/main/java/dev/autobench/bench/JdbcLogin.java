package dev.autobench.bench;

import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The bench stack's PostgreSQL, read directly: the figures are checked against what was really stored. */
final class JdbcLogin {

    @Option(names = "--jdbc", required = true, description = "JDBC URL of the stack's database")
    String url;

    @Option(names = "--user", defaultValue = "autobench", description = "database user (default ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", defaultValue = "autobench", description = "its password (default ${DEFAULT-VALUE})")
    String password;

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
