package dev.autobench.arena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating-over-time history: per closed day, each model's rating over the trailing window
 * ending that day, computed once by the recompute job and served from the stored rows.
 */
@QuarkusTest
class LeaderboardHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachClosedDayIsRatedOnceOverItsTrailingWindowAndServedFromTheStoredRows() throws Exception {
        ArenaFixtures.reset();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<UUID> models = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID open;
        try (Connection c = ArenaFixtures.connect()) {
            for (int m = 0; m < 3; m++) {
                models.add(ArenaFixtures.insertModel(c, "h-" + run + "-" + m, "Model " + m, "openai"));
            }
            UUID first = ArenaFixtures.taskWithMatches(c, today.minusDays(4), "games", models);
            UUID tools = ArenaFixtures.taskWithMatches(c, today.minusDays(3), "tools", models);
            UUID last = ArenaFixtures.taskWithMatches(c, today.minusDays(2), "games", models);
            ArenaFixtures.voteOnEveryMatch(c, first, "left", 5, 3);
            ArenaFixtures.voteOnEveryMatch(c, first, "right", 1, 3);
            ArenaFixtures.voteOnEveryMatch(c, tools, "tie", 2, 3);
            ArenaFixtures.voteOnEveryMatch(c, last, "right", 6, 3);
            // today's task is still open: its votes wait
            open = ArenaFixtures.insertTask(c, today, "open", "games", java.time.Instant.now());
        }
        recompute();

        JsonNode history = history("");
        assertThat(history.path("category").asText()).isEqualTo("all");
        assertThat(history.path("trailingDays").asInt()).isEqualTo(30);
        List<String> days = new ArrayList<>();
        history.path("days").forEach(d -> days.add(d.asText()));
        assertThat(days).containsExactly(today.minusDays(4).toString(), today.minusDays(3).toString(),
                today.minusDays(2).toString());
        assertThat(history.path("models")).hasSize(3);
        for (JsonNode series : history.path("models")) {
            assertThat(series.path("points")).hasSize(3);
        }
        // each day's rating is the board of the 30 task days ending that day
        for (String day : days) {
            LocalDate d = LocalDate.parse(day);
            JsonNode board = JSON.readTree(given().get("/api/leaderboard?from=" + d.minusDays(29) + "&to=" + d)
                    .then().statusCode(200).extract().asString());
            Map<String, JsonNode> rows = new HashMap<>();
            board.path("models").forEach(r -> rows.put(r.path("model").asText(), r));
            for (JsonNode series : history.path("models")) {
                JsonNode point = point(series, day);
                JsonNode row = rows.get(series.path("model").asText());
                assertThat(point.path("rating").asDouble()).as(series.path("model") + " on " + day)
                        .isEqualTo(row.path("rating").asDouble());
                assertThat(point.path("votes").asLong()).isEqualTo(row.path("votes").asLong());
                assertThat(point.path("ciLow").asDouble()).isLessThanOrEqualTo(point.path("rating").asDouble());
                assertThat(point.path("ciHigh").asDouble()).isGreaterThanOrEqualTo(point.path("rating").asDouble());
            }
        }
        // the first day: only its own votes, where the left model won 5 of 6
        JsonNode firstDay = JSON.readTree(given().get("/api/leaderboard?from=" + today.minusDays(4) + "&to="
                + today.minusDays(4)).then().statusCode(200).extract().asString());
        assertThat(firstDay.path("votes").asLong()).isEqualTo(18);

        // a category: points only on days with its votes in the trailing window
        JsonNode tools = history("?category=tools");
        for (JsonNode series : tools.path("models")) {
            List<String> toolDays = new ArrayList<>();
            series.path("points").forEach(p -> toolDays.add(p.path("day").asText()));
            assertThat(toolDays).containsExactly(today.minusDays(3).toString(), today.minusDays(2).toString());
        }

        // votes on the open task change nothing; a stored day is never recomputed
        String computedAt = computedAt();
        try (Connection c = ArenaFixtures.connect()) {
            for (UUID model : models) {
                ArenaFixtures.insertSubmission(c, open, model, "<html></html>");
            }
        }
        recompute();
        assertThat(history("")).isEqualTo(history);
        assertThat(computedAt()).isEqualTo(computedAt);

        // a missing day is backfilled, to the same values
        ArenaFixtures.execute("DELETE FROM leaderboard_history_days WHERE day = '" + today.minusDays(3) + "'");
        recompute();
        assertThat(history("")).isEqualTo(history);
        assertThat(ArenaFixtures.count("SELECT count(*) FROM leaderboard_history_days")).isEqualTo(3);

        // served with an ETag
        Response served = given().get("/api/leaderboard/history");
        given().header("If-None-Match", served.header("ETag")).get("/api/leaderboard/history").then().statusCode(304);
    }

    @Test
    void aTrailingWindowNotComputedOrAnUnknownCategoryIsAProblem() {
        for (String trailing : List.of("7", "abc", "0", "-30", "30.5")) {
            given().get("/api/leaderboard/history?trailing=" + trailing).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().get("/api/leaderboard/history?trailing=30").then().statusCode(200);
        given().get("/api/leaderboard/history?category=no-such-category").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static JsonNode point(JsonNode series, String day) {
        for (JsonNode p : series.path("points")) {
            if (p.path("day").asText().equals(day)) {
                return p;
            }
        }
        throw new AssertionError(series.path("model") + " has no point on " + day);
    }

    private static String computedAt() {
        return String.valueOf(ArenaFixtures.count(
                "SELECT coalesce(sum(extract(epoch FROM computed_at) * 1000), 0)::bigint FROM leaderboard_history_days"
                        + " WHERE day <> current_date - 3"));
    }

    private static void recompute() {
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);
    }

    private static JsonNode history(String query) throws Exception {
        return JSON.readTree(given().get("/api/leaderboard/history" + query).then().statusCode(200)
                .extract().asString());
    }
}
