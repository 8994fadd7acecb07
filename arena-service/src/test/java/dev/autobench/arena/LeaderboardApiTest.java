package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class LeaderboardApiTest {

    ArenaFixtures.Seeded games;
    ArenaFixtures.Seeded tools;

    @BeforeEach
    void seed() throws Exception {
        ArenaFixtures.reset();
        games = ArenaFixtures.seed(3, 2, Instant.now(), "games", "g");
        tools = ArenaFixtures.seed(2, 1, Instant.now(), "tools", "t");
        Voters.pair();
        // games: model 2 beats 1 beats 0, mostly; tools get a few ties
        try (Connection c = ArenaFixtures.connect()) {
            vote(c, games, 2, 1, 0, 30, 10);
            vote(c, games, 1, 0, 0, 30, 10);
            vote(c, games, 2, 0, 0, 35, 5);
            vote(c, tools, 0, 1, 0, 5, 5);
        }
        // the board counts only tasks whose arena window has closed
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '24 hours'");
    }

    /** {@code wins} counted votes where {@code winner} beat {@code loser}, {@code losses} the other way. */
    private static void vote(Connection c, ArenaFixtures.Seeded seeded, int winner, int loser, int task, int wins,
                             int losses) throws Exception {
        UUID winnerSubmission = seeded.submissions().get(task * seeded.models().size() + winner);
        UUID loserSubmission = seeded.submissions().get(task * seeded.models().size() + loser);
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO votes (match_id, voter_key, ip_hash, outcome)
                SELECT m.id, ?, 'ip-hash-test', CASE WHEN m.left_submission_id = ? THEN ? ELSE ? END
                FROM matches m WHERE m.task_id = ? AND ? IN (m.left_submission_id, m.right_submission_id)
                                                   AND ? IN (m.left_submission_id, m.right_submission_id)""")) {
            for (int i = 0; i < wins + losses; i++) {
                boolean win = i < wins;
                st.setString(1, "voter-" + UUID.randomUUID());
                st.setObject(2, winnerSubmission);
                st.setString(3, win ? "left" : "right");
                st.setString(4, win ? "right" : "left");
                st.setObject(5, seeded.tasks().get(task));
                st.setObject(6, winnerSubmission);
                st.setObject(7, loserSubmission);
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static void recompute() {
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute")
                .then().statusCode(200).body("computedAt", notNullValue());
    }

    @Test
    void theBoardRanksTheModelsWithIntervalsAndPipelineFigures() {
        recompute();
        Response board = given().get("/api/leaderboard");
        board.then().statusCode(200)
                .body("category", equalTo("all"))
                .body("votes", equalTo(130))
                .body("bootstrapRounds", equalTo(200))
                .body("categories", contains("games", "tools"))
                .body("models", hasSize(5))
                .body("models[0].model", equalTo(games.slugs().get(2)))
                .body("models[0].rank", equalTo(1))
                .body("models[0].ciLow", notNullValue())
                .body("models.renderSuccessRate", everyItem(equalTo(1.0f)))
                .body("models.meanJsErrors", everyItem(equalTo(1.0f)))
                .body("models.meanLatencyMs", everyItem(equalTo(15000.0f)))
                .body("models.meanOutputTokens", everyItem(equalTo(2000.0f)))
                .body("models.meanCostUsd", everyItem(equalTo(0.012f)))
                .body("models.provider", everyItem(notNullValue()))
                .body("models.displayName", everyItem(notNullValue()))
                .body("matrix.models", hasSize(5))
                .body("matrix.battles[0][0]", equalTo(0))
                .body("matrix.winRate[0][0]", nullValue());
        // the games models are ranked; the tools models never met them (see the not-comparable test)
        List<Float> ratings = board.<List<Float>>path("models.rating").subList(0, 3);
        assertThat(ratings).doesNotContainNull().isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(board.<List<Float>>path("models.elo").subList(0, 3)).doesNotContainNull();
        List<Float> lows = board.path("models.ciLow");
        List<Float> highs = board.path("models.ciHigh");
        for (int i = 0; i < ratings.size(); i++) {
            assertThat(lows.get(i)).isLessThanOrEqualTo(ratings.get(i));
            assertThat(highs.get(i)).isGreaterThanOrEqualTo(ratings.get(i));
        }
        assertThat(board.<Integer>path("models[0].votes")).isEqualTo(80);
    }

    @Test
    void modelsThatNeverMetTheMainComponentAreNotYetComparable() {
        recompute();
        Response board = given().get("/api/leaderboard");
        board.then().statusCode(200)
                .body("models.notYetComparable", contains(false, false, false, true, true))
                .body("models.findAll { it.notYetComparable }.model",
                        containsInAnyOrder(tools.slugs().get(0), tools.slugs().get(1)))
                .body("models.findAll { it.notYetComparable }.rank", everyItem(nullValue()))
                .body("models.findAll { it.notYetComparable }.rating", everyItem(nullValue()))
                .body("models.findAll { it.notYetComparable }.ciLow", everyItem(nullValue()))
                .body("models.findAll { it.notYetComparable }.ciHigh", everyItem(nullValue()))
                .body("models.findAll { it.notYetComparable }.elo", everyItem(nullValue()))
                .body("models.findAll { it.notYetComparable }.votes", everyItem(equalTo(10)));
        // on their own category's board they are the main component, so they are ranked there
        given().get("/api/leaderboard?category=tools").then().statusCode(200)
                .body("models.notYetComparable", everyItem(equalTo(false)))
                .body("models.rank", everyItem(notNullValue()))
                .body("models.ciLow", everyItem(notNullValue()));
        String csv = given().get("/api/leaderboard.csv").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        int column = List.of(lines[0].split(",")).indexOf("not_yet_comparable");
        assertThat(column).isPositive();
        assertThat(lines[1]).startsWith("1,");
        assertThat(lines[1].split(",", -1)[column]).isEqualTo("false");
        assertThat(lines[4]).startsWith(",\"" + "t");
        assertThat(lines[4].split(",", -1)[column]).isEqualTo("true");
        assertThat(lines[5]).startsWith(",\"t");
        assertThat(lines[5].split(",", -1)[column]).isEqualTo("true");
    }

    @Test
    void categoryBoardsOnlyCountTheirOwnVotes() {
        recompute();
        given().get("/api/leaderboard?category=tools").then().statusCode(200)
                .body("category", equalTo("tools"))
                .body("votes", equalTo(10))
                .body("models", hasSize(2))
                .body("models.winRate", everyItem(equalTo(0.5f)));
        given().get("/api/leaderboard?category=games").then().statusCode(200)
                .body("votes", equalTo(120)).body("models", hasSize(3));
    }

    @Test
    void theBoardIsServedWithAnETagAndRevalidates() {
        recompute();
        Response first = given().get("/api/leaderboard");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get("/api/leaderboard").then().statusCode(304);

        // new votes, a new computation: a new ETag
        try (Connection c = ArenaFixtures.connect()) {
            vote(c, games, 0, 1, 1, 3, 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        recompute();
        given().header("If-None-Match", etag).get("/api/leaderboard").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(equalTo(etag)))
                .body("votes", equalTo(133));
        assertThat(ArenaFixtures.count("SELECT count(DISTINCT computed_at) FROM leaderboard_snapshots")).isGreaterThan(0);
    }

    @Test
    void theCsvHasOneRowPerModel() {
        recompute();
        String csv = given().get("/api/leaderboard.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("rank,model,display_name,provider,rating,ci_low,ci_high,votes");
        assertThat(lines).hasSize(6);
        assertThat(lines[1]).startsWith("1,\"" + games.slugs().get(2) + "\"");
    }

    @Test
    void recomputingIsAMachineEndpoint() {
        given().post("/api/leaderboard/recompute").then().statusCode(401);
    }

    @Test
    void computationTimeAndAgeAreMeasured() {
        recompute();
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("autobench_leaderboard_compute_duration_seconds_count"))
                .body(containsString("autobench_leaderboard_age_seconds"));
        given().get("/api/leaderboard").then().body("models.votes", everyItem(greaterThan(0)));
    }
}
