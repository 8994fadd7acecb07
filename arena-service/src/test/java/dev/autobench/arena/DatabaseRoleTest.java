package dev.autobench.arena;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static dev.autobench.testsupport.DatabaseRefusals.assertRefused;
import static dev.autobench.testsupport.DatabaseRefusals.currentUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arena logs in as its own role, and the database itself refuses the writes the arena never
 * makes; what it does write, the rest of this suite exercises through the same login.
 */
@QuarkusTest
class DatabaseRoleTest {

    /** The service's own connection pool, logged in as the service. */
    @Inject
    AgroalDataSource serviceLogin;

    @Test
    void theServiceLogsInAsItsOwnRoleNotAsTheOwner() throws SQLException {
        assertThat(currentUser(serviceLogin)).isEqualTo("autobench_arena");
    }

    @Test
    void theArenaCannotRewriteModelsSubmissionsTasksOrArtifacts() {
        assertRefused(serviceLogin, "UPDATE models SET base_url = 'https://attacker.example'");
        assertRefused(serviceLogin, "UPDATE submissions SET code = '<p>rewritten</p>'");
        assertRefused(serviceLogin, "UPDATE tasks SET status = 'generated'");
        assertRefused(serviceLogin, "UPDATE artifacts SET html = '<p>rewritten</p>'");
        assertRefused(serviceLogin, "SELECT * FROM provider_calls");
    }

    @Test
    void theArenaCannotRewriteOrDeleteVotesNorRewriteMatchSides() {
        assertRefused(serviceLogin, "UPDATE votes SET outcome = 'left'");
        assertRefused(serviceLogin, "DELETE FROM votes");
        assertRefused(serviceLogin, "UPDATE matches SET left_submission_id = right_submission_id");
        assertRefused(serviceLogin, "DELETE FROM matches");
    }
}
