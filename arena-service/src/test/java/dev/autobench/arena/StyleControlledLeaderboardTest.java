package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The style-controlled board through the API: three models whose weaker members write longer code,
 * voted on by a population that prefers longer code whoever wrote it.
 */
@QuarkusTest
class StyleControlledLeaderboardTest {

    private static final double[] TRUTH = {900, 1000, 1100};
    private static final double[] TYPICAL_LOG2_LENGTH = {13, 11.5, 10};
    private static final double ELO_PER_DOUBLING = 150;
    private static final int TASKS = 10;
    private static final int VOTES_PER_MATCH = 60;

    ArenaFixtures.Seeded seeded;

    @BeforeEach
    void seed() throws Exception {
        ArenaFixtures.reset();
        seeded = ArenaFixtures.seed(3, TASKS, Instant.now(), "games", "s");
        Voters.pair();
        SplittableRandom random = new SplittableRandom(42);
        double[] log2Length = new double[seeded.submissions().size()];
        try (Connection c = ArenaFixtures.connect()) {
            for (int task = 0; task < TASKS; task++) {
                for (int model = 0; model < 3; model++) {
                    int index = task * 3 + model;
                    // each model's length varies from task to task by up to a doubling either way
                    log2Length[index] = TYPICAL_LOG2_LENGTH[model] + ((task * 7 + model * 3) % 5 - 2) / 2.0;
                    try (PreparedStatement st = c.prepareStatement("UPDATE submissions SET code = repeat('x', ?) WHERE id = ?")) {
                        st.setInt(1, (int) Math.round(Math.pow(2, log2Length[index])));
                        st.setObject(2, seeded.submissions().get(index));
                        assertThat(st.executeUpdate()).isEqualTo(1);
                    }
                }
            }
            Map<UUID, Integer> indexOf = new java.util.HashMap<>();
            for (int i = 0; i < seeded.submissions().size(); i++) {
                indexOf.put(seeded.submissions().get(i), i);
            }
            try (PreparedStatement matches = c.prepareStatement("SELECT id, left_submission_id, right_submission_id FROM matches");
                 PreparedStatement vote = c.prepareStatement(
                         "INSERT INTO votes (match_id, voter_key, ip_hash, outcome) VALUES (?, ?, 'ip-hash-test', ?)");
                 ResultSet rs = matches.executeQuery()) {
                while (rs.next()) {
                    int left = indexOf.get(rs.getObject(2, UUID.class));
                    int right = indexOf.get(rs.getObject(3, UUID.class));
                    double elo = TRUTH[left % 3] - TRUTH[right % 3]
                            + ELO_PER_DOUBLING * (log2Length[left] - log2Length[right]);
                    double pLeft = 1 / (1 + Math.pow(10, -elo / 400));
                    for (int k = 0; k < VOTES_PER_MATCH; k++) {
                        vote.setObject(1, rs.getObject(1, UUID.class));
                        vote.setString(2, "voter-" + UUID.randomUUID());
                        vote.setString(3, random.nextDouble() < pLeft ? "left" : "right");
                        vote.addBatch();
                    }
                }
                vote.executeBatch();
            }
        }
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '24 hours'");
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute")
                .then().statusCode(200).body("computedAt", notNullValue());
    }

    @Test
    void theStyleControlledRanksRecoverTheTrueOrderWhereThePlainRanksDoNot() {
        JsonPath board = given().get("/api/leaderboard").then().statusCode(200).extract().jsonPath();

        List<String> slugs = seeded.slugs();
        assertThat(board.getInt("votes")).isEqualTo(3 * TASKS * VOTES_PER_MATCH);
        // plain: the weakest model, which writes the longest code, is on top
        assertThat(board.getString("models[0].model")).isEqualTo(slugs.get(0));
        assertThat(board.getInt("models[0].rank")).isEqualTo(1);
        for (int model = 0; model < 3; model++) {
            Map<String, Object> row = board.getMap("models.find { it.model == '" + slugs.get(model) + "' }");
            assertThat(((Number) row.get("styleRank")).intValue()).as("style rank of model %d", model)
                    .isEqualTo(3 - model);
            float rating = ((Number) row.get("styleRating")).floatValue();
            assertThat(((Number) row.get("styleCiLow")).floatValue()).isLessThan(rating);
            assertThat(((Number) row.get("styleCiHigh")).floatValue()).isGreaterThan(rating);
        }
        assertThat(board.getList("style.effects.covariate"))
                .containsExactly("code_length", "external_libraries", "js_errors", "render_time");
        Map<String, Object> length = board.getMap("style.effects.find { it.covariate == 'code_length' }");
        // the effect is recovered near its true value; a 95% interval misses the truth one run in twenty (the votes
        // fall on matches in the database's row order, so each run draws other data), so its bounds get some room
        double effect = ((Number) length.get("effect")).doubleValue();
        assertThat(effect).isBetween(0.6 * ELO_PER_DOUBLING, 1.4 * ELO_PER_DOUBLING);
        assertThat(((Number) length.get("ciLow")).doubleValue()).isGreaterThan(0).isLessThan(effect);
        assertThat(((Number) length.get("ciHigh")).doubleValue()).isGreaterThan(effect)
                .isGreaterThan(0.8 * ELO_PER_DOUBLING);
        assertThat(length.get("unit")).asString().contains("doubling");
        assertThat(board.getLong("position.leftWins") + board.getLong("position.rightWins")
                + board.getLong("position.ties")).isEqualTo(3L * TASKS * VOTES_PER_MATCH);
        assertThat(board.getString("position.effect")).isNotNull();
    }

    @Test
    void theCsvCarriesTheStyleControlledColumns() {
        String csv = given().get("/api/leaderboard.csv").then().statusCode(200)
                .body(containsString("style_rank,style_rating,style_ci_low,style_ci_high")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        // the plain leader (model 0) is last once style is held equal
        assertThat(lines[1]).startsWith("1,\"" + seeded.slugs().get(0) + "\"");
        assertThat(lines[1].split(",")[20]).isEqualTo("3");
    }
}
