package dev.autobench.generator.author;

import dev.autobench.common.checks.Check;
import dev.autobench.common.checks.CheckResult;
import dev.autobench.common.checks.CheckTrialResult;
import dev.autobench.generator.metrics.GeneratorMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Proves an authored day's checks before its tasks reach the models: each task's checks run on the author's own
 * reference page in the renderer's browser. A check that page fails is wrong about the task (or the page is), so it
 * is dropped; a task whose remaining checks no longer make a valid set, or whose page does not render, fails the
 * whole answer and the bank stands in, as for any other authoring failure.
 */
@ApplicationScoped
public class ReferenceProof {

    private static final Logger LOG = Logger.getLogger(ReferenceProof.class);

    private final ReferenceTrial trial;
    private final GeneratorMetrics metrics;

    public ReferenceProof(ReferenceTrial trial, GeneratorMetrics metrics) {
        this.trial = trial;
        this.metrics = metrics;
    }

    List<AuthoredTask> prove(List<AuthoredTask> tasks) {
        List<AuthoredTask> proven = new ArrayList<>(tasks.size());
        for (AuthoredTask task : tasks) {
            CheckTrialResult result;
            try {
                result = trial.run(task.referencePage(), task.checks());
            } catch (RuntimeException e) {
                throw new TaskAuthorException("the checks of '" + task.title() + "' could not be tried on its reference"
                        + " page by the renderer at " + trial.rendererUrl() + ": " + e.getMessage(), e);
            }
            proven.add(task.withChecks(kept(task, result)));
        }
        return proven;
    }

    private List<Check> kept(AuthoredTask task, CheckTrialResult result) {
        if (!"rendered".equals(result.outcome())) {
            throw new TaskAuthorException("the reference page of '" + task.title() + "' did not render ("
                    + result.outcome() + ")");
        }
        Set<String> passed = new HashSet<>();
        for (CheckResult r : result.checks()) {
            if (r.passed()) {
                passed.add(r.id());
            } else {
                LOG.infof("authored task '%s': check '%s' dropped, its own reference page fails it: %s",
                        task.title(), r.id(), r.detail());
            }
        }
        List<Check> kept = task.checks().stream().filter(c -> passed.contains(c.id())).toList();
        metrics.authorChecksDropped(task.checks().size() - kept.size());
        List<String> problems = AuthoredTasksParser.problemsOf(kept);
        if (!problems.isEmpty()) {
            throw new TaskAuthorException("the checks of '" + task.title() + "' that its reference page passes are"
                    + " not enough: " + String.join("; ", problems));
        }
        return kept;
    }
}
