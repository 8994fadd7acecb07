package dev.autobench.local;

import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The database owner's login, given on the command line by {@code ./autobench} (never a service's password). */
final class OwnerLogin {

    @Option(names = "--url", required = true, description = "JDBC URL of the AutoBench database")
    String url;

    @Option(names = "--user", required = true, description = "the database owner")
    String user;

    @Option(names = "--password", required = true, description = "the owner's password")
    String password;

    OwnerLogin() {
    }

    OwnerLogin(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
