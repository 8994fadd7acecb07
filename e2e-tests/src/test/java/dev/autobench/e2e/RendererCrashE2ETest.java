package dev.autobench.e2e;

import dev.autobench.testsupport.ServiceRole;
import dev.autobench.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged renderer SIGKILLed in the middle of a render run and started again: the claims it
 * held run out their lease and are taken over, the artifacts it had finished are not rendered
 * again, and every succeeded submission ends with exactly one rendered artifact.
 */
class RendererCrashE2ETest {

    private static final int SUBMISSIONS = 8;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static String jdbcUrl;
    private static ServiceProcess renderer;

    @BeforeAll
    static void start() throws Exception {
        Path logs = Files.createDirectories(E2eSupport.root().resolve("e2e-tests/target/e2e-logs/renderer-crash"));
        jdbcUrl = TestPostgres.freshDatabase("renderer_crash");
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", TestPostgres.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password());
        env.put("AUTOBENCH_CRON_SECRET", AutoBenchStack.CRON_SECRET);
        E2eMigration.migrate(env, logs);
        seed();
        env = E2eMigration.asRole(env, ServiceRole.RENDERER);
        env.put("AUTOBENCH_CHROMIUM_PATH", E2eSupport.chromium());
        env.put("AUTOBENCH_RENDERER_CONCURRENCY", "2");
        // every render lasts a few seconds, so the kill lands while claims are held
        env.put("AUTOBENCH_RENDERER_SETTLE_TIME", "2500ms");
        env.put("AUTOBENCH_RENDERER_TIMEOUT", "30s");
        env.put("AUTOBENCH_RENDERER_LEASE", "5s");
        env.put("AUTOBENCH_RENDERER_POLL_INTERVAL", "off");
        renderer = new ServiceProcess("renderer-service", E2eSupport.freePort(), env, logs);
        renderer.start().awaitReady(ServiceProcess.READY_TIMEOUT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (renderer != null) {
            renderer.close();
        }
    }

    @Test
    void aRendererKilledMidRenderLosesNothingAndRendersNothingTwice() throws Exception {
        CompletableFuture<HttpResponse<String>> run = HTTP.sendAsync(renderCall(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM artifacts WHERE status = 'rendering'") > 0
                        && count("SELECT count(*) FROM artifacts WHERE status = 'rendered'") > 0);
        List<ProcessHandle> browsers = browsersOfTheRenderer();
        renderer.kill();
        // the browsers outlive a SIGKILLed renderer (they are reparented, not killed): end them as the node's
        // death would, so they do not linger on this machine
        browsers.forEach(RendererCrashE2ETest::destroyTree);
        run.handle((r, e) -> null).join();

        Map<String, String> finishedBeforeKill = finished();
        long heldAtKill = count("SELECT count(*) FROM artifacts WHERE status = 'rendering'");
        assertThat(heldAtKill).as("claims the killed renderer left behind").isPositive();
        assertThat(finishedBeforeKill.size()).isLessThan(SUBMISSIONS);

        renderer.start().awaitReady(ServiceProcess.READY_TIMEOUT);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> answer = HTTP.send(renderCall(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return count("SELECT count(*) FROM artifacts WHERE status = 'rendered'") == SUBMISSIONS;
        });

        assertThat(count("SELECT count(*) FROM submissions s WHERE s.status = 'succeeded' AND "
                + "(SELECT count(*) FROM artifacts a WHERE a.submission_id = s.id AND a.status = 'rendered') = 1"))
                .as("succeeded submissions with exactly one rendered artifact").isEqualTo(SUBMISSIONS);
        assertThat(count("SELECT count(*) FROM artifacts")).isEqualTo(SUBMISSIONS);
        Map<String, String> after = finished();
        finishedBeforeKill.forEach((submission, renderedAt) ->
                assertThat(after.get(submission)).as("artifact of %s rendered once, before the kill", submission)
                        .isEqualTo(renderedAt));
    }

    /** The Chromium processes the renderer JVM (a child of this test JVM) has started. */
    private static List<ProcessHandle> browsersOfTheRenderer() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("renderer-service"))
                .flatMap(ProcessHandle::children)
                .filter(p -> p.info().commandLine().orElse("").contains("autobench-render-"))
                .toList();
    }

    private static void destroyTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    private static HttpRequest renderCall() {
        return HttpRequest.newBuilder(renderer.url("/api/render")).timeout(Duration.ofSeconds(90))
                .header("x-cron-secret", AutoBenchStack.CRON_SECRET).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Finished artifacts: submission → when and what was rendered (any second render would change it). */
    private static Map<String, String> finished() throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT submission_id, rendered_at, id FROM artifacts WHERE status = 'rendered'")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, TestPostgres.user(), TestPostgres.password());
    }

    private static void seed() throws SQLException {
        try (Connection c = db()) {
            UUID task = insert(c, """
                    INSERT INTO tasks (task_date, slot, title, category, spec, status, generated_at)
                    VALUES (?, 1, 'A page', 'ui', '{"prompt": "Build a page"}'::jsonb, 'generated', now()) RETURNING id""",
                    LocalDate.now(ZoneOffset.UTC));
            for (int m = 0; m < SUBMISSIONS; m++) {
                UUID model = insert(c, "INSERT INTO models (slug, provider, api_model, display_name) VALUES (?, 'openai', ?, ?) RETURNING id",
                        "crash-" + m, "crash-" + m, "Crash " + m);
                insert(c, """
                        INSERT INTO submissions (task_id, model_id, status, code, input_tokens, output_tokens, cost_usd,
                                                 latency_ms, finished_at)
                        VALUES (?, ?, 'succeeded', ?, 10, 10, 0.001, 100, now()) RETURNING id""",
                        task, model, "<!doctype html><h1>Page " + m + "</h1><script>document.title = 'p" + m + "';</script>");
            }
        }
    }

    private static UUID insert(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
