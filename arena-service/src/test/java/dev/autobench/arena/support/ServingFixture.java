package dev.autobench.arena.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Four models and one task open today with a match for each of their 6 pairs; optionally a closed
 * task on which 0 met 1 and 2 met 3, forty times each, and the two pairs never met, so the board
 * cannot tell how the two groups compare.
 */
public final class ServingFixture {

    public final List<UUID> models = new ArrayList<>();
    public final List<String> slugs = new ArrayList<>();
    public final UUID openTask;

    public ServingFixture() {
        ArenaFixtures.reset();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = ArenaFixtures.connect()) {
            for (int m = 0; m < 4; m++) {
                String slug = "order-" + run + "-" + m;
                models.add(ArenaFixtures.insertModel(c, slug, "Model " + m + " " + run, "openai"));
                slugs.add(slug);
            }
            openTask = ArenaFixtures.taskWithMatches(c, LocalDate.now(ZoneOffset.UTC), "games", models);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The closed task of two groups that never met (0–1 and 2–3). */
    public void twoGroupsThatNeverMet() {
        try (Connection c = ArenaFixtures.connect()) {
            UUID closed = ArenaFixtures.taskWithMatches(c, LocalDate.now(ZoneOffset.UTC).minusDays(3), "games", models);
            votes(c, closed, 0, 1, 25, 15);
            votes(c, closed, 2, 3, 22, 18);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The closed task of models 0, 1 and 2 only: model 3 is new to the board; 0–1 are the closest pair. */
    public void threeKnownModelsAndANewOne() {
        try (Connection c = ArenaFixtures.connect()) {
            UUID closed = ArenaFixtures.taskWithMatches(c, LocalDate.now(ZoneOffset.UTC).minusDays(3), "games",
                    models.subList(0, 3));
            votes(c, closed, 0, 1, 20, 20);
            votes(c, closed, 0, 2, 30, 10);
            votes(c, closed, 1, 2, 30, 10);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each open match of model {@code model} has {@code votes} votes, the others none. */
    public void openMatchesOfModelHaveVotes(int model, int votes) {
        ArenaFixtures.execute("UPDATE matches SET vote_count = 0 WHERE task_id = '%s'".formatted(openTask));
        for (int other = 0; other < models.size(); other++) {
            if (other != model) {
                ArenaFixtures.execute("UPDATE matches SET vote_count = %d WHERE id = '%s'"
                        .formatted(votes, openMatch(model, other)));
            }
        }
    }

    /** Every open match across the groups has a vote, those inside none: least voted would serve inside. */
    public void openMatchesAcrossTheGroupsHaveAVote() {
        ArenaFixtures.execute("UPDATE matches SET vote_count = 1 WHERE task_id = '%s'".formatted(openTask));
        ArenaFixtures.execute("UPDATE matches SET vote_count = 0 WHERE id IN ('%s', '%s')"
                .formatted(openMatch(0, 1), openMatch(2, 3)));
    }

    /** Each of {@code visitors} new visitors is served one of the two open matches without votes (0–1 or 2–3). */
    public void assertTheUnvotedMatchesAreServed(int visitors) {
        for (int visitor = 0; visitor < visitors; visitor++) {
            io.restassured.response.Response match = new Voters().nextMatch();
            match.then().statusCode(200);
            assertThat(pairOf(UUID.fromString(match.path("matchId"))))
                    .as("one of the two matches without votes").isIn(Set.of(0, 1), Set.of(2, 3));
        }
    }

    public static void recompute() {
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute")
                .then().statusCode(200).body("computedAt", notNullValue());
    }

    /** The open task's match of models {@code a} and {@code b}. */
    public UUID openMatch(int a, int b) {
        try (Connection c = ArenaFixtures.connect()) {
            return match(c, openTask, a, b);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The indexes of a match's two models. */
    public Set<Integer> pairOf(UUID matchId) {
        Set<Integer> pair = new HashSet<>();
        try (Connection c = ArenaFixtures.connect(); PreparedStatement st = c.prepareStatement("""
                SELECT s.model_id FROM matches m JOIN submissions s
                  ON s.id IN (m.left_submission_id, m.right_submission_id) WHERE m.id = ?""")) {
            st.setObject(1, matchId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pair.add(models.indexOf(rs.getObject(1, UUID.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pair;
    }

    /** {@code wins} counted votes for model {@code a} and {@code losses} for {@code b} on their match of {@code task}. */
    private void votes(Connection c, UUID task, int a, int b, int wins, int losses) throws SQLException {
        UUID match = match(c, task, a, b);
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO votes (match_id, voter_key, ip_hash, outcome)
                SELECT m.id, ?, 'ip-hash-test',
                       CASE WHEN (ls.model_id = ?) = ? THEN 'left' ELSE 'right' END
                FROM matches m JOIN submissions ls ON ls.id = m.left_submission_id WHERE m.id = ?""")) {
            for (int i = 0; i < wins + losses; i++) {
                st.setString(1, "voter-" + UUID.randomUUID());
                st.setObject(2, models.get(a));
                st.setBoolean(3, i < wins);
                st.setObject(4, match);
                if (st.executeUpdate() != 1) {
                    throw new AssertionError("no vote stored on " + match);
                }
            }
        }
    }

    private UUID match(Connection c, UUID task, int a, int b) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT m.id FROM matches m
                JOIN submissions ls ON ls.id = m.left_submission_id
                JOIN submissions rs ON rs.id = m.right_submission_id
                WHERE m.task_id = ? AND ((ls.model_id = ? AND rs.model_id = ?) OR (ls.model_id = ? AND rs.model_id = ?))""")) {
            st.setObject(1, task);
            st.setObject(2, models.get(a));
            st.setObject(3, models.get(b));
            st.setObject(4, models.get(b));
            st.setObject(5, models.get(a));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no match of " + a + " and " + b);
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
