package dev.autobench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.testsupport.ServiceRole;
import dev.autobench.testsupport.TestPostgres;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The production topology on one machine: a migrated PostgreSQL database, the four packaged
 * services as separate JVMs configured only through environment variables, and the providers
 * played by WireMock.
 */
final class AutoBenchStack implements AutoCloseable {

    static final String CRON_SECRET = "e2e-cron-secret-0123456789abcdef";
    static final String SELECTION_SECRET = "e2e-selection-secret-0123456789abcdef0123";
    static final String ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    final ProviderFakes providers = new ProviderFakes();
    final String jdbcUrl = TestPostgres.freshDatabase("e2e");
    final Path logs;
    final ServiceProcess generator;
    final ServiceProcess dispatcher;
    final ServiceProcess renderer;
    final ServiceProcess arena;
    private final List<ServiceProcess> all = new ArrayList<>();

    AutoBenchStack(Map<String, String> dispatcherExtra, Map<String, String> arenaExtra) throws Exception {
        this(dispatcherExtra, arenaExtra, Map.of());
    }

    /** As above, with extra environment for the renderer too. */
    AutoBenchStack(Map<String, String> dispatcherExtra, Map<String, String> arenaExtra,
                   Map<String, String> rendererExtra) throws Exception {
        this(dispatcherExtra, arenaExtra, rendererExtra, Set.of("generator-service", "dispatcher-service",
                "renderer-service", "arena-service"));
    }

    /**
     * Only the named services are launched (the others are configured, never started): a test about one
     * service's edges spends no CPU on JVMs it does not call.
     */
    AutoBenchStack(Map<String, String> dispatcherExtra, Map<String, String> arenaExtra, Set<String> started)
            throws Exception {
        this(dispatcherExtra, arenaExtra, Map.of(), started);
    }

    AutoBenchStack(Map<String, String> dispatcherExtra, Map<String, String> arenaExtra,
                   Map<String, String> rendererExtra, Set<String> started) throws Exception {
        this(Map.of(), dispatcherExtra, arenaExtra, rendererExtra, started);
    }

    /** As above, with extra environment for the generator too (its task author, for one). */
    AutoBenchStack(Map<String, String> generatorExtra, Map<String, String> dispatcherExtra,
                   Map<String, String> arenaExtra, Map<String, String> rendererExtra, Set<String> started)
            throws Exception {
        logs = Files.createDirectories(E2eSupport.root().resolve("e2e-tests/target/e2e-logs"));
        migrate();
        Map<String, String> common = commonEnv();
        int rendererPort = E2eSupport.freePort();

        generator = new ServiceProcess("generator-service", E2eSupport.freePort(), with(with(asRole(common, ServiceRole.GENERATOR), Map.of(
                "AUTOBENCH_GENERATOR_SCHEDULE_ENABLED", "false",
                "AUTOBENCH_RENDERER_URL", "http://localhost:" + rendererPort,
                // a task author, when a test turns one on, calls the fakes and never a real provider
                "AUTOBENCH_PROVIDERS_OPENAI_BASE_URL", providers.baseUrl(),
                "AUTOBENCH_PROVIDERS_ANTHROPIC_BASE_URL", providers.baseUrl(),
                "AUTOBENCH_PROVIDERS_GOOGLE_BASE_URL", providers.baseUrl(),
                "AUTOBENCH_PROVIDERS_DEEPSEEK_BASE_URL", providers.baseUrl())), generatorExtra), logs);

        Map<String, String> dispatcherEnv = with(asRole(common, ServiceRole.DISPATCHER), Map.of(
                "OPENAI_API_KEY", ProviderFakes.OPENAI_KEY,
                "ANTHROPIC_API_KEY", ProviderFakes.ANTHROPIC_KEY,
                "GEMINI_API_KEY", ProviderFakes.GEMINI_KEY,
                "DEEPSEEK_API_KEY", ProviderFakes.DEEPSEEK_KEY,
                "AUTOBENCH_PROVIDERS_OPENAI_BASE_URL", providers.baseUrl(),
                "AUTOBENCH_PROVIDERS_ANTHROPIC_BASE_URL", providers.baseUrl(),
                "AUTOBENCH_PROVIDERS_GOOGLE_BASE_URL", providers.baseUrl(),
                "AUTOBENCH_PROVIDERS_DEEPSEEK_BASE_URL", providers.baseUrl(),
                "AUTOBENCH_DEMO_ENABLED", "false",
                "AUTOBENCH_RENDERER_URL", "http://localhost:" + rendererPort));
        dispatcher = new ServiceProcess("dispatcher-service", E2eSupport.freePort(), with(dispatcherEnv, dispatcherExtra), logs);

        renderer = new ServiceProcess("renderer-service", rendererPort, with(with(asRole(common, ServiceRole.RENDERER), Map.of(
                "AUTOBENCH_CHROMIUM_PATH", E2eSupport.chromium())), rendererExtra), logs);

        arena = new ServiceProcess("arena-service", E2eSupport.freePort(), with(asRole(common, ServiceRole.ARENA), arenaExtra), logs);

        List.of(generator, dispatcher, renderer, arena).stream().filter(service -> started.contains(service.name))
                .forEach(all::add);
        for (ServiceProcess service : all) {
            service.start();
        }
        for (ServiceProcess service : all) {
            service.awaitReady(ServiceProcess.READY_TIMEOUT);
        }
    }

