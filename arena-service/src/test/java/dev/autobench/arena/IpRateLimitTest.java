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
 * Behind a trusted proxy (the test client's 127.0.0.1, and an inner 10/8 hop): each client gets its
 * own per-address bucket, found as the right-most X-Forwarded-For entry that is not a trusted proxy,
 * so what a client writes on the left of the header changes nothing; IPv6 shares a bucket per /64.
 */
@QuarkusTest
@TestProfile(IpRateLimitTest.BehindProxy.class)
class IpRateLimitTest {

    public static class BehindProxy extends ForwardingProfile {
        public BehindProxy() {
            super("127.0.0.1/32,10.0.0.0/8");
        }
    }

    @BeforeEach
    void seed() {
        ArenaFixtures.openTaskWithMatches(4);
    }

    private static Response voteWith(String forwardedFor) {
        return Voters.firstVote(Map.of("X-Forwarded-For", forwardedFor));
    }

    private static Response voteFrom(String clientIp) {
        return voteWith(clientIp + ", 10.0.0.1");
    }

    @Test
    void manyBrowsersBehindOneAddressShareItsLimit() {
        for (int i = 0; i < 3; i++) {
            voteFrom("198.51.100.7").then().statusCode(201);
        }
        Response limited = voteFrom("198.51.100.7");
        limited.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        voteFrom("198.51.100.8").then().statusCode(201); // another client is unaffected
        assertThat(ArenaFixtures.count("SELECT count(DISTINCT ip_hash) FROM votes")).isEqualTo(2);
    }

    @Test
    void aClientCannotChooseItsBucketByWritingTheLeftOfTheHeader() {
        // what the client sent arrives left of what the proxy appended: only the proxy's entry is believed
        for (int i = 0; i < 3; i++) {
            voteWith("203.0.113." + i + ", 198.51.100.9, 10.0.0.1").then().statusCode(201);
        }
        voteWith("203.0.113.200, 198.51.100.9, 10.0.0.1").then().statusCode(429);
        voteWith("not-an-address, 198.51.100.9").then().statusCode(429);
        assertThat(ArenaFixtures.count("SELECT count(DISTINCT ip_hash) FROM votes")).isEqualTo(1);
    }

    @Test
    void ipv6ClientsShareABucketPerSlash64() {
        voteFrom("2001:db8:1:2::1").then().statusCode(201);
        voteFrom("2001:db8:1:2:aaaa::2").then().statusCode(201);
        voteFrom("[2001:db8:1:2::ffff]").then().statusCode(201);
        voteFrom("2001:db8:1:2:ffff:ffff:ffff:ffff").then().statusCode(429);
        voteFrom("2001:db8:1:3::1").then().statusCode(201);
        assertThat(ArenaFixtures.count("SELECT count(DISTINCT ip_hash) FROM votes")).isEqualTo(2);
    }
}
