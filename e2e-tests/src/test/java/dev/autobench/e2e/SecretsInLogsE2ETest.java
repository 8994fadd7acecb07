package dev.autobench.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.autobench.testsupport.ServiceRole;
import dev.autobench.testsupport.TestPostgres;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole day's dispatch through the packaged generator and dispatcher, in the production profile
 * with AutoBench's own code logging at DEBUG, where two providers echo the caller's key back in
 * their error bodies (as OpenAI's 401 does) and two succeed: not one secret (the four provider
 * keys, the cron secret, the admin token) appears in any log line of any process.
 */
class SecretsInLogsE2ETest {

    private static final String SECRET_CRON = "e2e-logs-cron-secret-7f3a9c1d2e";
    private static final String SECRET_ADMIN = "e2e-logs-admin-token-4b8e6a0f1c";

    private static ProviderFakes succeeding;
    private static WireMockServer echoing;
    private static ServiceProcess generator;
    private static ServiceProcess dispatcher;
    private static Path logs;

    @BeforeAll
    static void start() throws Exception {
        logs = Files.createDirectories(E2eSupport.root().resolve("e2e-tests/target/e2e-logs/secrets"));
        succeeding = new ProviderFakes();
        echoing = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        echoing.start();
        echoing.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + ProviderFakes.OPENAI_KEY + "\"}}")));
        echoing.stubFor(post(urlPathEqualTo("/chat/completions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"upstream failed for key " + ProviderFakes.DEEPSEEK_KEY + "\"}}")));

        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", TestPostgres.freshDatabase("secrets_logs"));
        env.put("QUARKUS_DATASOURCE_USERNAME", TestPostgres.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password());
        env.put("AUTOBENCH_CRON_SECRET", SECRET_CRON);
        env.put("AUTOBENCH_ADMIN_TOKEN", SECRET_ADMIN);
        env.put("AUTOBENCH_GENERATOR_SELECTION_SECRET", AutoBenchStack.SELECTION_SECRET);
        env.put("QUARKUS_LOG_CATEGORY__DEV_AUTOBENCH__LEVEL", "DEBUG");
        E2eMigration.migrate(env, logs);
        generator = new ServiceProcess("generator-service", E2eSupport.freePort(), with(E2eMigration.asRole(env, ServiceRole.GENERATOR), Map.of(
                "AUTOBENCH_GENERATOR_SCHEDULE_ENABLED", "false")), logs);
        dispatcher = new ServiceProcess("dispatcher-service", E2eSupport.freePort(), with(E2eMigration.asRole(env, ServiceRole.DISPATCHER), Map.ofEntries(
                Map.entry("OPENAI_API_KEY", ProviderFakes.OPENAI_KEY),
                Map.entry("ANTHROPIC_API_KEY", ProviderFakes.ANTHROPIC_KEY),
                Map.entry("GEMINI_API_KEY", ProviderFakes.GEMINI_KEY),
                Map.entry("DEEPSEEK_API_KEY", ProviderFakes.DEEPSEEK_KEY),
                Map.entry("AUTOBENCH_PROVIDERS_OPENAI_BASE_URL", echoing.baseUrl()),
                Map.entry("AUTOBENCH_PROVIDERS_DEEPSEEK_BASE_URL", echoing.baseUrl()),
                Map.entry("AUTOBENCH_PROVIDERS_ANTHROPIC_BASE_URL", succeeding.baseUrl()),
                Map.entry("AUTOBENCH_PROVIDERS_GOOGLE_BASE_URL", succeeding.baseUrl()),
                Map.entry("AUTOBENCH_DISPATCH_MAX_ATTEMPTS", "2"),
                Map.entry("AUTOBENCH_DISPATCH_INITIAL_BACKOFF", "100ms"),
                Map.entry("AUTOBENCH_DEMO_ENABLED", "false"),
                Map.entry("AUTOBENCH_RENDERER_URL", "http://localhost:" + E2eSupport.freePort()))), logs);
        generator.start();
        dispatcher.start();
        generator.awaitReady(ServiceProcess.READY_TIMEOUT);
        dispatcher.awaitReady(ServiceProcess.READY_TIMEOUT);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess process : new ServiceProcess[] {generator, dispatcher}) {
            if (process != null) {
                process.close();
            }
        }
        if (echoing != null) {
            echoing.stop();
        }
        if (succeeding != null) {
            succeeding.close();
        }
    }

    @Test
    void noSecretReachesAnyLogOfAWholeDispatch() throws Exception {
        RestAssured.given().header("x-cron-secret", SECRET_CRON).post(generator.url("/api/generate"))
                .then().statusCode(200);
        RestAssured.given().header("x-cron-secret", "wrong-" + SECRET_CRON).post(dispatcher.url("/api/dispatch"))
                .then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer wrong-" + SECRET_ADMIN).contentType("application/json")
                .body("{}").put(dispatcher.url("/api/models/x")).then().statusCode(401);
        var summary = RestAssured.given().header("x-cron-secret", SECRET_CRON).post(dispatcher.url("/api/dispatch"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(summary.getInt("succeeded")).as("the succeeding providers were called").isPositive();
        assertThat(summary.getInt("failed")).as("the key-echoing providers were called").isPositive();
        assertThat(echoing.getAllServeEvents()).isNotEmpty();
        String metrics = RestAssured.given().accept("text/plain").get(dispatcher.url("/q/metrics")).asString();

        generator.close();
        dispatcher.close(); // flushes and ends the logs, shutdown lines included
        String everyLog;
        try (Stream<Path> files = Files.list(logs)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
            everyLog = all.toString();
        }
        assertThat(everyLog).contains("dispatch");
        for (String secret : List.of(ProviderFakes.OPENAI_KEY, ProviderFakes.ANTHROPIC_KEY, ProviderFakes.GEMINI_KEY,
                ProviderFakes.DEEPSEEK_KEY, SECRET_CRON, SECRET_ADMIN)) {
            assertThat(everyLog).as("logs").doesNotContain(secret);
            assertThat(metrics).as("metrics").doesNotContain(secret);
        }
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(base);
        env.putAll(extra);
        return env;
    }
}
