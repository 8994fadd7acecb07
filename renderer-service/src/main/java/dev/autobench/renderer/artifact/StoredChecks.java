package dev.autobench.renderer.artifact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.common.checks.Check;
import dev.autobench.common.checks.CheckValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Reads a task's checks as stored in {@code tasks.checks}. The generator validates them before storing; checks that
 * still do not parse or validate (an operator's SQL, a newer generator) are not run rather than run half-understood,
 * and the page is rendered as if its task had none.
 */
@ApplicationScoped
public class StoredChecks {

    private static final Logger LOG = Logger.getLogger(StoredChecks.class);
    private static final TypeReference<List<Check>> LIST = new TypeReference<>() {
    };

    private final ObjectMapper json;

    @Inject
    public StoredChecks(ObjectMapper json) {
        this.json = json;
    }

    List<Check> parse(UUID submission, String stored) {
        if (stored == null || stored.isBlank() || stored.equals("[]")) {
            return List.of();
        }
        try {
            List<Check> checks = json.readValue(stored, LIST);
            List<String> problems = CheckValidation.problems(checks);
            if (!problems.isEmpty()) {
                LOG.warnf("submission %s: the task's checks are invalid and are not run: %s", submission, problems);
                return List.of();
            }
            return checks;
        } catch (Exception e) {
            LOG.warnf("submission %s: the task's checks cannot be read and are not run: %s", submission, e.getMessage());
            return List.of();
        }
    }
}
