package dev.autobench.generator;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static dev.autobench.testsupport.DatabaseRefusals.assertRefused;
import static dev.autobench.testsupport.DatabaseRefusals.currentUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator logs in as its own role, and the database itself refuses the writes the generator never
 * makes; what it does write, the rest of this suite exercises through the same login.
 */
@QuarkusTest
class DatabaseRoleTest {

    /** The service's own connection pool, logged in as the service. */
    @Inject
    AgroalDataSource serviceLogin;

    @Test
    void theServiceLogsInAsItsOwnRoleNotAsTheOwner() throws SQLException {
        assertThat(currentUser(serviceLogin)).isEqualTo("autobench_generator");
    }

    @Test
    void theGeneratorCannotWriteSubmissionsModelsOrVotes() {
        assertRefused(serviceLogin, "INSERT INTO models (slug, provider, api_model, display_name) VALUES ('x', 'demo', 'x', 'x')");
        assertRefused(serviceLogin, "UPDATE models SET base_url = 'https://attacker.example'");
        assertRefused(serviceLogin, "UPDATE submissions SET code = '<p>rewritten</p>'");
        assertRefused(serviceLogin, "DELETE FROM votes");
        assertRefused(serviceLogin, "SELECT * FROM votes");
    }

    @Test
    void theGeneratorCannotMoveDispatchOrDeleteTasks() {
        // it completes pending rows (their draft columns), but never a task's day, slot or dispatch
        assertRefused(serviceLogin, "UPDATE tasks SET slot = slot + 100");
        assertRefused(serviceLogin, "UPDATE tasks SET task_date = task_date + 1");
        assertRefused(serviceLogin, "UPDATE tasks SET dispatched_at = now()");
        assertRefused(serviceLogin, "DELETE FROM tasks");
        // of the ledger it records its author calls' outcomes, never which call or whose a row is
        assertRefused(serviceLogin, "UPDATE provider_calls SET purpose = 'task_author'");
        assertRefused(serviceLogin, "UPDATE provider_calls SET submission_id = NULL");
        assertRefused(serviceLogin, "UPDATE provider_calls SET started_at = now()");
        assertRefused(serviceLogin, "DELETE FROM provider_calls");
    }
}
