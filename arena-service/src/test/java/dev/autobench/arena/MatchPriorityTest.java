package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

/** Matches are served by expected information: a model the board knows nothing about is voted on first. */
@QuarkusTest
class MatchPriorityTest {

    UUID newcomer;

    @BeforeEach
    void seed() throws Exception {
        ArenaFixtures.reset();
        ArenaFixtures.Seeded known = ArenaFixtures.seed(3, 1, Instant.now(), "games", "k");
        Voters.pair();
        try (Connection c = ArenaFixtures.connect();
             PreparedStatement vote = c.prepareStatement(
                     "INSERT INTO votes (match_id, voter_key, ip_hash, outcome) SELECT id, ?, 'ip-hash-test', ? FROM matches")) {
            for (int k = 0; k < 40; k++) {
                vote.setString(1, "voter-" + UUID.randomUUID());
                vote.setString(2, k % 3 == 0 ? "right" : "left");
                vote.executeUpdate();
            }
        }
        // the known models' task closes and makes the board; a new task opens with a newcomer
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '24 hours'");
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute")
                .then().statusCode(200).body("computedAt", notNullValue());
        try (Connection c = ArenaFixtures.connect()) {
            UUID task = ArenaFixtures.insertTask(c, LocalDate.now(ZoneOffset.UTC), "Open task " + UUID.randomUUID(),
                    "games", Instant.now());
            newcomer = ArenaFixtures.insertModel(c, "newcomer-" + UUID.randomUUID(), "Newcomer", "demo");
            for (UUID model : java.util.List.of(known.models().get(0), known.models().get(1), known.models().get(2),
                    newcomer)) {
                ArenaFixtures.insertArtifact(c, ArenaFixtures.insertSubmission(c, task, model,
                        "<html><body>" + UUID.randomUUID() + "</body></html>"), "rendered");
            }
        }
        assertThat(Voters.pair()).isEqualTo(6);
    }

    @Test
    void aModelWithoutVotesIsServedBeforePairsTheBoardAlreadyKnows() {
        for (int visitor = 0; visitor < 3; visitor++) {
            Voters voter = new Voters();
            String match = voter.nextMatch().then().statusCode(200).extract().path("matchId");
            assertThat(ArenaFixtures.count("""
                    SELECT count(*) FROM matches m
                    JOIN submissions l ON l.id = m.left_submission_id JOIN submissions r ON r.id = m.right_submission_id
                    WHERE m.id = ?::uuid AND ? IN (l.model_id, r.model_id)""", match, newcomer))
                    .as("visitor %d was served a match with the newcomer", visitor).isEqualTo(1);
        }
    }

    @Test
    void aVoterStillNeverGetsTheSameMatchTwice() {
        Voters voter = new Voters();
        Set<String> served = new HashSet<>();
        for (int k = 0; k < 6; k++) {
            var response = voter.nextMatch().then().statusCode(200).extract();
            String match = response.path("matchId");
            assertThat(served.add(match)).as("match %s served twice", match).isTrue();
            String token = response.path("voteToken");
            // cast with a view time the arena accepts as stored (counted or not does not matter here)
            voter.vote(token, "left").then().statusCode(org.hamcrest.Matchers.anyOf(
                    org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(429)));
        }
    }
}
