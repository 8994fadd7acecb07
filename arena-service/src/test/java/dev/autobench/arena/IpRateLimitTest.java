package dev.autobench.arena;

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

/** Behind a trusted proxy: the per-IP limit applies across voter cookies, per forwarded client address. */
@QuarkusTest
@TestProfile(IpRateLimitTest.BehindProxy.class)
class IpRateLimitTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autobench.arena.trust-forwarded-for", "true",
                    "autobench.arena.rate-limit.ip-per-minute", "3");
        }
    }

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        ArenaFixtures.seed(4, 1, Instant.now(), "games");
        Voters.pair();
    }

    private static Response voteFrom(String clientIp) {
        Response match = given().get("/api/arena/match");
        return given().contentType("application/json").header("X-Forwarded-For", clientIp + ", 10.0.0.1")
                .cookie(Voters.COOKIE, match.getCookie(Voters.COOKIE))
                .body(Map.of("voteToken", match.path("voteToken"), "outcome", "left"))
                .post("/api/arena/votes");
    }

    @Test
    void manyBrowsersBehindOneAddressShareItsLimit() {
        for (int i = 0; i < 3; i++) {
            voteFrom("198.51.100.7").then().statusCode(201);
        }
        Response limited = voteFrom("198.51.100.7");
        limited.then().statusCode(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        voteFrom("198.51.100.8").then().statusCode(201); // another client is unaffected
        assertThat(ArenaFixtures.count("SELECT count(DISTINCT ip_hash) FROM votes")).isEqualTo(2);
    }
}
