package dev.autobench.arena.abuse;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.TestTokens;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each way of stuffing the ballot is refused (or stored uncounted) AND visible on the dashboard's
 * meters: {@code autobench_votes_rejected_total{reason}} and {@code autobench_votes_total{counted="false"}}.
 */
@QuarkusTest
class BallotAbuseTest {

    private static final String OTHER_KEY = "an-attackers-guess-at-the-signing-key-000";

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        ArenaFixtures.seed(7, 1, Instant.now(), "games"); // 21 matches
        Voters.pair();
    }

    @Test
    void votingTwiceOnOneMatchIsRefusedAndCounted() {
        Voters voter = new Voters();
        String token = voter.nextMatch().path("voteToken");
        voter.vote(token, "left").then().statusCode(201);
        double before = ArenaMeters.rejected("duplicate");
        voter.vote(token, "left").then().statusCode(409);
        voter.vote(token, "right").then().statusCode(409);
        assertThat(ArenaMeters.rejected("duplicate") - before).isEqualTo(2);
        assertThat(votes()).isEqualTo(1);
    }

    @Test
    void aTokenReboundToAnotherMatchIsForged() {
        Voters voter = new Voters();
        Response first = voter.nextMatch();
        String token = first.path("voteToken");
        // a second draw may serve the same match again: take one that certainly differs
        UUID other = aMatchOtherThan(UUID.fromString(first.path("matchId")));
        double before = ArenaMeters.rejected("forged");
        voter.vote(withMatch(token, other), "left").then().statusCode(403);
        assertThat(ArenaMeters.rejected("forged") - before).isEqualTo(1);
        assertThat(votes()).isZero();
    }

    @Test
    void handMadeTokensForMatchesNeverServedAreForged() {
        Voters voter = new Voters();
        UUID served = UUID.fromString(voter.nextMatch().path("matchId"));
        UUID neverServed = aMatchOtherThan(served);
        double before = ArenaMeters.rejected("forged");
        UUID me = TestTokens.voterOf(voter.cookie());
        voter.vote(TestTokens.signedWith(OTHER_KEY, neverServed, me, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(600)), "left").then().statusCode(403);
        voter.vote(TestTokens.signedWith(OTHER_KEY, UUID.randomUUID(), me, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(600)), "left").then().statusCode(403);
        assertThat(ArenaMeters.rejected("forged") - before).isEqualTo(2);
        assertThat(votes()).isZero();
    }

    @Test
    void stolenExpiredAndCookielessTokensAreRefusedAndCounted() {
        Voters alice = new Voters();
        Voters mallory = new Voters();
        Response match = alice.nextMatch();
        String token = match.path("voteToken");
        mallory.nextMatch();
        double wrongVoter = ArenaMeters.rejected("wrong_voter");
        double expired = ArenaMeters.rejected("expired");
        mallory.vote(token, "left").then().statusCode(403);
        given().contentType("application/json").body("{\"voteToken\":\"" + token + "\",\"outcome\":\"left\"}")
                .post("/api/arena/votes").then().statusCode(403);
        alice.vote(TestTokens.signed(UUID.fromString(match.path("matchId")), TestTokens.voterOf(alice.cookie()),
                Instant.now().minusSeconds(7200), Instant.now().minusSeconds(1)), "left").then().statusCode(403);
        assertThat(ArenaMeters.rejected("wrong_voter") - wrongVoter).isEqualTo(2);
        assertThat(ArenaMeters.rejected("expired") - expired).isEqualTo(1);
        assertThat(votes()).isZero();
    }

    @Test
    void stuffingFromOneBrowserHitsTheRateLimitAndIsCounted() {
        Voters voter = new Voters();
        double before = ArenaMeters.rejected("rate_limited");
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 21; i++) { // the test profile allows 20 a minute per browser
            int status = voter.vote(voter.nextMatch().path("voteToken"), "left").statusCode();
            if (status == 201) {
                created++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertThat(created).isEqualTo(20);
        assertThat(limited).isEqualTo(1);
        assertThat(ArenaMeters.rejected("rate_limited") - before).isEqualTo(1);
        assertThat(votes()).isEqualTo(20);
    }

    @Test
    void manyFreshCookiesFromOneAddressCannotOutvoteTheMinimumViewingTime() {
        // a script minting a cookie per vote never waits the minimum viewing time: stored, never counted
        double before = ArenaMeters.uncounted();
        for (int i = 0; i < 10; i++) {
            Voters bot = new Voters();
            bot.vote(bot.nextMatch().path("voteToken"), "left").then().statusCode(201).body("counted", org.hamcrest.Matchers.is(false));
        }
        assertThat(ArenaMeters.uncounted() - before).isEqualTo(10);
        assertThat(ArenaFixtures.count("SELECT count(*) FROM votes WHERE counted")).isZero();
        assertThat(ArenaFixtures.count("SELECT count(DISTINCT ip_hash) FROM votes")).isEqualTo(1);
    }

    /** A real, open match this voter was not served. */
    private static UUID aMatchOtherThan(UUID served) {
        try (var c = ArenaFixtures.connect();
             var st = c.prepareStatement("SELECT id FROM matches WHERE id <> ? ORDER BY id LIMIT 1")) {
            st.setObject(1, served);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same signed payload with another match id written into it: the signature no longer fits. */
    private static String withMatch(String token, UUID match) {
        int dot = token.indexOf('.');
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
        ByteBuffer.wrap(payload).position(1).putLong(match.getMostSignificantBits()).putLong(match.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + token.substring(dot);
    }

    private static long votes() {
        return ArenaFixtures.count("SELECT count(*) FROM votes");
    }
}
