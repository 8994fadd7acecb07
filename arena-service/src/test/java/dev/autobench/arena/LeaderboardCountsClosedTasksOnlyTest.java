package dev.autobench.arena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.ranking.Battles;
import dev.autobench.arena.ranking.Outcome;
import dev.autobench.arena.ranking.RankingEngine;
import dev.autobench.arena.ranking.RankingOptions;
import dev.autobench.arena.ranking.RankingResult;
import dev.autobench.arena.export.VotesExport;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The published board counts only votes of tasks whose arena window has closed, exactly the votes
 * the public export carries: a voter who watches the board after voting on an open match learns
 * nothing about who was on which side, and anyone can refit the board from the export.
 */
@QuarkusTest
class LeaderboardCountsClosedTasksOnlyTest {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VotesExport export;

    @Inject
    ArenaConfig config;

    @Test
    void votesOnAnOpenTaskChangeNothingOnTheBoardUntilItsWindowClosesThenTheBoardIsAFitOfTheExport()
            throws Exception {
        ArenaFixtures.reset();
        ArenaFixtures.Seeded seeded = ArenaFixtures.seed(3, 2, Instant.now(), "games", "closed");
        assertThat(Voters.pair()).isEqualTo(6);
        UUID closedTask = seeded.tasks().get(0);
        UUID openTask = seeded.tasks().get(1);
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '24 hours' WHERE id = '"
                + closedTask + "'");
        try (Connection c = ArenaFixtures.connect()) {
            vote(c, closedTask, "left", 6);
            vote(c, closedTask, "right", 3);
            vote(c, closedTask, "tie", 1);
        }
        recompute();
        JsonNode before = board("");
        JsonNode beforeGames = board("?category=games");
        String csvBefore = csv("");
        String csvGamesBefore = csv("?category=games");
        assertThat(before.path("votes").asLong()).isEqualTo(30);
        for (JsonNode row : before.path("models")) {
            // only the closed task's submissions: one per model
            assertThat(row.path("submissions").asLong()).as(row.toString()).isEqualTo(1);
        }

        // a day of one-sided votes on the open task, and a failed render there: nothing on the board moves
        try (Connection c = ArenaFixtures.connect()) {
            vote(c, openTask, "left", 40);
        }
        ArenaFixtures.execute("UPDATE artifacts SET js_error_count = 7 WHERE submission_id IN "
                + "(SELECT id FROM submissions WHERE task_id = '" + openTask + "')");
        recompute();
        assertThat(board("")).isEqualTo(before);
        assertThat(board("?category=games")).isEqualTo(beforeGames);
        assertThat(csv("")).isEqualTo(csvBefore);
        assertThat(csv("?category=games")).isEqualTo(csvGamesBefore);

        // the window closes and no vote arrives: the scheduled refresh notices and counts them
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '24 hours' WHERE id = '"
                + openTask + "'");
        await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> board("").path("votes").asLong() == 150);
        JsonNode after = board("");
        assertThat(after).isNotEqualTo(before);
        assertThat(csv("")).isNotEqualTo(csvBefore);
        for (JsonNode row : after.path("models")) {
            assertThat(row.path("submissions").asLong()).as(row.toString()).isEqualTo(2);
            assertThat(row.path("meanJsErrors").asDouble()).as(row.toString()).isEqualTo(4.0); // (1 + 7) / 2
        }

        // and the board is exactly what a fit of the public export gives
        export.refresh();
        String[] lines = given().get("/api/export/votes").then().statusCode(200).extract().asString().split("\n");
        assertThat(lines).hasSize(150);
        Map<String, Integer> index = new HashMap<>();
        List<String> slugs = new ArrayList<>();
        List<int[]> fights = new ArrayList<>();
        for (String line : lines) {
            JsonNode battle = JSON.readTree(line);
            int a = index.computeIfAbsent(battle.path("model_a").asText(), s -> { slugs.add(s); return slugs.size() - 1; });
            int b = index.computeIfAbsent(battle.path("model_b").asText(), s -> { slugs.add(s); return slugs.size() - 1; });
            Outcome outcome = switch (battle.path("winner").asText()) {
                case "model_a" -> Outcome.A_WINS;
                case "model_b" -> Outcome.B_WINS;
                case "tie" -> Outcome.TIE;
                default -> Outcome.BOTH_BAD;
            };
            fights.add(new int[]{a, b, outcome.ordinal()});
        }
        Battles battles = new Battles(slugs.size(), fights.size());
        for (int[] f : fights) {
            battles.add(f[0], f[1], Outcome.values()[f[2]]);
        }
        RankingResult fit = new RankingEngine(new RankingOptions(config.leaderboard().bootstrapRounds(),
                config.leaderboard().bootstrapSeed(), config.leaderboard().eloK())).compute(battles);
        assertThat(after.path("models")).hasSize(slugs.size());
        for (JsonNode row : after.path("models")) {
            int i = index.get(row.path("model").asText());
            assertThat(row.path("votes").asLong()).isEqualTo(fit.games()[i]);
            assertThat(row.path("wins").asLong()).isEqualTo(fit.wins()[i]);
            assertThat(row.path("losses").asLong()).isEqualTo(fit.losses()[i]);
            assertThat(row.path("ties").asLong()).isEqualTo(fit.ties()[i]);
            assertThat(row.path("rating").asDouble()).isEqualTo(round(fit.rating()[i]));
            assertThat(row.path("ciLow").asDouble()).isEqualTo(round(fit.ciLow()[i]));
            assertThat(row.path("ciHigh").asDouble()).isEqualTo(round(fit.ciHigh()[i]));
            assertThat(row.path("elo").asDouble()).isEqualTo(round(fit.onlineElo()[i]));
        }
        JsonNode matrix = after.path("matrix");
        for (int r = 0; r < matrix.path("models").size(); r++) {
            for (int c = 0; c < matrix.path("models").size(); c++) {
                assertThat(matrix.path("battles").path(r).path(c).asLong()).isEqualTo(
                        fit.pairBattles()[index.get(matrix.path("models").path(r).asText())]
                                [index.get(matrix.path("models").path(c).asText())]);
            }
        }
    }

    /** {@code count} counted votes with {@code outcome} on every match of {@code task}. */
    private static void vote(Connection c, UUID task, String outcome, int count) throws Exception {
        ArenaFixtures.voteOnEveryMatch(c, task, outcome, count, 3);
    }

    private static void recompute() {
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);
    }

    /** The served board without its computation time, the only field a recomputation may change. */
    private static JsonNode board(String query) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(given().get("/api/leaderboard" + query).then().statusCode(200)
                .extract().asString());
        node.remove("computedAt");
        return node;
    }

    private static String csv(String query) {
        return given().get("/api/leaderboard.csv" + query).then().statusCode(200).extract().asString();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
