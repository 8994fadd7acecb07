package dev.autobench.dispatcher.dispatch.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of {@code POST /api/dispatch}.
 *
 * @param tasks     generated tasks considered
 * @param calls     HTTP attempts made to providers by this run (retries included)
 * @param succeeded (task, model) pairs this run completed with code
 * @param failed    pairs this run completed as failed
 * @param skipped   pairs already claimed before (by an earlier or concurrent run), or not claimed because the
 *                  service is shutting down: not called
 * @param deferred  pairs released unsent because their provider's circuit was open: dispatched again later
 */
@RegisterForReflection
public record DispatchSummary(int tasks, int calls, int succeeded, int failed, int skipped, int deferred) {
}
