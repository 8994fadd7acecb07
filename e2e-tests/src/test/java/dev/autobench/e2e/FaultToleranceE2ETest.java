package dev.autobench.e2e;

import dev.autobench.testsupport.ServiceRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The arena's packaged jar against a PostgreSQL that is stopped and started again on the same
 * data directory and port while visitors keep voting.
 *
 * <p>The server is this test's own embedded PostgreSQL (the library the local run's
 * {@code autobench-local db} uses), not the shared TestPostgres singleton, because only a server of
 * its own can be stopped; it is driven in-process because {@code autobench-local} is built after
 * this module in the reactor.
 *
 * <p>Invariant proved, per (voter, match) pair a client tried to vote on:
 * <ul>
 *   <li>a 201 received ⇒ exactly one row in {@code votes};</li>
 *   <li>a row in {@code votes} ⇒ the client received a 201, or one of its attempts ended in a 503 or an
 *       I/O error and a retry of the same token then received 409 (the commit raced the outage);</li>
 *   <li>no pair has two rows, and no other status than 201, 409, 503 is ever answered to a vote;</li>
 *   <li>while the database is down every API call answers 503 problem+json with Retry-After within
 *       the client's timeout (no hang, no 500), and the service recovers with no restart of its own.</li>
 * </ul>
 */
