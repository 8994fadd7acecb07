package dev.autobench.dispatcher;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static dev.autobench.testsupport.DatabaseRefusals.assertRefused;
import static dev.autobench.testsupport.DatabaseRefusals.currentUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher logs in as its own role, and the database itself refuses the writes the dispatcher never
 * makes; what it does write, the rest of this suite exercises through the same login.
 */
@QuarkusTest
class DatabaseRoleTest {

    /** The service's own connection pool, logged in as the service. */
    @Inject
    AgroalDataSource serviceLogin;

    @Test
    void theServiceLogsInAsItsOwnRoleNotAsTheOwner() throws SQLException {
        assertThat(currentUser(serviceLogin)).isEqualTo("autobench_dispatcher");
    }

    @Test
    void theDispatcherCannotWriteVotesMatchesOrArtifacts() {
        assertRefused(serviceLogin, "DELETE FROM votes");
        assertRefused(serviceLogin, "UPDATE votes SET outcome = 'left'");
        assertRefused(serviceLogin, "UPDATE matches SET vote_count = 0");
        assertRefused(serviceLogin, "UPDATE artifacts SET html = '<p>rewritten</p>'");
        assertRefused(serviceLogin, "DELETE FROM leaderboard_snapshots");
    }

    @Test
    void theDispatcherMayOnlyMoveATaskToDispatchedNotRewriteIt() {
        assertRefused(serviceLogin, "UPDATE tasks SET spec = '{}'::jsonb");
        assertRefused(serviceLogin, "INSERT INTO tasks (task_date, slot, title, category, spec) VALUES ('2031-01-01', 1, 't', 'c', '{}')");
        assertRefused(serviceLogin, "DELETE FROM submissions");
        assertRefused(serviceLogin, "DELETE FROM models");
    }
}
