package dev.autobench.arena.abuse;

import dev.autobench.arena.support.ConfigProfile;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.TestTokens;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vote from a cookie younger than min-age-to-count is stored but not counted (reason
 * young_cookie, on the dashboard's meters); a cookie's age is signed, so it cannot be backdated.
 */
@QuarkusTest
@TestProfile(CookieAgeTest.YoungCookies.class)
class CookieAgeTest {

    public static class YoungCookies extends ConfigProfile {
        public YoungCookies() {
            super("autobench.arena.cookie.min-age-to-count", "1h", "autobench.arena.min-view-time", "0s");
        }
    }

    @BeforeEach
    void seed() {
        ArenaFixtures.openTaskWithMatches(4);
    }

    private static Response voteWithCookie(String cookie) {
        Response match = given().cookie(Voters.COOKIE, cookie).get("/api/arena/match");
        match.then().statusCode(200);
        return given().contentType("application/json").cookie(Voters.COOKIE, cookie)
                .body(Map.of("voteToken", match.path("voteToken"), "outcome", "left")).post("/api/arena/votes");
    }

    @Test
    void aFreshCookiesVoteIsStoredUncountedAndMetered() {
        double uncounted = ArenaMeters.uncounted();
        double young = ArenaMeters.sum("autobench_votes_uncounted_total", "reason=\"young_cookie\"");
        Voters voter = new Voters();
        String token = voter.nextMatch().path("voteToken");
        voter.vote(token, "left").then().statusCode(201).body("counted", org.hamcrest.Matchers.is(false));
        assertThat(ArenaFixtures.count("SELECT count(*) FROM votes WHERE NOT counted AND not_counted_reason = 'young_cookie'"))
                .isEqualTo(1);
        assertThat(ArenaMeters.uncounted() - uncounted).isEqualTo(1);
        assertThat(ArenaMeters.sum("autobench_votes_uncounted_total", "reason=\"young_cookie\"") - young).isEqualTo(1);
    }

    @Test
    void anOldEnoughCookieCounts() {
        String cookie = TestTokens.mintedCookie(TestTokens.TEST_KEY, UUID.randomUUID(),
                Instant.now().minus(Duration.ofHours(2)));
        voteWithCookie(cookie).then().statusCode(201).body("counted", org.hamcrest.Matchers.is(true));
        // cookies from before the cookie carried its age cannot be minted any more: they count as old
        voteWithCookie(TestTokens.legacyCookie(UUID.randomUUID())).then().statusCode(201)
                .body("counted", org.hamcrest.Matchers.is(true));
    }

    @Test
    void aBackdatedCookieIsNotBelieved() {
        String honest = new Voters().nextMatch().getCookie(Voters.COOKIE);
        String[] parts = honest.split("\\.");
        String backdated = parts[0] + "." + (Long.parseLong(parts[1]) - 7200) + "." + parts[2];
        Response match = given().cookie(Voters.COOKIE, backdated).get("/api/arena/match");
        // not ours: treated as no cookie, so a new one is minted in its place
        assertThat(match.getCookie(Voters.COOKIE)).isNotNull().isNotEqualTo(backdated);
        String forged = TestTokens.mintedCookie("an-attackers-guess-at-the-signing-key-000", UUID.randomUUID(),
                Instant.now().minus(Duration.ofHours(2)));
        assertThat(given().cookie(Voters.COOKIE, forged).get("/api/arena/match").getCookie(Voters.COOKIE))
                .isNotNull().isNotEqualTo(forged);
    }
}
