package dev.autobench.arena.ui;

import dev.autobench.testsupport.ServiceRole;
import dev.autobench.testsupport.TestPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A database of the browser tests' own inside the JVM's embedded PostgreSQL: the pages are judged
 * on exactly the models, tasks and votes {@link UiFixtures} seeds, whatever other test classes
 * of this module leave in the shared one. Migrated as the owner; the arena logs in as its own role.
 */
public class UiDatabase implements QuarkusTestResourceLifecycleManager {

    private static String jdbcUrl;

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", ServiceRole.ARENA.user(),
                "quarkus.datasource.password", ServiceRole.ARENA.password());
    }

    static synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            jdbcUrl = TestPostgres.migratedDatabase("arena_ui");
        }
        return jdbcUrl;
    }

    @Override
    public void stop() {
        // the embedded server lives as long as the JVM
    }
}
