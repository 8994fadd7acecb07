package dev.autobench.arena;

import dev.autobench.arena.support.ConfigProfile;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staleness gauges the leaderboard alert reads: counted votes of closed tasks waiting to be
 * counted, and how long the oldest of them has been countable. Votes of open tasks are never on the
 * board, so they are not pending. A board that is old but includes every countable vote is not stale.
 */
@QuarkusTest
@TestProfile(LeaderboardLagMetricsTest.NoBackgroundRefresh.class)
class LeaderboardLagMetricsTest {

    /** Only the recompute endpoint refreshes the board, so the test decides when votes are counted. */
    public static class NoBackgroundRefresh extends ConfigProfile {
        public NoBackgroundRefresh() {
            super("autobench.arena.leaderboard.check-every", "off", "autobench.arena.leaderboard.lag-check-every", "1s");
        }
    }

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Test
    void countableVotesTheServedBoardDoesNotIncludeArePendingAndAgeFromWhenTheyBecameCountable() throws Exception {
        ArenaFixtures.reset();
        ArenaFixtures.Seeded seeded = ArenaFixtures.seed(2, 2, Instant.now().minus(Duration.ofHours(1)), "games", "lag");
        assertThat(Voters.pair()).isEqualTo(2);
        UUID closing = seeded.tasks().get(0);
        UUID open = seeded.tasks().get(1);

        // votes stored 30 minutes ago on open tasks: the board does not count them, they are not pending
        try (Connection c = ArenaFixtures.connect()) {
            vote(c, open, 3, "now() - interval '30 minutes'");
            vote(c, closing, 1, "now() - interval '30 minutes'");
        }
        recompute();
        awaitNothingPending();

        // the first task's window closes now, with no new vote: its vote is pending, aged from the
        // closing (seconds), not from its storing (30 minutes)
        try (Connection c = ArenaFixtures.connect()) {
            closeWindowNow(c, closing);
        }
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(gauge("autobench_leaderboard_pending_votes")).isEqualTo(1.0);
            assertThat(gauge("autobench_leaderboard_pending_vote_age_seconds")).isBetween(0.0, 600.0);
        });

        recompute();
        awaitNothingPending();

        try (Connection c = ArenaFixtures.connect()) {
            closeWindowNow(c, open);
        }
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(gauge("autobench_leaderboard_pending_votes")).isEqualTo(3.0);
            assertThat(gauge("autobench_leaderboard_pending_vote_age_seconds")).isBetween(0.0, 600.0);
        });

        recompute();
        awaitNothingPending();

        try (Connection c = ArenaFixtures.connect()) {
            vote(c, closing, 1, "now()");
        }
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(gauge("autobench_leaderboard_pending_votes")).isEqualTo(1.0);
            assertThat(gauge("autobench_leaderboard_pending_vote_age_seconds")).isGreaterThanOrEqualTo(1.0);
        });

        recompute();
        awaitNothingPending();
    }

    private static void awaitNothingPending() {
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(gauge("autobench_leaderboard_pending_votes")).isZero();
            assertThat(gauge("autobench_leaderboard_pending_vote_age_seconds")).isZero();
        });
    }

    /** Moves the task back so that its arena window (24 h in tests) closes now. */
    private static void closeWindowNow(Connection c, UUID task) throws Exception {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE tasks SET generated_at = now() - interval '24 hours' WHERE id = ?")) {
            st.setObject(1, task);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    private static void recompute() {
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);
    }

    private static void vote(Connection c, UUID task, int count, String createdAt) throws Exception {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO votes (match_id, voter_key, ip_hash, outcome, created_at)
                SELECT id, ?, 'ip-hash-test', 'left', %s FROM matches WHERE task_id = ?""".formatted(createdAt))) {
            for (int i = 0; i < count; i++) {
                st.setString(1, "voter-" + UUID.randomUUID());
                st.setObject(2, task);
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
