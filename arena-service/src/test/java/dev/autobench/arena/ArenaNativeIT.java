package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import dev.autobench.testsupport.ReadinessAndMetrics;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The packaged service (the native executable under {@code -Dnative}, failsafe) against the embedded PostgreSQL
 * ({@link TestDatabase}): what a native image can lose that the JVM keeps. The UI's files read from the classpath,
 * the records Jackson writes and reads by reflection (match, vote receipt, the leaderboard snapshot it stores and
 * reads back, the human-check status), the ranking, the CSV export, the meters.
 */
@QuarkusIntegrationTest
class ArenaNativeIT {

    @Test
    void readyWithTheSchemaValidatedAndMetricsPublished() {
        ReadinessAndMetrics.assertReadyAndPublishingMetrics("arena-service");
    }

    @Test
    void aMatchIsServedAVoteStoredAndTheBoardRanksTheModels() {
        ArenaFixtures.reset();
        ArenaFixtures.Seeded seeded = ArenaFixtures.seed(3, 1, Instant.now(), "games");
        Voters.pair();
        Voters voter = new Voters();
        Response match = voter.nextMatch();
        match.then().statusCode(200)
                .body("task.category", equalTo("games"))
                .body("left.artifactUrl", containsString("/api/artifacts/"))
                .body("voteToken", notNullValue());
        given().get(match.<String>path("left.artifactUrl")).then().statusCode(200);
        voter.vote(match.path("voteToken"), "left").then().statusCode(201)
                .body("matchId", equalTo(match.path("matchId")))
                .body("outcome", equalTo("left"));
        assertThat(ArenaFixtures.count("SELECT count(*) FROM votes")).isEqualTo(1);
        given().cookie(Voters.COOKIE, voter.cookie()).get("/api/arena/my-votes").then().statusCode(200);
        given().get("/api/arena/human-check").then().statusCode(200).body("enabled", equalTo(false));

        // the board counts the tasks whose arena window has closed
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '25 hours'");
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute")
                .then().statusCode(200).body("computedAt", notNullValue());
        given().get("/api/leaderboard").then().statusCode(200)
                .body("category", equalTo("all"))
                .body("models", hasSize(3))
                .body("models.model", hasItem(seeded.slugs().get(0)));
        given().get("/api/leaderboard.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString(seeded.slugs().get(0)));
    }

    @Test
    void theUiIsServedFromTheClasspathWithItsAssets() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/js/"));
        given().get("/js/arena.js").then().statusCode(200).contentType(containsString("text/javascript"));
        given().get("/leaderboard.html").then().statusCode(200);
    }
}
