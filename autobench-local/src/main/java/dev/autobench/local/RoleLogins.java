package dev.autobench.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets each service's database role log in with its password, as the database owner, once the
 * migrations have created the roles (NOLOGIN). The passwords come from a file of
 * {@code role=password} lines (the local run's {@code .autobench/db-roles.env}), never from the
 * command line, where every process could read them.
 */
final class RoleLogins {

    static final List<String> ROLES =
            List.of("autobench_generator", "autobench_dispatcher", "autobench_renderer", "autobench_arena");

    private RoleLogins() {
    }

    static void apply(OwnerLogin login, Path file, PrintStream out) throws SQLException, IOException {
        Map<String, String> passwords = read(file);
        try (Connection c = login.connect();
             Statement st = c.createStatement()) {
            for (String role : ROLES) {
                String password = passwords.get(role);
                if (password == null || password.isBlank()) {
                    throw new IllegalArgumentException("no password for " + role + " in " + file);
                }
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                    if (!rs.next()) {
                        throw new IllegalStateException("role " + role + " does not exist: migrate first");
                    }
                }
                st.execute("ALTER ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
        }
        out.println("service roles can log in: " + String.join(", ", ROLES));
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                passwords.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return passwords;
    }
}
