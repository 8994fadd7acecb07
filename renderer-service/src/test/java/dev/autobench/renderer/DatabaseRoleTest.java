package dev.autobench.renderer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static dev.autobench.testsupport.DatabaseRefusals.assertRefused;
import static dev.autobench.testsupport.DatabaseRefusals.currentUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer logs in as its own role, and the database itself refuses the writes the renderer never
 * makes; what it does write, the rest of this suite exercises through the same login.
 */
@QuarkusTest
class DatabaseRoleTest {

    /** The service's own connection pool, logged in as the service. */
    @Inject
    AgroalDataSource serviceLogin;

    @Test
    void theServiceLogsInAsItsOwnRoleNotAsTheOwner() throws SQLException {
        assertThat(currentUser(serviceLogin)).isEqualTo("autobench_renderer");
    }

    @Test
    void theRendererCannotRewriteModelsSubmissionsOrVotes() {
        assertRefused(serviceLogin, "UPDATE models SET base_url = 'https://attacker.example'");
        assertRefused(serviceLogin, "SELECT base_url FROM models");
        assertRefused(serviceLogin, "UPDATE submissions SET code = '<p>rewritten</p>'");
        assertRefused(serviceLogin, "SELECT id FROM submissions FOR UPDATE");
        assertRefused(serviceLogin, "INSERT INTO votes (match_id, voter_key, ip_hash, outcome) VALUES (gen_random_uuid(), 'voter-key', 'iphash-00', 'left')");
        assertRefused(serviceLogin, "UPDATE votes SET outcome = 'left'");
        assertRefused(serviceLogin, "UPDATE matches SET vote_count = 0");
        assertRefused(serviceLogin, "DELETE FROM artifacts");
    }
}
