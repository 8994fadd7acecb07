package dev.autobench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole AutoBench days through the four packaged services, called only the way production calls
 * them: CronJob endpoints with the secret, the admin API, and the public arena API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyCycleE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY_1 = LocalDate.now(ZoneOffset.UTC);
    /** Hidden strengths the simulated visitors vote by, per provider: the board must find this order. */
    private static final Map<String, Double> STRENGTH = Map.of(
            "openai", 1.2, "anthropic", 0.6, "google", 0.0, "deepseek", -0.8);

    private static AutoBenchStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = new AutoBenchStack(
                // short calls and leases, so a killed dispatcher's claims expire within the test
                Map.of("AUTOBENCH_DISPATCH_MAX_ATTEMPTS", "2",
                        "AUTOBENCH_DISPATCH_INITIAL_BACKOFF", "200ms",
                        "AUTOBENCH_DISPATCH_MAX_BACKOFF", "1s",
                        "AUTOBENCH_DISPATCH_RETRY_AFTER_CAP", "1s",
                        "AUTOBENCH_DISPATCH_LEASE_MARGIN", "1s",
                        "AUTOBENCH_DISPATCH_REAPER_EVERY", "2s"),
                Map.of("AUTOBENCH_ARENA_MIN_VIEW_TIME", "0s",
                        "AUTOBENCH_ARENA_COOKIE_SECURE", "false",
                        "AUTOBENCH_ARENA_RATE_LIMIT_IP_PER_MINUTE", "100000",
                        "AUTOBENCH_ARENA_RATE_LIMIT_IP_PER_HOUR", "100000",
                        "AUTOBENCH_ARENA_LEADERBOARD_MIN_INTERVAL", "1s",
                        "AUTOBENCH_ARENA_LEADERBOARD_BOOTSTRAP_ROUNDS", "300",
                        "AUTOBENCH_ARENA_EXPORT_CHECK_EVERY", "1s"));
        stack.keepOneActiveModelPer(STRENGTH.keySet());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void day1GeneratesThreeTasks() throws Exception {
        Response generated = stack.cron(stack.generator, "/api/generate?date=" + DAY_1);
        generated.then().statusCode(200);
        assertThat(generated.jsonPath().getInt("created")).isEqualTo(3);
        assertThat(generated.jsonPath().getList("tasks")).hasSize(3);
        assertThat(stack.count("SELECT count(*) FROM tasks WHERE status = 'generated'")).isEqualTo(3);
    }

    @Test
    @Order(2)
    void day1DispatchCallsEachModelOncePerTask() throws Exception {
        Response dispatched = stack.cron(stack.dispatcher, "/api/dispatch");
        dispatched.then().statusCode(200);
        assertThat(dispatched.jsonPath().getInt("calls")).isEqualTo(12);
        assertThat(dispatched.jsonPath().getInt("succeeded")).isEqualTo(12);
        assertThat(stack.providers.requestCount()).isEqualTo(12);
        assertThat(stack.count("SELECT count(*) FROM submissions WHERE status = 'succeeded' AND code IS NOT NULL")).isEqualTo(12);
        assertThat(stack.count("SELECT count(*) FROM provider_calls WHERE outcome = 'success'")).isEqualTo(12);
        assertThat(stack.count("SELECT count(*) FROM tasks WHERE status = 'dispatched'")).isEqualTo(3);
        assertEachPairRequestedAtMostOnce();
    }

    @Test
    @Order(3)
    void day1RendersTwelveArtifactsWithScreenshots() throws Exception {
        // the dispatcher nudged the renderer already; the CronJob's call renders whatever is left
        stack.cron(stack.renderer, "/api/render").then().statusCode(200);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                stack.count("SELECT count(*) FROM artifacts WHERE status = 'rendered'") == 12);
        assertThat(stack.count("SELECT count(*) FROM artifacts WHERE screenshot_status = 'captured'"
                + " AND length(screenshot_png) > 1000")).isEqualTo(12);
        assertThat(stack.count("SELECT count(*) FROM artifacts WHERE sha256 IS NOT NULL")).isEqualTo(12);
    }

    @Test
    @Order(4)
    void day1PairsEighteenMatches() {
        Response paired = stack.cron(stack.arena, "/api/pairs/generate");
        paired.then().statusCode(200);
        assertThat(paired.jsonPath().getInt("created")).isEqualTo(18);
        stack.cron(stack.arena, "/api/pairs/generate").then().statusCode(200);
        assertThat(stack.cron(stack.arena, "/api/pairs/generate").jsonPath().getInt("created")).isZero();
    }

    @Test
    @Order(5)
    void visitorsVoteAndTheLeaderboardRanksFourModelsWithIntervals() throws Exception {
        Map<String, String> providerOfSubmission = stack.rows("""
                SELECT s.id::text AS submission, m.provider FROM submissions s JOIN models m ON m.id = s.model_id""")
                .stream().collect(Collectors.toMap(r -> (String) r.get("submission"), r -> (String) r.get("provider")));
        Map<String, String[]> sidesOfMatch = stack.rows("""
                SELECT id::text AS match, left_submission_id::text AS l, right_submission_id::text AS r FROM matches""")
                .stream().collect(Collectors.toMap(r -> (String) r.get("match"),
                        r -> new String[] {(String) r.get("l"), (String) r.get("r")}));
        Random random = new Random(7);
        int created = 0;
        for (int voter = 0; voter < 30; voter++) {
            Cookies cookies = null;
            while (true) {
                Response served = RestAssured.given().cookies(cookies == null ? new Cookies() : cookies)
                        .get(stack.arena.url("/api/arena/match"));
                if (served.statusCode() == 204) {
                    break;
                }
                served.then().statusCode(200);
                if (cookies == null) {
                    cookies = served.getDetailedCookies();
                }
                String[] sides = sidesOfMatch.get(served.jsonPath().getString("matchId"));
                double left = STRENGTH.get(providerOfSubmission.get(sides[0]));
                double right = STRENGTH.get(providerOfSubmission.get(sides[1]));
                double pLeft = 1 / (1 + Math.exp(right - left));
                double u = random.nextDouble();
                String outcome = u < 0.08 ? "tie" : u < 0.10 ? "both_bad" : random.nextDouble() < pLeft ? "left" : "right";
                Response vote = RestAssured.given().cookies(cookies).contentType("application/json")
                        .body(Map.of("voteToken", served.jsonPath().getString("voteToken"), "outcome", outcome))
                        .post(stack.arena.url("/api/arena/votes"));
                vote.then().statusCode(201);
                // the task is open: the answer says when the names will be shown, and shows none
                assertThat(vote.jsonPath().getString("revealAt")).isNotBlank();
                assertThat(vote.jsonPath().getString("left")).isNull();
                assertThat(vote.asString()).doesNotContain(providerOfSubmission.get(sides[0]))
                        .doesNotContain(providerOfSubmission.get(sides[1]));
                created++;
            }
        }
        assertThat(created).isEqualTo(30 * 18);
        long stored = stack.count("SELECT count(*) FROM votes WHERE counted");
        assertThat(stored).isEqualTo(created);

        // while the day's tasks are open neither the board nor the export counts their votes
        assertThat(RestAssured.get(stack.arena.url("/api/leaderboard")).jsonPath().getInt("votes")).isZero();
        assertThat(RestAssured.get(stack.arena.url("/api/export/votes")).then().statusCode(200).extract().asString())
                .isBlank();
        // move the day's tasks out of the arena window, as a day later: with no new vote, the board
        // and the export both follow
        try (java.sql.Connection c = stack.db(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE tasks SET generated_at = generated_at - interval '25 hours' WHERE task_date = '"
                    + DAY_1 + "'");
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                RestAssured.get(stack.arena.url("/api/leaderboard")).jsonPath().getInt("votes") == stored);
        JsonNode board = JSON.readTree(RestAssured.get(stack.arena.url("/api/leaderboard")).asString());
        JsonNode models = board.path("models");
        assertThat(models).hasSize(4);
        List<String> order = new ArrayList<>();
        for (JsonNode row : models) {
            assertThat(row.path("ciLow").asDouble()).isLessThanOrEqualTo(row.path("rating").asDouble());
            assertThat(row.path("ciHigh").asDouble()).isGreaterThanOrEqualTo(row.path("rating").asDouble());
            assertThat(row.path("ciHigh").asDouble() - row.path("ciLow").asDouble()).isPositive();
            order.add(row.path("provider").asText());
        }
        assertThat(order).as("rating order follows the hidden strengths")
                .containsExactly("openai", "anthropic", "google", "deepseek");
        exportAgreesWithAnIndependentFit(models);
    }

    private void exportAgreesWithAnIndependentFit(JsonNode models) throws Exception {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                RestAssured.get(stack.arena.url("/api/export/votes")).asString().lines().count() == 30 * 18);
        String export = RestAssured.get(stack.arena.url("/api/export/votes")).then().statusCode(200).extract().asString();
        List<IndependentBradleyTerry.Battle> battles = new ArrayList<>();
        for (String line : export.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode battle = JSON.readTree(line);
            assertThat(battle.has("question_id")).isTrue();
            assertThat(battle.has("tstamp")).isTrue();
            assertThat(battle.path("winner").asText()).isIn("model_a", "model_b", "tie", "tie (bothbad)");
            battles.add(new IndependentBradleyTerry.Battle(battle.path("model_a").asText(),
                    battle.path("model_b").asText(), battle.path("winner").asText()));
        }
        assertThat(battles).hasSize(30 * 18);
        Map<String, Double> independent = IndependentBradleyTerry.ratings(battles);
        Map<String, Double> served = new HashMap<>();
        for (JsonNode row : models) {
            served.put(row.path("model").asText(), row.path("rating").asDouble());
        }
        assertThat(served.keySet()).isEqualTo(independent.keySet());
        double servedMean = served.values().stream().mapToDouble(d -> d).average().orElseThrow();
        for (String model : served.keySet()) {
            // compare centred ratings: the service may anchor its scale differently
            assertThat(served.get(model) - servedMean)
                    .as("rating of %s", model)
                    .isCloseTo(independent.get(model) - 1000, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    @Order(6)
    void triggersCalledAgainCallNobodyAgain() throws Exception {
        stack.cron(stack.generator, "/api/generate?date=" + DAY_1).then().statusCode(200);
        assertThat(stack.cron(stack.generator, "/api/generate").jsonPath().getInt("created")).isZero();
        Response again = stack.cron(stack.dispatcher, "/api/dispatch");
        again.then().statusCode(200);
        assertThat(again.jsonPath().getInt("calls")).isZero();
        assertThat(stack.providers.requestCount()).isEqualTo(12);
        assertThat(stack.count("SELECT count(*) FROM tasks")).isEqualTo(3);
    }

    @Test
    @Order(7)
    void day2BringsThreeNewTasksAndTwelveNewCalls() throws Exception {
        Response generated = stack.cron(stack.generator, "/api/generate?date=" + DAY_1.plusDays(1));
        assertThat(generated.jsonPath().getInt("created")).isEqualTo(3);
        List<String> day1Titles = stack.rows("SELECT title FROM tasks WHERE task_date = '" + DAY_1 + "'")
                .stream().map(r -> (String) r.get("title")).toList();
        assertThat(generated.jsonPath().getList("tasks.title", String.class)).doesNotContainAnyElementsOf(day1Titles);
        Response dispatched = stack.cron(stack.dispatcher, "/api/dispatch");
        assertThat(dispatched.jsonPath().getInt("calls")).isEqualTo(12);
        assertThat(stack.providers.requestCount()).isEqualTo(24);
        assertEachPairRequestedAtMostOnce();
    }

    @Test
    @Order(9)
    void aDispatcherKilledMidDispatchNeverCallsAPairTwice() throws Exception {
        LocalDate day3 = DAY_1.plusDays(2);
        stack.cron(stack.generator, "/api/generate?date=" + day3).then().statusCode(200);
        stack.providers.stub(6000);
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(stack.dispatcher.url("/api/dispatch"))
                .header("x-cron-secret", AutoBenchStack.CRON_SECRET)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.providers.requestCount() > 24);
        stack.dispatcher.kill();
        assertThat(inFlight.handle((r, e) -> e != null || r.statusCode() >= 500).get()).isTrue();
        int requestedBeforeCrash = stack.providers.requestCount() - 24;

        stack.providers.stub(0);
        stack.dispatcher.start().awaitReady(ServiceProcess.READY_TIMEOUT);
        // the lease of the killed run's claims runs out, the reaper marks them abandoned, and a new
        // dispatch completes only the pairs nobody had claimed
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                stack.count("SELECT count(*) FROM submissions WHERE status = 'calling'") == 0);
        stack.cron(stack.dispatcher, "/api/dispatch").then().statusCode(200);

        long abandoned = stack.count("SELECT count(*) FROM submissions WHERE error_code = 'abandoned'");
        assertThat(abandoned).isPositive();
        assertThat(stack.count("SELECT count(*) FROM submissions s JOIN tasks t ON t.id = s.task_id"
                + " WHERE t.task_date = '" + day3 + "' AND s.status IN ('succeeded', 'failed')")).isEqualTo(12);
        assertThat(stack.providers.requestCount() - 24).isLessThanOrEqualTo(12);
        assertThat(requestedBeforeCrash).isPositive();
        assertEachPairRequestedAtMostOnce();
    }

    /**
     * Every metric an alert or a dashboard panel reads (deploy-tests keeps that list equal to the
     * rules and the dashboard) is exposed by the running services after two real days — before the
     * crash test restarts the dispatcher, whose per-model call meters exist only once it has called.
     */
    @Test
    @Order(8)
    void everyMetricTheAlertsAndDashboardReadIsExposed() throws Exception {
        java.util.Set<String> exposed = new java.util.HashSet<>();
        for (ServiceProcess service : List.of(stack.generator, stack.dispatcher, stack.renderer, stack.arena)) {
            String scrape = RestAssured.given().accept("text/plain").get(service.url("/q/metrics"))
                    .then().statusCode(200).extract().asString();
            for (String line : scrape.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    exposed.add(line.split("[{ ]", 2)[0]);
                }
            }
        }
        List<String> expected = java.nio.file.Files.readAllLines(
                        E2eSupport.root().resolve("deploy-tests/src/test/resources/expected-metrics.txt")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(exposed).containsAll(expected);
    }

    /** The provider side of "exactly once": no (model, prompt) ever reached a provider twice. */
    private static void assertEachPairRequestedAtMostOnce() {
        Map<String, Long> perPair = stack.providers.requests().stream()
                .collect(Collectors.groupingBy(r -> ProviderFakes.modelOf(r) + "|" + ProviderFakes.promptOf(r),
                        Collectors.counting()));
        assertThat(perPair.values()).allMatch(n -> n == 1);
    }

}
