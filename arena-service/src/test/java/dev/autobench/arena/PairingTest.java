package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class PairingTest {

    @BeforeEach
    void clean() {
        ArenaFixtures.reset();
    }

    @Test
    void fourModelsTimesThreeTasksMakeEighteenMatchesOnceOnly() {
        ArenaFixtures.seed(4, 3, Instant.now(), "games");

        assertThat(Voters.pair()).isEqualTo(18);
        assertThat(Voters.pair()).isZero();

        assertThat(ArenaFixtures.count("SELECT count(*) FROM matches")).isEqualTo(18);
        // one match per unordered pair, and both sides always answer the same task
        assertThat(ArenaFixtures.count("""
                SELECT count(*) FROM matches m JOIN submissions l ON l.id = m.left_submission_id
                JOIN submissions r ON r.id = m.right_submission_id
                WHERE l.task_id <> m.task_id OR r.task_id <> m.task_id OR l.model_id = r.model_id""")).isZero();
    }

    @Test
    void sidesAreRandomised() {
        ArenaFixtures.seed(12, 1, Instant.now(), "games"); // 66 pairs
        Voters.pair();
        // with a fair coin, P(all 66 on the same side of the id order) is 2^-65
        long lowerIdLeft = ArenaFixtures.count("SELECT count(*) FROM matches WHERE left_submission_id < right_submission_id");
        assertThat(lowerIdLeft).isBetween(1L, 65L);
    }

    @Test
    void onlyRenderedSubmissionsOfTasksInTheWindowArePaired() throws Exception {
        ArenaFixtures.Seeded fresh = ArenaFixtures.seed(3, 1, Instant.now(), "games");
        ArenaFixtures.seed(3, 1, Instant.now().minus(Duration.ofHours(25)), "games");
        try (Connection c = ArenaFixtures.connect()) {
            java.util.UUID model = ArenaFixtures.insertModel(c, "failing-" + System.nanoTime(), "Failing", "demo");
            java.util.UUID submission = ArenaFixtures.insertSubmission(c, fresh.tasks().get(0), model, "<html>");
            ArenaFixtures.insertArtifact(c, submission, "failed");
        }

        assertThat(Voters.pair()).isEqualTo(3); // the three rendered ones of the fresh task
    }

    @Test
    void pairingIsAMachineEndpoint() {
        given().post("/api/pairs/generate").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
        given().header("x-cron-secret", "wrong").post("/api/pairs/generate").then().statusCode(401);
    }
}
