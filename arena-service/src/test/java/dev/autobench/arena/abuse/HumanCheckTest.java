package dev.autobench.arena.abuse;

import dev.autobench.arena.support.ConfigProfile;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.HumanCheckProvider;
import dev.autobench.arena.support.TestTokens;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * With the human check on, a vote counts only from a voter cookie that passed it: the token goes to
 * the provider's siteverify (Turnstile's wire format, in WireMock), a passed check is signed into the
 * cookie, a refused or unverifiable token changes nothing, and every outcome is metered.
 */
@QuarkusTest
@TestProfile(HumanCheckTest.Checked.class)
class HumanCheckTest {

    public static class Checked extends ConfigProfile {
        public Checked() {
            super("autobench.arena.min-view-time", "0s", "autobench.arena.human-check.valid-for", "1h");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HumanCheckProvider.class));
        }
    }

    @BeforeEach
    void seed() {
        ArenaFixtures.openTaskWithMatches(4);
        HumanCheckProvider.server.resetRequests();
    }

    private static Response check(String cookie, Object body) {
        var request = given().contentType("application/json").body(body);
        if (cookie != null) {
            request = request.cookie(Voters.COOKIE, cookie);
        }
        return request.post("/api/arena/human-check");
    }

    private static Response voteWith(String cookie) {
        Response match = given().cookie(Voters.COOKIE, cookie).get("/api/arena/match");
        match.then().statusCode(200);
        return given().contentType("application/json").cookie(Voters.COOKIE, cookie)
                .body(Map.of("voteToken", match.path("voteToken"), "outcome", "left")).post("/api/arena/votes");
    }

    @Test
    void thePageLearnsWhetherAndHowToAskForTheCheck() {
        given().get("/api/arena/human-check").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("enabled", is(true)).body("passed", is(false))
                .body("siteKey", is(HumanCheckProvider.SITE_KEY))
                .body("scriptUrl", containsString(HumanCheckProvider.SCRIPT_PATH));
        // the pages may load the widget's script and frame, and nothing else new
        String csp = given().get("/").then().statusCode(200).extract().header("Content-Security-Policy");
        String origin = HumanCheckProvider.server.baseUrl();
        assertThat(csp).contains("script-src 'self' " + origin).contains("frame-src 'self' " + origin)
                .contains("connect-src 'self';");
    }

    @Test
    void aVoteFromACookieThatDidNotPassIsStoredUncountedAndMetered() {
        double reason = ArenaMeters.sum("autobench_votes_uncounted_total", "reason=\"no_human_check\"");
        Voters voter = new Voters();
        String token = voter.nextMatch().path("voteToken");
        voter.vote(token, "left").then().statusCode(201).body("counted", is(false))
                .body("notCountedReason", is("no_human_check"));
        assertThat(ArenaFixtures.count(
                "SELECT count(*) FROM votes WHERE NOT counted AND not_counted_reason = 'no_human_check'")).isEqualTo(1);
        assertThat(ArenaMeters.sum("autobench_votes_uncounted_total", "reason=\"no_human_check\"") - reason).isEqualTo(1);
    }

    @Test
    void aPassedCheckIsSignedIntoTheCookieAndItsVotesCount() {
        double passed = ArenaMeters.sum("autobench_human_checks_total", "outcome=\"passed\"");
        Voters voter = new Voters();
        voter.nextMatch().then().statusCode(200);
        Response checked = check(voter.cookie(), Map.of("token", "human-1"));
        checked.then().statusCode(200).header("Cache-Control", "no-store")
                .body("passed", is(true)).body("validUntil", notNullValue());
        String cookie = checked.getCookie(Voters.COOKIE);
        assertThat(cookie).isNotNull().startsWith(voter.cookie().substring(0, voter.cookie().indexOf('.')));
        assertThat(cookie.split("\\.")).hasSize(4);
        HumanCheckProvider.server.verify(1, postRequestedFor(urlPathEqualTo(HumanCheckProvider.VERIFY_PATH))
                .withFormParam("secret", WireMock.equalTo(HumanCheckProvider.SECRET))
                .withFormParam("response", WireMock.equalTo("human-1")));
        given().cookie(Voters.COOKIE, cookie).get("/api/arena/human-check").then().body("passed", is(true));
        voteWith(cookie).then().statusCode(201).body("counted", is(true));
        assertThat(ArenaMeters.sum("autobench_human_checks_total", "outcome=\"passed\"") - passed).isEqualTo(1);
    }

    @Test
    void aCheckWithoutACookieMintsOneThatHasPassed() {
        Response checked = check(null, Map.of("token", "human-2"));
        checked.then().statusCode(200).body("passed", is(true));
        voteWith(checked.getCookie(Voters.COOKIE)).then().statusCode(201).body("counted", is(true));
    }

    @Test
    void aRefusedTokenIsA403AndTheCookieStaysUnchecked() {
        double failed = ArenaMeters.sum("autobench_human_checks_total", "outcome=\"failed\"");
        Voters voter = new Voters();
        voter.nextMatch();
        Response refused = check(voter.cookie(), Map.of("token", "a-scripts-guess"));
        refused.then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("invalid-input-response"));
        assertThat(refused.getCookie(Voters.COOKIE)).isNull();
        voteWith(voter.cookie()).then().statusCode(201).body("counted", is(false));
        assertThat(ArenaMeters.sum("autobench_human_checks_total", "outcome=\"failed\"") - failed).isEqualTo(1);
    }

    @Test
    void aProviderThatDoesNotAnswerIsA503WithRetryAfterAndChangesNothing() {
        double unavailable = ArenaMeters.sum("autobench_human_checks_total", "outcome=\"unavailable\"");
        Voters voter = new Voters();
        voter.nextMatch();
        for (String token : List.of("reset-1", "broken-1")) {
            Response answer = check(voter.cookie(), Map.of("token", token));
            answer.then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
            assertThat(answer.getCookie(Voters.COOKIE)).isNull();
        }
        assertThat(ArenaMeters.sum("autobench_human_checks_total", "outcome=\"unavailable\"") - unavailable)
                .isEqualTo(2);
    }

    @Test
    void badBodiesAre400AndAskNothingOfTheProvider() {
        check(null, Map.of()).then().statusCode(400).contentType("application/problem+json");
        check(null, Map.of("token", " ")).then().statusCode(400).contentType("application/problem+json");
        check(null, Map.of("token", "human-" + "x".repeat(5000))).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"token\":").post("/api/arena/human-check").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"token\":[1]}").post("/api/arena/human-check").then()
                .statusCode(400).contentType("application/problem+json");
        HumanCheckProvider.server.verify(0, postRequestedFor(urlPathEqualTo(HumanCheckProvider.VERIFY_PATH)));
    }

    @Test
    void aCheckCannotBeForgedAndExpiresAfterItsValidity() {
        Instant minted = Instant.now().minus(Duration.ofDays(3));
        String forged = TestTokens.checkedCookie("an-attackers-guess-at-the-signing-key-000", UUID.randomUUID(),
                minted, Instant.now());
        given().cookie(Voters.COOKIE, forged).get("/api/arena/human-check").then().body("passed", is(false));
        String stale = TestTokens.checkedCookie(TestTokens.TEST_KEY, UUID.randomUUID(), minted,
                Instant.now().minus(Duration.ofHours(2)));
        voteWith(stale).then().statusCode(201).body("counted", is(false)).body("notCountedReason", is("no_human_check"));
        String fresh = TestTokens.checkedCookie(TestTokens.TEST_KEY, UUID.randomUUID(), minted,
                Instant.now().minus(Duration.ofMinutes(10)));
        voteWith(fresh).then().statusCode(201).body("counted", is(true));
    }
}
