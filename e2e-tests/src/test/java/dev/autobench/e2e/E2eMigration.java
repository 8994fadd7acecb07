package dev.autobench.e2e;

import dev.autobench.testsupport.ServiceRole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one migrator, as in the Kubernetes Job: the generator (its jar, or its native executable) with init-and-exit, logged in as
 * the database owner, for a database of a test's own. Then, as the deployment does, the owner lets
 * each service's role (created NOLOGIN by the migrations) log in; every service runs as its role.
 */
final class E2eMigration {

    private E2eMigration() {
    }

    /** @param env the datasource variables of the owner (and the cron secret a prod-profile service needs to start) */
    static void migrate(Map<String, String> env, Path logs) throws IOException, InterruptedException, SQLException {
        ProcessBuilder builder = new ProcessBuilder(ServiceProcess.command("generator-service"))
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("migrate.log").toFile());
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("AUTOBENCH_GENERATOR_SELECTION_SECRET", AutoBenchStack.SELECTION_SECRET);
        builder.environment().put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
        builder.environment().put("QUARKUS_FLYWAY_VALIDATE_AT_START", "false");
        builder.environment().put("QUARKUS_INIT_AND_EXIT", "true");
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("migration failed: " + Files.readString(logs.resolve("migrate.log")));
        }
        try (Connection c = DriverManager.getConnection(env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                env.get("QUARKUS_DATASOURCE_USERNAME"), env.get("QUARKUS_DATASOURCE_PASSWORD"));
             Statement st = c.createStatement()) {
            for (ServiceRole role : ServiceRole.values()) {
                st.execute("ALTER ROLE " + role.user() + " LOGIN PASSWORD '" + role.password() + "'");
            }
        }
    }

    /** The environment with the owner's login replaced by the service's own role. */
    static Map<String, String> asRole(Map<String, String> env, ServiceRole role) {
        Map<String, String> as = new HashMap<>(env);
        as.put("QUARKUS_DATASOURCE_USERNAME", role.user());
        as.put("QUARKUS_DATASOURCE_PASSWORD", role.password());
        return as;
    }
}
