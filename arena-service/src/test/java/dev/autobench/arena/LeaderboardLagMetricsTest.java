package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staleness gauges the leaderboard alert reads: votes waiting to be counted, and how long the
 * oldest of them has waited. A board that is old but includes every vote is not stale.
 */
@QuarkusTest
@TestProfile(LeaderboardLagMetricsTest.NoBackgroundRefresh.class)
class LeaderboardLagMetricsTest {

    /** Only the recompute endpoint refreshes the board, so the test decides when votes are counted. */
    public static class NoBackgroundRefresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autobench.arena.leaderboard.check-every", "off",
                    "autobench.arena.leaderboard.lag-check-every", "1s");
        }
    }

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Test
    void votesTheServedBoardDoesNotIncludeAreCountedAndAgeUntilTheBoardIsRecomputed() throws Exception {
        ArenaFixtures.reset();
        ArenaFixtures.seed(2, 1, java.time.Instant.now(), "games", "lag");
        assertThat(Voters.pair()).isEqualTo(1);
        vote(3);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(gauge("autobench_leaderboard_pending_votes")).isEqualTo(3.0));

        recompute();
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(gauge("autobench_leaderboard_pending_votes")).isZero();
            assertThat(gauge("autobench_leaderboard_pending_vote_age_seconds")).isZero();
        });

        vote(1);
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(gauge("autobench_leaderboard_pending_votes")).isEqualTo(1.0);
            assertThat(gauge("autobench_leaderboard_pending_vote_age_seconds")).isGreaterThanOrEqualTo(1.0);
        });

        recompute();
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(gauge("autobench_leaderboard_pending_votes")).isZero();
            assertThat(gauge("autobench_leaderboard_pending_vote_age_seconds")).isZero();
        });
    }

    private static void recompute() {
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);
    }

    private static void vote(int count) throws Exception {
        try (Connection c = ArenaFixtures.connect(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO votes (match_id, voter_key, ip_hash, outcome) SELECT id, ?, 'ip-hash-test', 'left' FROM matches")) {
            for (int i = 0; i < count; i++) {
                st.setString(1, "voter-" + UUID.randomUUID());
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static double gauge(String name) {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(metrics);
        assertThat(m.find()).as("%s in /q/metrics", name).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
