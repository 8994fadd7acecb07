package dev.autobench.arena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boards over a window of task days: the standard 7d/30d/90d served from the stored batch, any
 * from–to computed on request (bounded: one at a time, 503 while busy), each model's first and
 * last day, and every malformed window refused with a 400 problem.
 */
@QuarkusTest
class LeaderboardWindowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @Test
    void votesOnTasksOutsideAWindowDoNotMoveItsBoardButMoveTheBoardOfEveryDay() throws Exception {
        Arena arena = seed();
        try (Connection c = ArenaFixtures.connect()) {
            ArenaFixtures.voteOnEveryMatch(c, arena.recentGames, "left", 4, 3);
            ArenaFixtures.voteOnEveryMatch(c, arena.recentGames, "right", 4, 3);
            ArenaFixtures.voteOnEveryMatch(c, arena.recentTools, "tie", 2, 3);
        }
        recompute();
        JsonNode thirtyBefore = board("?window=30d");
        JsonNode allBefore = board("");
        assertThat(thirtyBefore.path("votes").asLong()).isEqualTo(30);
        assertThat(allBefore.path("votes").asLong()).isEqualTo(30);

        // 40 days ago, one side always won
        try (Connection c = ArenaFixtures.connect()) {
            ArenaFixtures.voteOnEveryMatch(c, arena.oldGames, "left", 10, 3);
        }
        recompute();
        JsonNode thirty = board("?window=30d");
        JsonNode all = board("");
        assertThat(thirty).isEqualTo(thirtyBefore);
        assertThat(board("?window=30d&category=games")).isEqualTo(board("?category=games&window=30d"));
        assertThat(board("?window=30d&category=games").path("votes").asLong()).isEqualTo(24);
        assertThat(all.path("votes").asLong()).isEqualTo(60);
        assertThat(ratings(all)).isNotEqualTo(ratings(allBefore));
        assertThat(board("?window=all")).isEqualTo(all);
        assertThat(board("?window=7d").path("votes").asLong()).isEqualTo(30);
        assertThat(board("?window=90d").path("votes").asLong()).isEqualTo(60);

        // the response says which days it covers
        assertThat(all.path("window").asText()).isEqualTo("all");
        assertThat(all.path("from").isNull()).isTrue();
        assertThat(thirty.path("window").asText()).isEqualTo("30d");
        assertThat(thirty.path("from").asText()).isEqualTo(arena.today.minusDays(29).toString());
        assertThat(thirty.path("to").asText()).isEqualTo(arena.today.toString());
        assertThat(board("?window=7d").path("from").asText()).isEqualTo(arena.today.minusDays(6).toString());

        // any from–to: only the votes of those task days
        JsonNode old = board("?from=" + arena.today.minusDays(40) + "&to=" + arena.today.minusDays(40));
        assertThat(old.path("window").asText()).isEqualTo("custom");
        assertThat(old.path("from").asText()).isEqualTo(arena.today.minusDays(40).toString());
        assertThat(old.path("votes").asLong()).isEqualTo(30);
        JsonNode recentGames = board("?category=games&from=" + arena.today.minusDays(5) + "&to=" + arena.today);
        assertThat(recentGames.path("category").asText()).isEqualTo("games");
        assertThat(recentGames.path("votes").asLong()).isEqualTo(24);
        assertThat(ratings(board("?from=" + arena.today.minusDays(29) + "&to=" + arena.today)))
                .isEqualTo(ratings(thirty));

        // the CSV takes the same parameters and says what it covers
        Response csv = given().get("/api/leaderboard.csv?window=30d");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("Leaderboard-Window"))
                .isEqualTo("30d;from=" + arena.today.minusDays(29) + ";to=" + arena.today);
        assertThat(csv.header("Content-Disposition")).contains(arena.today.minusDays(29).toString());
        String[] lines = csv.asString().split("\r\n");
        assertThat(lines[0]).endsWith(",first_day,last_day");
        assertThat(lines).hasSize(4);
        String customCsv = given().get("/api/leaderboard.csv?from=" + arena.today.minusDays(40) + "&to="
                + arena.today.minusDays(40)).then().statusCode(200).extract().asString();
        assertThat(customCsv.split("\r\n")).hasSize(4);
        assertThat(given().get("/api/leaderboard.csv").then().statusCode(200).extract().header("Leaderboard-Window"))
                .isEqualTo("all");
    }

    @Test
    void eachRowCarriesTheModelsFirstAndLastDayWithASolutionOnAClosedTask() throws Exception {
        Arena arena = seed();
        recompute();
        for (JsonNode row : board("").path("models")) {
            assertThat(row.path("firstDay").asText()).as(row.toString()).isEqualTo(arena.today.minusDays(40).toString());
            assertThat(row.path("lastDay").asText()).as(row.toString()).isEqualTo(arena.today.minusDays(2).toString());
        }
        for (JsonNode row : board("?category=tools").path("models")) {
            assertThat(row.path("firstDay").asText()).isEqualTo(arena.today.minusDays(5).toString());
            assertThat(row.path("lastDay").asText()).isEqualTo(arena.today.minusDays(5).toString());
        }
        // in any window: the model's days in the arena, not in the window
        for (JsonNode row : board("?window=7d").path("models")) {
            assertThat(row.path("firstDay").asText()).isEqualTo(arena.today.minusDays(40).toString());
        }
        // a task still open does not count, nor does a failed solution
        try (Connection c = ArenaFixtures.connect(); Statement st = c.createStatement()) {
            UUID open = ArenaFixtures.insertTask(c, arena.today, "open", "games", java.time.Instant.now());
            for (UUID model : arena.models) {
                ArenaFixtures.insertSubmission(c, open, model, "<html></html>");
            }
            st.execute("UPDATE submissions SET status = 'failed', code = NULL, error_code = 'timeout' WHERE task_id = '"
                    + arena.recentGames + "' AND model_id = '" + arena.models.get(0) + "'");
        }
        recompute();
        for (JsonNode row : board("?category=games").path("models")) {
            String expected = arena.slugs.get(0).equals(row.path("model").asText())
                    ? arena.today.minusDays(40).toString() : arena.today.minusDays(2).toString();
            assertThat(row.path("lastDay").asText()).as(row.toString()).isEqualTo(expected);
        }
        String csv = given().get("/api/leaderboard.csv?category=tools").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")[1]).endsWith("," + arena.today.minusDays(5) + "," + arena.today.minusDays(5));
    }

    @Test
    void aMalformedWindowIsA400Problem() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String query : List.of("window=1y", "window=30", "window=", "from=2026-13-01&to=2026-12-01",
                "from=yesterday&to=" + today, "from=2026-1-1&to=2026-01-02", "from=" + today,
                "to=" + today, "from=" + today + "&to=" + today.minusDays(1),
                "window=30d&from=" + today + "&to=" + today, "window=all&from=" + today,
                "from=" + today.minusDays(400) + "&to=" + today, "from=1999-12-31&to=2000-01-01")) {
            for (String path : List.of("/api/leaderboard?", "/api/leaderboard.csv?")) {
                if (query.equals("window=")) {
                    continue; // an empty window is the default, not an error
                }
                given().get(path + query).then().statusCode(400)
                        .contentType("application/problem+json");
            }
        }
        given().get("/api/leaderboard?window=").then().statusCode(200);
        given().get("/api/leaderboard?window=30d&category=no-such-category").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/leaderboard?from=" + today.minusDays(3) + "&to=" + today + "&category=no-such-category")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void whileOneCustomWindowIsComputedAnotherGets503WithRetryAfterAndTheFirstStillCompletes() throws Exception {
        Arena arena = seed();
        try (Connection c = ArenaFixtures.connect()) {
            ArenaFixtures.voteOnEveryMatch(c, arena.recentGames, "left", 3, 3);
        }
        recompute();
        CompletableFuture<Response> first;
        try (Connection lock = ArenaFixtures.connect()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                // the computation's read of the votes waits behind this lock
                st.execute("LOCK TABLE votes IN ACCESS EXCLUSIVE MODE");
            }
            String slow = "/api/leaderboard?from=" + arena.today.minusDays(20) + "&to=" + arena.today;
            first = CompletableFuture.supplyAsync(() -> given().get(slow));
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> ArenaFixtures.count("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE '%FROM votes v%' AND query LIKE '%task_date BETWEEN%'""") > 0);
            Response busy = given().get("/api/leaderboard?from=" + arena.today.minusDays(10) + "&to=" + arena.today);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            assertThat(busy.header("Retry-After")).isEqualTo("5");
            // the standard windows are served from memory all the while
            given().get("/api/leaderboard?window=30d").then().statusCode(200);
            lock.rollback();
        }
        Response done = first.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.jsonPath().getLong("votes")).isEqualTo(9);
        // now free again, and the first one comes from the cache with its ETag
        given().get("/api/leaderboard?from=" + arena.today.minusDays(10) + "&to=" + arena.today).then().statusCode(200);
        given().header("If-None-Match", done.header("ETag"))
                .get("/api/leaderboard?from=" + arena.today.minusDays(20) + "&to=" + arena.today)
                .then().statusCode(304);
    }

    /** Three models; tasks of 40 days ago (games), 5 days ago (tools) and 2 days ago (games), all closed. */
    private record Arena(LocalDate today, List<UUID> models, List<String> slugs, UUID oldGames, UUID recentTools,
                         UUID recentGames) {
    }

    private static Arena seed() throws Exception {
        ArenaFixtures.reset();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<UUID> models = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = ArenaFixtures.connect()) {
            for (int m = 0; m < 3; m++) {
                slugs.add("w-" + run + "-" + m);
                models.add(ArenaFixtures.insertModel(c, slugs.get(m), "Model " + m, "openai"));
            }
            UUID old = ArenaFixtures.taskWithMatches(c, today.minusDays(40), "games", models);
            UUID tools = ArenaFixtures.taskWithMatches(c, today.minusDays(5), "tools", models);
            UUID games = ArenaFixtures.taskWithMatches(c, today.minusDays(2), "games", models);
            return new Arena(today, models, slugs, old, tools, games);
        }
    }

    private static void recompute() {
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);
    }

    /** The served board without its computation time. */
    private static JsonNode board(String query) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(given().get("/api/leaderboard" + query).then().statusCode(200)
                .extract().asString());
        node.remove("computedAt");
        return node;
    }

    private static List<String> ratings(JsonNode board) {
        List<String> ratings = new ArrayList<>();
        for (JsonNode row : board.path("models")) {
            ratings.add(row.path("model").asText() + "=" + row.path("rating").asText() + "/" + row.path("votes").asText());
        }
        ratings.sort(null);
        return ratings;
    }
}
