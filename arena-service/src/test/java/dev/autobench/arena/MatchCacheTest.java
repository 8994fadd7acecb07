package dev.autobench.arena;

import dev.autobench.arena.support.ConfigProfile;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Matches served from memory as deployed (the other tests read the database on every request): a
 * pairing is served at once, a vote stored here is never served back, and what another replica or
 * the clock changes in the database (a vote, a task leaving the window) is learnt within the
 * refresh interval.
 */
@QuarkusTest
@TestProfile(MatchCacheTest.AsDeployed.class)
class MatchCacheTest {

    public static class AsDeployed extends ConfigProfile {
        public AsDeployed() {
            super("autobench.arena.match-cache.exact", "false", "autobench.arena.match-cache.refresh-every", "1s");
        }
    }

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    ArenaFixtures.Seeded seeded;

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        seeded = ArenaFixtures.seed(3, 1, Instant.now(), "games");
        assertThat(Voters.pair()).isEqualTo(3);
    }

    @Test
    void aPairingIsServedAtOnceWithoutIdentitiesAndEachSidesCodeComesFromItsOwnCacheableEndpoint() {
        Response match = new Voters().nextMatch();
        match.then().statusCode(200).header("Cache-Control", "no-store");
        String body = match.asString();
        for (String slug : seeded.slugs()) {
            assertThat(body).doesNotContain(slug);
        }
        assertThat(body).doesNotContain("Model ").doesNotContain("openai").doesNotContain("anthropic");
        assertThat(seeded.tasks().get(0).toString()).isEqualTo(match.path("task.id"));

        String codeUrl = match.path("right.codeUrl");
        Response code = given().get(codeUrl);
        code.then().statusCode(200).contentType(containsString("text/plain"))
                .header("Cache-Control", containsString("immutable"))
                .header("Content-Security-Policy", containsString("sandbox"))
                .body(containsString("answer "));
        given().header("If-None-Match", code.header("ETag")).get(codeUrl).then().statusCode(304);
        given().get("/api/arena/code/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aVoterIsNeverServedAMatchTheyVotedOnHere() {
        Voters voter = new Voters();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Response match = voter.nextMatch();
            match.then().statusCode(200);
            assertThat(seen.add(match.path("matchId"))).as("served twice: %s", (Object) match.path("matchId")).isTrue();
            voter.vote(match.path("voteToken"), "tie").then().statusCode(201);
        }
        voter.nextMatch().then().statusCode(204);
    }

    @Test
    void votesStoredByAnotherReplicaAreLearntFromTheDatabase() {
        Voters voter = new Voters();
        Response first = voter.nextMatch();
        voter.vote(first.path("voteToken"), "left").then().statusCode(201);
        String voterKey = voterKey();
        // another replica stores this voter's votes on the two other matches
        ArenaFixtures.execute("INSERT INTO votes (match_id, voter_key, ip_hash, outcome) "
                + "SELECT id, '" + voterKey + "', 'another-replica', 'right' FROM matches WHERE id <> '"
                + first.path("matchId") + "'");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> voter.nextMatch().statusCode() == 204);
    }

    @Test
    void aTaskThatLeavesTheWindowIsNoLongerServed() {
        new Voters().nextMatch().then().statusCode(200);
        ArenaFixtures.execute("UPDATE tasks SET generated_at = now() - interval '25 hours'");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> new Voters().nextMatch().statusCode() == 204);
        // and a new pairing of an open task is served again at once
        ArenaFixtures.Seeded fresh = ArenaFixtures.seed(2, 1, Instant.now(), "games", "n");
        assertThat(Voters.pair()).isEqualTo(1);
        new Voters().nextMatch().then().statusCode(200).body("task.id", equalTo(fresh.tasks().get(0).toString()));
    }

    private static String voterKey() {
        try (var c = ArenaFixtures.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT voter_key FROM votes LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
