package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.TestTokens;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ArenaVotingTest {

    ArenaFixtures.Seeded seeded;

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        seeded = ArenaFixtures.seed(4, 3, Instant.now(), "games");
        Voters.pair();
    }

    @Test
    void aVoterNeverGetsTheSameMatchTwiceAndFinallyGets204() {
        Voters voter = new Voters();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 18; i++) {
            Response match = voter.nextMatch();
            assertThat(match.statusCode()).isEqualTo(200);
            String id = match.path("matchId");
            assertThat(seen.add(id)).as("match %s served twice", id).isTrue();
            voter.vote(match.path("voteToken"), "left").then().statusCode(201);
        }
        voter.nextMatch().then().statusCode(204);
        assertThat(ArenaFixtures.count("SELECT count(*) FROM votes WHERE voter_key <> ''")).isEqualTo(18);
        assertThat(ArenaFixtures.count("SELECT sum(vote_count) FROM matches")).isEqualTo(18);
    }

    @Test
    void theMatchAndTheVoteResponseHideIdentitiesAndSayWhenTheyWillBeShown() {
        Voters voter = new Voters();
        Response match = voter.nextMatch();
        match.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("task.title", notNullValue())
                .body("task.prompt", containsString("Build Task"))
                .body("task.category", equalTo("games"))
                .body("left.artifactUrl", containsString("/api/artifacts/"))
                .body("right.screenshotUrl", containsString("/screenshot.png"))
                .body("left.codeUrl", containsString("/api/arena/code/"))
                .body("left.code", nullValue())
                .body("expiresAt", notNullValue());
        given().get(match.<String>path("left.codeUrl")).then().statusCode(200)
                .contentType(containsString("text/plain"))
                .header("Cache-Control", containsString("immutable"))
                .header("ETag", notNullValue())
                .body(containsString("<html>"));
        String body = match.asString();
        for (String slug : seeded.slugs()) {
            assertThat(body).doesNotContain(slug);
        }
        String cookie = match.getDetailedCookie(Voters.COOKIE).toString();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");

        Response receipt = voter.vote(match.path("voteToken"), "both_bad");
        receipt.then().statusCode(201)
                .body("matchId", equalTo(match.path("matchId")))
                .body("outcome", equalTo("both_bad"))
                .body("votedAt", notNullValue())
                .body("revealAt", equalTo(match.path("revealAt")))
                .body("left", nullValue())
                .body("right", nullValue());
        for (String slug : seeded.slugs()) {
            assertThat(receipt.asString()).doesNotContain(slug).doesNotContain("anthropic").doesNotContain("openai");
        }
        assertThat(Instant.parse(receipt.path("revealAt"))).isAfter(Instant.now().plus(java.time.Duration.ofHours(23)));
    }

    @Test
    void aTokenExpiresWhenItsTasksWindowEndsIfThatIsSoonerThanItsTtl() {
        ArenaFixtures.reset();
        Instant opened = Instant.now().minus(java.time.Duration.ofHours(24)).plus(java.time.Duration.ofMinutes(10))
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ArenaFixtures.seed(2, 1, opened, "games");
        Voters.pair();
        Response match = new Voters().nextMatch();
        match.then().statusCode(200);
        Instant windowEnd = opened.plus(java.time.Duration.ofHours(24));
        assertThat(Instant.parse(match.path("expiresAt"))).isEqualTo(windowEnd);
        assertThat(Instant.parse(match.path("revealAt"))).isEqualTo(windowEnd);
    }

    @Test
    void aVoteOnATaskWhoseWindowHasClosedIsRefusedEvenWithAnUnexpiredToken() {
        Voters voter = new Voters();
        Response match = voter.nextMatch();
        String matchId = match.path("matchId");
        ArenaFixtures.execute("UPDATE tasks SET generated_at = now() - interval '25 hours'");
        // a token this server signed with a ttl reaching past the window (as one signed under a longer window would)
        String token = TestTokens.signed(UUID.fromString(matchId), TestTokens.voterOf(voter.cookie()),
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(600));
        Response late = voter.vote(token, "left");
        late.then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("detail", containsString("closed"));
        assertThat(late.asString()).doesNotContain("Exception");
        assertThat(ArenaFixtures.count("SELECT count(*) FROM votes")).isZero();
    }

    @Test
    void aVoteCastTooFastIsStoredButNotCounted() {
        Voters voter = new Voters();
        Response match = voter.nextMatch();
        // the token says the match was served a minute from now: the vote comes too soon however
        // long a loaded machine takes between serving and voting
        String token = TestTokens.backdated(match.path("voteToken"), -60);
        voter.vote(token, "tie").then().statusCode(201)
                .body("counted", equalTo(false))
                .body("notCountedReason", equalTo("too_fast"));
        assertThat(ArenaFixtures.count(
                "SELECT count(*) FROM votes WHERE NOT counted AND not_counted_reason = 'too_fast' AND served_at IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void aVoteAfterTheMinimumViewingTimeCounts() {
        Voters voter = new Voters();
        Response match = voter.nextMatch();
        String token = TestTokens.backdated(match.path("voteToken"), 10);
        voter.vote(token, "right").then().statusCode(201).body("counted", equalTo(true))
                .body("notCountedReason", nullValue());
    }

    @Test
    void aRepeatedVoteIsAConflict() {
        Voters voter = new Voters();
        String token = voter.nextMatch().path("voteToken");
        voter.vote(token, "left").then().statusCode(201);
        voter.vote(token, "right").then().statusCode(409).contentType(containsString("application/problem+json"));
        assertThat(ArenaFixtures.count("SELECT count(*) FROM votes")).isEqualTo(1);
    }

    @Test
    void forgedTokensAreForbidden() {
        Voters voter = new Voters();
        String token = voter.nextMatch().path("voteToken");
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        voter.vote(tampered, "left").then().statusCode(403).contentType(containsString("application/problem+json"));
        voter.vote("not-a-token", "left").then().statusCode(403);
        voter.vote(TestTokens.signedWith("another-key-another-key-another-key", UUID.randomUUID(),
                TestTokens.voterOf(voter.cookie()), Instant.now(), Instant.now().plusSeconds(600)), "left")
                .then().statusCode(403);
        assertThat(ArenaFixtures.count("SELECT count(*) FROM votes")).isZero();
    }

    @Test
    void expiredTokensAreForbidden() {
        Voters voter = new Voters();
        Response match = voter.nextMatch();
        String expired = TestTokens.signed(UUID.fromString(match.path("matchId")), TestTokens.voterOf(voter.cookie()),
                Instant.now().minusSeconds(3600), Instant.now().minusSeconds(1));
        voter.vote(expired, "left").then().statusCode(403).body("detail", containsString("expired"));
    }

    @Test
    void anotherVotersTokenIsForbidden() {
        Voters alice = new Voters();
        Voters mallory = new Voters();
        String token = alice.nextMatch().path("voteToken");
        mallory.nextMatch();
        mallory.vote(token, "left").then().statusCode(403);
        // and without any cookie at all
        given().contentType("application/json").body(Map.of("voteToken", token, "outcome", "left"))
                .post("/api/arena/votes").then().statusCode(403);
        alice.vote(token, "left").then().statusCode(201);
    }

    @Test
    void malformedVotesAreBadRequests() {
        Voters voter = new Voters();
        String token = voter.nextMatch().path("voteToken");
        voter.vote(token, "draw").then().statusCode(400).contentType(containsString("application/problem+json"));
        given().contentType("application/json").cookie(Voters.COOKIE, voter.cookie()).body("{\"voteToken\": ")
                .post("/api/arena/votes").then().statusCode(400);
        given().contentType("application/json").cookie(Voters.COOKIE, voter.cookie()).body("{\"outcome\": \"left\"}")
                .post("/api/arena/votes").then().statusCode(400);
        given().contentType("application/json").cookie(Voters.COOKIE, voter.cookie()).body("[1, 2]")
                .post("/api/arena/votes").then().statusCode(400);
    }

    @Test
    void tooManyVotesFromOneVoterAre429WithRetryAfter() {
        ArenaFixtures.seed(7, 1, Instant.now(), "games"); // 21 more matches: 39 open
        Voters.pair();
        Voters voter = new Voters();
        for (int i = 0; i < 20; i++) { // the per-minute limit of the test profile
            voter.vote(voter.nextMatch().path("voteToken"), "left").then().statusCode(201);
        }
        Response limited = voter.vote(voter.nextMatch().path("voteToken"), "left");
        limited.then().statusCode(429).contentType(containsString("application/problem+json"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
        assertThat(ArenaFixtures.count("SELECT count(*) FROM votes")).isEqualTo(20);
    }

    @Test
    void theIpIsStoredOnlyAsAHash() {
        Voters voter = new Voters();
        voter.vote(voter.nextMatch().path("voteToken"), "left").then().statusCode(201);
        assertThat(ArenaFixtures.count(
                "SELECT count(*) FROM votes WHERE ip_hash LIKE '%127.0.0.1%' OR ip_hash LIKE '%0:0:0%' OR length(ip_hash) <> 43"))
                .isZero();
    }

    @Test
    void refusalsAreCountedByReason() {
        Voters voter = new Voters();
        voter.vote("forged.token", "left").then().statusCode(403);
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("autobench_votes_rejected_total{reason=\"forged\""))
                .body(containsString("autobench_matches_served_total"))
                .body(containsString("autobench_matches_open"))
                .body(containsString("autobench_pairs_created_total"))
                .body(containsString("autobench_leaderboard_age_seconds"))
                .body(containsString("autobench_leaderboard_compute_duration_seconds"))
                .body(containsString("autobench_votes_total{counted=\"false\",outcome=\"tie\""));
    }
}
