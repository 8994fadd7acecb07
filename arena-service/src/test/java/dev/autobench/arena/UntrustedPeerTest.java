package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import dev.autobench.arena.support.ForwardingProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarding is on but the test client (127.0.0.1) is not one of the trusted proxies: its
 * X-Forwarded-For and X-Forwarded-Trusted-Proxy headers are ignored, all its votes share one bucket.
 */
@QuarkusTest
@TestProfile(UntrustedPeerTest.UntrustedPeer.class)
class UntrustedPeerTest {

    public static class UntrustedPeer extends ForwardingProfile {
        public UntrustedPeer() {
            super("10.0.0.0/8");
        }
    }

    @BeforeEach
    void seed() {
        ArenaFixtures.openTaskWithMatches(4);
    }

    private static Response spoofedVote(int i) {
        return Voters.firstVote(Map.of("X-Forwarded-For", "198.51.100." + i + ", 10.0.0.1",
                "X-Forwarded-Trusted-Proxy", "true"));
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
