package dev.autobench.arena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.arena.export.VotesExport;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The acceptance checks in the public API: each task lists its checks and each solution its results; the pass
 * rates (per model and category, Wilson intervals, closed tasks only) and votes against checks; and the export's
 * per-side check results in its FastChat-compatible extension.
 */
@QuarkusTest
class AcceptanceChecksApiTest {

    static final String CHECKS = """
            [{"id": "board", "kind": "element", "description": "A board is visible.", "selector": "canvas"},
             {"id": "no-errors", "kind": "no_errors", "description": "No uncaught error."}]""";

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    VotesExport export;

    @Test
    void checksAreShownPerTaskAndSolutionCountedIntoPassRatesAndExportedPerBattleSide() throws Exception {
        ArenaFixtures.reset();
        ArenaFixtures.Seeded seeded = ArenaFixtures.seed(2, 3, Instant.now(), "games", "checks");
        UUID closedA = seeded.tasks().get(0);
        UUID closedB = seeded.tasks().get(1);
        UUID open = seeded.tasks().get(2);
        ArenaFixtures.execute("UPDATE tasks SET checks = '" + CHECKS + "'::jsonb");
        String strong = seeded.slugs().get(0);
        String weak = seeded.slugs().get(1);
        // the strong model passes everything; the weak one fails the error check on task A, and only on the open
        // task would it look perfect
        for (int t = 0; t < 3; t++) {
            for (int m = 0; m < 2; m++) {
                UUID submission = seeded.submissions().get(t * 2 + m);
                boolean fails = m == 1 && t != 1;
                boolean notRunOnOpen = m == 0 && t == 2;
                checked(submission, fails && t == 0 ? 1 : notRunOnOpen ? 0 : 2);
            }
        }
        // paired while every task is open, as the arena does; then two of them close
        assertThat(Voters.pair()).isEqualTo(3);
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '25 hours' WHERE id IN ('"
                + closedA + "', '" + closedB + "')");
        try (Connection c = ArenaFixtures.connect()) {
            vote(c, closedA, strong, 3);
            vote(c, closedA, weak, 1);
            vote(c, closedA, null, 2);
            vote(c, closedB, weak, 5); // both passed everything: not a vote about the checks
        }

        JsonNode task = json.readTree(given().get("/api/tasks/" + closedA).then().statusCode(200).extract().asString());
        assertThat(task.path("task").path("checks").get(0).path("description").asText()).isEqualTo("A board is visible.");
        for (JsonNode submission : task.path("submissions")) {
            JsonNode artifact = submission.path("artifact");
            assertThat(artifact.path("checksTotal").asInt()).isEqualTo(2);
            assertThat(artifact.path("checks").size()).isEqualTo(2);
            boolean weakSide = submission.path("model").path("model").asText().equals(weak);
            assertThat(artifact.path("checksPassed").asInt()).isEqualTo(weakSide ? 1 : 2);
            assertThat(artifact.path("checks").get(1).path("outcome").asText()).isEqualTo(weakSide ? "failed" : "passed");
        }

        JsonNode rates = json.readTree(given().get("/api/pass-rates").then().statusCode(200).extract().asString());
        JsonNode first = rates.path("models").get(0);
        JsonNode second = rates.path("models").get(1);
        assertThat(first.path("model").asText()).isEqualTo(strong);
        assertThat(first.path("checked").asLong()).isEqualTo(2);
        assertThat(first.path("passed").asLong()).isEqualTo(2);
        assertThat(first.path("passRate").asDouble()).isEqualTo(1.0);
        // Wilson 95% of 2/2: [0.342, 1]
        assertThat(first.path("low").asDouble()).isCloseTo(0.3424, within(0.001));
        assertThat(first.path("high").asDouble()).isEqualTo(1.0);
        assertThat(second.path("model").asText()).isEqualTo(weak);
        assertThat(second.path("checked").asLong()).isEqualTo(2);
        assertThat(second.path("passed").asLong()).isEqualTo(1);
        assertThat(second.path("checksPassed").asLong()).isEqualTo(3);
        assertThat(second.path("checksTotal").asLong()).isEqualTo(4);
        assertThat(second.path("low").asDouble()).isCloseTo(0.0945, within(0.001));
        assertThat(second.path("high").asDouble()).isCloseTo(0.9055, within(0.001));
        assertThat(second.path("categories").get(0).path("category").asText()).isEqualTo("games");
        assertThat(rates.path("categories").get(0).path("checked").asLong()).isEqualTo(4);
        JsonNode votes = rates.path("votesVsChecks");
        assertThat(votes.path("forMorePassing").asLong()).isEqualTo(3);
        assertThat(votes.path("forFewerPassing").asLong()).isEqualTo(1);
        assertThat(votes.path("tieOrBothBad").asLong()).isEqualTo(2);
        assertThat(votes.path("decisiveVotes").asLong()).isEqualTo(4);
        assertThat(votes.path("agreement").asDouble()).isEqualTo(0.75);

        export.refresh();
        String[] lines = given().get("/api/export/votes").then().statusCode(200).extract().asString().split("\n");
        assertThat(lines).hasSize(11);
        for (String line : lines) {
            JsonNode battle = json.readTree(line);
            JsonNode checks = battle.path("autobench_checks");
            for (String side : new String[]{"model_a", "model_b"}) {
                boolean weakFailing = battle.path(side).asText().equals(weak)
                        && battle.path("question_id").asText().equals(closedA.toString());
                assertThat(checks.path(side).path("total").asInt()).as(line).isEqualTo(2);
                assertThat(checks.path(side).path("passed").asInt()).as(line).isEqualTo(weakFailing ? 1 : 2);
                assertThat(checks.path(side).path("failed").toString()).as(line)
                        .isEqualTo(weakFailing ? "[\"no-errors\"]" : "[]");
            }
        }
    }

    /** Stores check results on a submission's artifact: the first {@code passed} of the task's two checks pass. */
    private static void checked(UUID submission, int passed) {
        StringBuilder results = new StringBuilder("[");
        String[] ids = {"board", "no-errors"};
        for (int i = 0; i < 2; i++) {
            results.append(i == 0 ? "" : ",").append("{\"id\": \"").append(ids[i])
                    .append("\", \"kind\": \"element\", \"description\": \"d\", \"outcome\": \"")
                    .append(i < passed ? "passed" : "failed").append("\", \"detail\": \"seen\", \"ms\": 5}");
        }
        results.append("]");
        ArenaFixtures.execute("UPDATE artifacts SET checks = '" + results + "'::jsonb, checks_passed = " + passed
                + ", checks_total = 2 WHERE submission_id = '" + submission + "'");
    }

    /** {@code count} counted votes on the task's match for the side of {@code winner} (null: a tie). */
    private static void vote(Connection c, UUID task, String winner, int count) throws Exception {
        String leftSlug;
        try (PreparedStatement st = c.prepareStatement("""
                SELECT md.slug FROM matches m JOIN submissions s ON s.id = m.left_submission_id
                JOIN models md ON md.id = s.model_id WHERE m.task_id = ?""")) {
            st.setObject(1, task);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                leftSlug = rs.getString(1);
            }
        }
        String outcome = winner == null ? "tie" : winner.equals(leftSlug) ? "left" : "right";
        ArenaFixtures.voteOnEveryMatch(c, task, outcome, count, 1);
    }
}
