package dev.autobench.common.checks;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * What the checks made of a reference page, rendered exactly as a submission would be (same hardening, same
 * isolated browser, same limits) but stored nowhere.
 *
 * @param outcome   how the render ended: rendered, timeout, crashed or chromium_error
 * @param passed    how many checks passed
 * @param total     how many checks ran or were marked not run
 * @param jsErrors  uncaught exceptions the page threw
 * @param renderMs  wall time of the render and the checks
 * @param checks    one result per check, in the request's order
 */
@RegisterForReflection
public record CheckTrialResult(String outcome, int passed, int total, int jsErrors, int renderMs, List<CheckResult> checks) {
}
