package dev.autobench.schema;

import dev.autobench.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema's invariants are the database's own: these tests talk SQL to a real PostgreSQL. */
class SchemaMigrationTest {

    private static String url;

    @BeforeAll
    static void migrate() {
        url = TestPostgres.freshDatabase("schema");
        MigrateResult first = flyway().migrate();
        assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(first.success).isTrue();
    }

    private static Flyway flyway() {
        return Flyway.configure()
                .dataSource(url, TestPostgres.user(), TestPostgres.password())
                .locations("classpath:db/migration")
                .load();
    }

    @Test
    void migratingAgainIsANoOpAndValidates() {
        MigrateResult again = flyway().migrate();
        assertThat(again.migrationsExecuted).isZero();
        flyway().validate();
    }

    @Test
    void duplicateSubmissionForTheSameTaskAndModelIsRejected() throws SQLException {
        try (Connection c = connect()) {
            UUID task = task(c, "2030-01-01", 1);
            UUID model = model(c, "dup-model");
            submission(c, task, model);
            assertThatThrownBy(() -> submission(c, task, model))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("submissions_task_model_key");
        }
    }

    @Test
    void secondTaskInAnOccupiedDateAndSlotIsRejected() throws SQLException {
        try (Connection c = connect()) {
            task(c, "2030-01-02", 2);
            assertThatThrownBy(() -> task(c, "2030-01-02", 2))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("tasks_date_slot_key");
        }
    }

    @Test
    void duplicateVoteBySameVoterOnAMatchIsRejected() throws SQLException {
        try (Connection c = connect()) {
            UUID task = task(c, "2030-01-03", 1);
            UUID a = submission(c, task, model(c, "vote-a"));
            UUID b = submission(c, task, model(c, "vote-b"));
            UUID match = match(c, task, a, b);
            vote(c, match, "voter-key-1", "left");
            assertThatThrownBy(() -> vote(c, match, "voter-key-1", "right"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("votes_match_voter_key");
            vote(c, match, "voter-key-2", "tie");
        }
    }

    @Test
    void unknownStatusesAndOutcomesAreRejected() throws SQLException {
        try (Connection c = connect()) {
            assertThatThrownBy(() -> exec(c, "INSERT INTO tasks (task_date, slot, title, category, spec, status)"
                    + " VALUES ('2030-01-04', 1, 't', 'c', '{}', 'finished')"))
                    .hasMessageContaining("tasks_status_check");
            UUID task = task(c, "2030-01-04", 1);
            UUID model = model(c, "status-model");
            assertThatThrownBy(() -> exec(c, "INSERT INTO submissions (task_id, model_id, status) VALUES ('"
                    + task + "', '" + model + "', 'exploded')"))
                    .hasMessageContaining("submissions_status_check");
            UUID a = submission(c, task, model);
            UUID b = submission(c, task, model(c, "status-model-2"));
            UUID match = match(c, task, a, b);
            assertThatThrownBy(() -> vote(c, match, "voter-key-9", "draw"))
                    .hasMessageContaining("votes_outcome_check");
        }
    }

    @Test
    void aSucceededSubmissionMustCarryCodeAndAFailedOneAReason() throws SQLException {
        try (Connection c = connect()) {
            UUID task = task(c, "2030-01-05", 1);
            UUID model = model(c, "state-model");
            assertThatThrownBy(() -> exec(c, "INSERT INTO submissions (task_id, model_id, status) VALUES ('"
                    + task + "', '" + model + "', 'succeeded')"))
                    .hasMessageContaining("submissions_succeeded_has_code");
            assertThatThrownBy(() -> exec(c, "INSERT INTO submissions (task_id, model_id, status) VALUES ('"
                    + task + "', '" + model + "', 'failed')"))
                    .hasMessageContaining("submissions_failed_has_reason");
        }
    }

    @Test
    void oneMatchPerUnorderedPairAndBothSidesFromTheSameTask() throws SQLException {
        try (Connection c = connect()) {
            UUID task = task(c, "2030-01-06", 1);
            UUID other = task(c, "2030-01-06", 2);
            UUID a = submission(c, task, model(c, "pair-a"));
            UUID b = submission(c, task, model(c, "pair-b"));
            UUID foreign = submission(c, other, model(c, "pair-c"));
            match(c, task, a, b);
            assertThatThrownBy(() -> match(c, task, b, a))
                    .hasMessageContaining("matches_unordered_pair_key");
            assertThatThrownBy(() -> match(c, task, a, foreign))
                    .hasMessageContaining("matches_right_same_task");
            assertThatThrownBy(() -> match(c, task, a, a))
                    .hasMessageContaining("matches_distinct_sides");
        }
    }

    @Test
    void oneArtifactPerSubmission() throws SQLException {
        try (Connection c = connect()) {
            UUID task = task(c, "2030-01-07", 1);
            UUID s = submission(c, task, model(c, "artifact-model"));
            exec(c, "INSERT INTO artifacts (submission_id) VALUES ('" + s + "')");
            assertThatThrownBy(() -> exec(c, "INSERT INTO artifacts (submission_id) VALUES ('" + s + "')"))
                    .hasMessageContaining("artifacts_submission_id_key");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password());
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static UUID returningId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static UUID task(Connection c, String date, int slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (task_date, slot, title, category, spec, status)"
                + " VALUES (?::date, ?, 'title', 'games', '{}'::jsonb, 'generated') RETURNING id")) {
            ps.setString(1, date);
            ps.setInt(2, slot);
            return returningId(ps);
        }
    }

    private static UUID model(Connection c, String slug) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO models (slug, provider, api_model, display_name)"
                + " VALUES (?, 'demo', ?, ?) RETURNING id")) {
            ps.setString(1, slug);
            ps.setString(2, slug);
            ps.setString(3, slug);
            return returningId(ps);
        }
    }

    private static UUID submission(Connection c, UUID task, UUID model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO submissions (task_id, model_id, status, code)"
                + " VALUES (?, ?, 'succeeded', '<p>hi</p>') RETURNING id")) {
            ps.setObject(1, task);
            ps.setObject(2, model);
            return returningId(ps);
        }
    }

    private static UUID match(Connection c, UUID task, UUID left, UUID right) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO matches (task_id, left_submission_id, right_submission_id)"
                + " VALUES (?, ?, ?) RETURNING id")) {
            ps.setObject(1, task);
            ps.setObject(2, left);
            ps.setObject(3, right);
            return returningId(ps);
        }
    }

    private static void vote(Connection c, UUID match, String voter, String outcome) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO votes (match_id, voter_key, ip_hash, outcome)"
                + " VALUES (?, ?, 'iphash-0000', ?)")) {
            ps.setObject(1, match);
            ps.setString(2, voter);
            ps.setString(3, outcome);
            ps.executeUpdate();
        }
    }
}
