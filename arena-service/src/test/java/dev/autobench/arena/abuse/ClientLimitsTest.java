package dev.autobench.arena.abuse;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per client address: new voter cookies and matches are limited (429 problem+json, Retry-After,
 * nothing minted), and each refusal shows in {@code autobench_requests_limited_total{what}}.
 */
@QuarkusTest
@TestProfile(ClientLimitsTest.Tight.class)
class ClientLimitsTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1/32",
                    "autobench.arena.rate-limit.cookies-per-minute", "2",
                    "autobench.arena.rate-limit.matches-per-minute", "4");
        }
    }

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        ArenaFixtures.seed(7, 1, Instant.now(), "games");
        Voters.pair();
    }

    private static Response freshMatch(String clientIp) {
        return given().header("X-Forwarded-For", clientIp).get("/api/arena/match");
    }

    @Test
    void aClientThatThrowsItsCookieAwayRunsOutOfNewCookies() {
        double before = ArenaMeters.sum("autobench_requests_limited_total", "what=\"cookie\"");
        freshMatch("198.51.100.20").then().statusCode(200).cookie(Voters.COOKIE);
        freshMatch("198.51.100.20").then().statusCode(200).cookie(Voters.COOKIE);
        Response refused = freshMatch("198.51.100.20");
        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(refused.getCookie(Voters.COOKIE)).isNull();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(ArenaMeters.sum("autobench_requests_limited_total", "what=\"cookie\"") - before).isEqualTo(1);
        freshMatch("198.51.100.21").then().statusCode(200).cookie(Voters.COOKIE); // another address is unaffected
    }

    @Test
    void matchesArePacedPerAddressWhateverTheCookie() {
        String cookie = freshMatch("198.51.100.30").getCookie(Voters.COOKIE);
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100.30").cookie(Voters.COOKIE, cookie)
                    .get("/api/arena/match").then().statusCode(200);
        }
        double before = ArenaMeters.sum("autobench_requests_limited_total", "what=\"match\"");
        Response refused = given().header("X-Forwarded-For", "198.51.100.30").cookie(Voters.COOKIE, cookie)
                .get("/api/arena/match");
        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(ArenaMeters.sum("autobench_requests_limited_total", "what=\"match\"") - before).isEqualTo(1);
        given().header("X-Forwarded-For", "198.51.100.31").cookie(Voters.COOKIE, cookie)
                .get("/api/arena/match").then().statusCode(200);
    }
}