class FaultToleranceE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int VISITORS = 6;

    private static Path dataDir;
    private static int pgPort;
    private static EmbeddedPostgres postgres;
    private static ServiceProcess arena;

    @BeforeAll
    static void start() throws Exception {
        Path logs = Files.createDirectories(E2eSupport.root().resolve("e2e-tests/target/e2e-logs/fault"));
        dataDir = Files.createTempDirectory("autobench-fault-pg");
        pgPort = E2eSupport.freePort();
        postgres = startPostgres();
        E2eMigration.migrate(Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(), "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres", "AUTOBENCH_CRON_SECRET", AutoBenchStack.CRON_SECRET), logs);
        seed();
        arena = new ServiceProcess("arena-service", E2eSupport.freePort(), Map.ofEntries(
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl()),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", ServiceRole.ARENA.user()),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", ServiceRole.ARENA.password()),
                Map.entry("AUTOBENCH_CRON_SECRET", AutoBenchStack.CRON_SECRET),
                Map.entry("AUTOBENCH_ADMIN_TOKEN", AutoBenchStack.ADMIN_TOKEN),
                Map.entry("AUTOBENCH_ARENA_SIGNING_KEY", "e2e-signing-key-0123456789abcdef0123456789"),
                Map.entry("AUTOBENCH_ARENA_IP_HASH_SALT", "e2e-ip-salt-0123456789"),
                Map.entry("AUTOBENCH_ARENA_MIN_VIEW_TIME", "0s"),
                Map.entry("AUTOBENCH_ARENA_COOKIE_MIN_AGE_TO_COUNT", "0s"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_COOKIES_PER_MINUTE", "100000"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_COOKIES_PER_HOUR", "100000"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_MATCHES_PER_MINUTE", "100000"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_MATCHES_PER_HOUR", "100000"),
                Map.entry("AUTOBENCH_ARENA_COOKIE_SECURE", "false"),
                Map.entry("AUTOBENCH_ARENA_PAIRING_EVERY", "off"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_VOTER_PER_MINUTE", "100000"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_VOTER_PER_HOUR", "100000"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_IP_PER_MINUTE", "100000"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_IP_PER_HOUR", "100000")), logs);
        arena.start().awaitReady(ServiceProcess.READY_TIMEOUT);
        HttpResponse<String> paired = send(HttpRequest.newBuilder(arena.url("/api/pairs/generate"))
                .header("x-cron-secret", AutoBenchStack.CRON_SECRET).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(paired.statusCode()).as(paired.body()).isEqualTo(200);
        assertThat(JSON.readTree(paired.body()).path("created").asInt()).isGreaterThan(0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (arena != null) {
            arena.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void votesSurviveAPostgresRestart() throws Exception {
        Map<String, Attempted> attempts = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger unexpected = new AtomicInteger();
        List<String> unexpectedSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(VISITORS);
        List<Future<?>> visitors = new ArrayList<>();
        for (int i = 0; i < VISITORS; i++) {
            visitors.add(pool.submit(() -> visit(running, attempts, unexpected, unexpectedSamples)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count201(attempts) >= 20);

        postgres.close();
        postgres = null;
        // while it is down: every public and machine call answers 503 problem+json with Retry-After, promptly
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertUnavailable(HttpRequest.newBuilder(arena.url("/api/arena/match"))));
        // the leaderboard and today's tasks may be answered from the arena's cache: fresh enough, or a 503
        assertCachedOrUnavailable(HttpRequest.newBuilder(arena.url("/api/leaderboard")));
        assertCachedOrUnavailable(HttpRequest.newBuilder(arena.url("/api/tasks/today")));
        assertUnavailable(HttpRequest.newBuilder(arena.url("/api/pairs/generate"))
                .header("x-cron-secret", AutoBenchStack.CRON_SECRET).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(send(HttpRequest.newBuilder(arena.url("/q/health/ready"))).statusCode()).isEqualTo(503);
        assertThat(arena.alive()).isTrue();

        postgres = startPostgres();
        // recovers by itself: the same process, no restart
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(send(HttpRequest.newBuilder(arena.url("/q/health/ready"))).statusCode()).isEqualTo(200));
        int before = count201(attempts);
        await().atMost(Duration.ofSeconds(60)).until(() -> count201(attempts) >= before + 20);
        running.set(false);
        for (Future<?> visitor : visitors) {
            visitor.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(unexpected.get()).as("unexpected answers: %s", unexpectedSamples).isZero();
        Map<String, Integer> stored = storedVotes();
        List<String> violations = new ArrayList<>();
        for (Attempted a : attempts.values()) {
            int rows = stored.getOrDefault(a.key, 0);
            if (a.got201 && rows != 1) {
                violations.add(a.key + " got 201 but has " + rows + " rows");
            }
            if (!a.got201 && rows == 1 && !(a.gotUnavailable && a.got409)) {
                violations.add(a.key + " stored without a 201 (" + a + ")");
            }
            if (a.got409 && !a.gotUnavailable) {
                violations.add(a.key + " got 409 on its first successful delivery (" + a + ")");
            }
        }
        Set<String> attemptedKeys = new HashSet<>(attempts.keySet());
        stored.forEach((key, rows) -> {
            if (rows > 1) {
                violations.add(key + " stored " + rows + " times");
            }
            if (!attemptedKeys.contains(key)) {
                violations.add(key + " stored but never voted by a client");
            }
        });
        assertThat(violations).isEmpty();
        assertThat(attempts.values().stream().filter(a -> a.gotUnavailable).count())
                .as("some votes met the outage").isPositive();
        assertThat(stored.size()).isEqualTo((int) attempts.values().stream()
                .filter(a -> a.got201 || (a.gotUnavailable && a.got409)).count());
    }

    /** One visitor after another: take a match, vote on it, retry the same token after a 503 or I/O error. */
    private static void visit(AtomicBoolean running, Map<String, Attempted> attempts, AtomicInteger unexpected,
                              List<String> samples) {
        String cookie = null;
        while (running.get()) {
            HttpResponse<String> match;
            try {
                HttpRequest.Builder get = HttpRequest.newBuilder(arena.url("/api/arena/match"));
                if (cookie != null) {
                    get.header("Cookie", cookie);
                }
                match = send(get);
            } catch (Exception outage) {
                pause();
                continue;
            }
            if (match.statusCode() == 503) {
                pause();
                continue;
            }
            if (match.statusCode() == 204) {
                cookie = null; // this visitor has seen everything: a new one arrives
                continue;
            }
            if (match.statusCode() != 200) {
                unexpected.incrementAndGet();
                samples.add("match " + match.statusCode() + " " + match.body());
                continue;
            }
            String setCookie = match.headers().firstValue("Set-Cookie").orElse(null);
            if (setCookie != null) {
                cookie = setCookie.substring(0, setCookie.indexOf(';'));
            }
            JsonNode body;
            try {
                body = JSON.readTree(match.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String voterId = voterOf(cookie);
            Attempted attempt = new Attempted(body.path("matchId").asText() + "/" + voterId);
            attempts.put(attempt.key, attempt);
            String vote = "{\"voteToken\":\"" + body.path("voteToken").asText() + "\",\"outcome\":\"left\"}";
            // the client retries the same token until an answer settles it: 201, or 409 if an earlier attempt was stored
            long giveUp = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (!attempt.settled() && System.nanoTime() < giveUp) {
                try {
                    HttpResponse<String> answer = send(HttpRequest.newBuilder(arena.url("/api/arena/votes"))
                            .header("Content-Type", "application/json").header("Cookie", cookie)
                            .POST(HttpRequest.BodyPublishers.ofString(vote)));
                    switch (answer.statusCode()) {
                        case 201 -> attempt.got201 = true;
                        case 409 -> attempt.got409 = true;
                        case 503 -> {
                            attempt.gotUnavailable = true;
                            pause();
                        }
                        default -> {
                            unexpected.incrementAndGet();
                            samples.add("vote " + answer.statusCode() + " " + answer.body());
                            attempt.refused = true;
                        }
                    }
                } catch (Exception lost) {
                    attempt.gotUnavailable = true;
                    pause();
                }
            }
        }
    }

    private static void assertUnavailable(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(503);
    }

    private static void assertCachedOrUnavailable(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            assertUnavailable(request);
        }
    }

    private static int count201(Map<String, Attempted> attempts) {
        return (int) attempts.values().stream().filter(a -> a.got201).count();
    }

    /** The votes table's voter key: the cookie's first part, the voter id in base64url. */
    private static String voterOf(String cookie) {
        String value = cookie.substring(cookie.indexOf('=') + 1);
        return value.substring(0, value.indexOf('.'));
    }

    private static Map<String, Integer> storedVotes() throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT match_id, voter_key, count(*) FROM votes GROUP BY 1, 2")) {
            while (rs.next()) {
                stored.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
            }
        }
        return stored;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pause() {
        try {
            Thread.sleep(100); // a visitor's back-off between retries, not a test synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setServerConfig("max_connections", "100")
                .start();
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pgPort + "/postgres";
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    /** Six models' rendered answers to two of today's tasks: 30 matches once paired. */
    private static void seed() throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Connection c = db()) {
            List<UUID> models = new ArrayList<>();
            for (int m = 0; m < 6; m++) {
                models.add(insert(c, "INSERT INTO models (slug, provider, api_model, display_name) VALUES (?, 'openai', ?, ?) RETURNING id",
                        "fault-" + m, "fault-" + m, "Fault model " + m));
            }
            for (int t = 1; t <= 2; t++) {
                UUID task = insert(c, """
                        INSERT INTO tasks (task_date, slot, title, category, spec, status, generated_at)
                        VALUES (?, ?, ?, 'ui', '{"prompt": "Build a counter"}'::jsonb, 'generated', now()) RETURNING id""",
                        today, t, "Fault task " + t);
                for (UUID model : models) {
                    UUID submission = insert(c, """
                            INSERT INTO submissions (task_id, model_id, status, code, input_tokens, output_tokens,
                                                     cost_usd, latency_ms, finished_at)
                            VALUES (?, ?, 'succeeded', '<p>hi</p>', 10, 10, 0.001, 100, now()) RETURNING id""",
                            task, model);
                    String html = "<!doctype html><p>" + submission + "</p>";
                    insert(c, """
                            INSERT INTO artifacts (submission_id, status, html, sha256, size_bytes, screenshot_status,
                                                   js_error_count, js_errors, rendered_at)
                            VALUES (?, 'rendered', ?, ?, ?, 'failed', 0, '[]'::jsonb, now()) RETURNING id""",
                            submission, html, sha256(html),
                            html.length());
                }
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

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one (voter, match) pair's client saw over all its attempts. */
    private static final class Attempted {
        final String key;
        volatile boolean got201;
        volatile boolean got409;
        volatile boolean gotUnavailable;
        volatile boolean refused;

        Attempted(String key) {
            this.key = key;
        }

        boolean settled() {
            return got201 || got409 || refused;
        }

        @Override
        public String toString() {
            return "201=" + got201 + " 409=" + got409 + " 503/io=" + gotUnavailable + " refused=" + refused;
        }
    }
}
