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

/**
 * Forwarding is on but the test client (127.0.0.1) is not one of the trusted proxies: its
 * X-Forwarded-For and X-Forwarded-Trusted-Proxy headers are ignored, all its votes share one bucket.
 */
@QuarkusTest
@TestProfile(UntrustedPeerTest.UntrustedPeer.class)
class UntrustedPeerTest {

    public static class UntrustedPeer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "10.0.0.0/8",
                    "autobench.arena.rate-limit.ip-per-minute", "3");
        }
    }

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        ArenaFixtures.seed(4, 1, Instant.now(), "games");
        Voters.pair();
    }

    private static Response spoofedVote(int i) {
        Map<String, String> spoof = Map.of("X-Forwarded-For", "198.51.100." + i + ", 10.0.0.1",
                "X-Forwarded-Trusted-Proxy", "true");
        Response match = given().headers(spoof).get("/api/arena/match");
        return given().contentType("application/json").headers(spoof)
                .cookie(Voters.COOKIE, match.getCookie(Voters.COOKIE))
                .body(Map.of("voteToken", match.path("voteToken"), "outcome", "left"))
                .post("/api/arena/votes");
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() {
        for (int i = 0; i < 3; i++) {
            spoofedVote(i).then().statusCode(201);
        }
        spoofedVote(3).then().statusCode(429);
        assertThat(ArenaFixtures.count("SELECT count(DISTINCT ip_hash) FROM votes")).isEqualTo(1);
    }
}