    /** The environment every service shares, with the database owner's login (services replace it with their role's). */
    private Map<String, String> commonEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", TestPostgres.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password());
        env.put("AUTOBENCH_CRON_SECRET", CRON_SECRET);
        env.put("AUTOBENCH_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("AUTOBENCH_ARENA_SIGNING_KEY", "e2e-signing-key-0123456789abcdef0123456789");
        env.put("AUTOBENCH_ARENA_IP_HASH_SALT", "e2e-ip-salt-0123456789");
        env.put("AUTOBENCH_GENERATOR_SELECTION_SECRET", SELECTION_SECRET);
        // one test host plays many fresh voters: the per-address cookie and match limits and the cookie age are off
        env.put("AUTOBENCH_ARENA_COOKIE_MIN_AGE_TO_COUNT", "0s");
        env.put("AUTOBENCH_ARENA_RATE_LIMIT_COOKIES_PER_MINUTE", "1000000");
        env.put("AUTOBENCH_ARENA_RATE_LIMIT_COOKIES_PER_HOUR", "1000000");
        env.put("AUTOBENCH_ARENA_RATE_LIMIT_MATCHES_PER_MINUTE", "1000000");
        env.put("AUTOBENCH_ARENA_RATE_LIMIT_MATCHES_PER_HOUR", "1000000");
        return env;
    }

    private static Map<String, String> asRole(Map<String, String> env, ServiceRole role) {
        return E2eMigration.asRole(env, role);
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(base);
        env.putAll(extra);
        return env;
    }

    /** The one migrator, as in the Kubernetes Job: the generator's jar with init-and-exit, as the owner. */
    private void migrate() throws IOException, InterruptedException, SQLException {
        E2eMigration.migrate(commonEnv(), logs);
    }

    /**
     * One active model per named provider, with a call timeout of 10 s; the others retired. All through
     * the dispatcher's admin API, as an operator would.
     */
    void keepOneActiveModelPer(Set<String> providers) throws IOException {
        JsonNode models = JSON.readTree(RestAssured.get(dispatcher.url("/api/models")).asString());
        Map<String, Boolean> kept = new HashMap<>();
        for (JsonNode model : models) {
            String provider = model.path("provider").asText();
            boolean keep = providers.contains(provider) && model.path("active").asBoolean()
                    && kept.putIfAbsent(provider, true) == null;
            if (keep || model.path("active").asBoolean()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = JSON.convertValue(model, Map.class);
                body.put("active", keep);
                body.put("timeoutSeconds", 10);
                RestAssured.given().header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .contentType("application/json").body(body)
                        .put(dispatcher.url("/api/models/" + model.path("slug").asText()))
                        .then().statusCode(200);
            }
        }
        if (kept.size() != providers.size()) {
            throw new IllegalStateException("no active model to keep for some of " + providers + ": kept " + kept.keySet());
        }
    }

    Response cron(ServiceProcess service, String path) {
        return RestAssured.given().baseUri(service.baseUrl())
                .header("x-cron-secret", CRON_SECRET)
                .when().post(path);
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, TestPostgres.user(), TestPostgres.password());
    }

    long count(String sql) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : all) {
            service.close();
        }
        providers.close();
    }
}
