package dev.autobench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The one migrator, as in the Kubernetes Job: the generator's jar with init-and-exit, for a database of a test's own. */
final class E2eMigration {

    private E2eMigration() {
    }

    /** @param env the datasource variables (and the cron secret a prod-profile service needs to start) */
    static void migrate(Map<String, String> env, Path logs) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ServiceProcess.javaCommand(ServiceProcess.jar("generator-service")))
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
    }
}
