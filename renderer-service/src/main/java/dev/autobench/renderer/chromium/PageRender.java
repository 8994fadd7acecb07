package dev.autobench.renderer.chromium;

import dev.autobench.common.checks.Check;
import dev.autobench.common.checks.CheckOutcome;
import dev.autobench.common.checks.CheckResult;
import dev.autobench.renderer.artifact.PageProblem;

import java.util.List;

/**
 * What one Chromium run made of a page.
 *
 * @param outcome       how the run ended
 * @param screenshotPng the viewport as PNG, when captured
 * @param width         screenshot width in pixels, when captured
 * @param height        screenshot height in pixels, when captured
 * @param blank         whether the screenshot is a single colour; {@code null} when unknown
 * @param jsErrors      uncaught exceptions (the first ones)
 * @param jsErrorCount  how many uncaught exceptions there were in all
 * @param consoleErrors console.error calls and browser-logged errors (blocked requests, CSP violations)
 * @param renderMs      wall time of the run, Chromium start included
 * @param detail        why a run failed, for the log
 * @param attempts      browsers started for this page, the one that produced this result included
 * @param retryReasons  why each earlier browser was given up ({@code launch}, {@code before_load})
 * @param checks        one result per acceptance check of the task, in its order; empty when it has none
 */
public record PageRender(Outcome outcome, byte[] screenshotPng, Integer width, Integer height, Boolean blank,
                         List<PageProblem> jsErrors, int jsErrorCount, List<PageProblem> consoleErrors,
                         int renderMs, String detail, int attempts, List<String> retryReasons,
                         List<CheckResult> checks) {

    /** This result as the last of a series of runs, after the given retries. */
    PageRender after(List<String> retries) {
        return new PageRender(outcome, screenshotPng, width, height, blank, jsErrors, jsErrorCount, consoleErrors,
                renderMs, detail, retries.size() + 1, List.copyOf(retries), checks);
    }

    /** This result with the checks' results. */
    PageRender withChecks(List<CheckResult> results) {
        return new PageRender(outcome, screenshotPng, width, height, blank, jsErrors, jsErrorCount, consoleErrors,
                renderMs, detail, attempts, retryReasons, List.copyOf(results));
    }

    /** Every check marked not run, with the reason: the page was never captured, so nothing could be checked. */
    static List<CheckResult> notRun(List<Check> checks, String why) {
        return checks.stream().map(c -> CheckResult.of(c, CheckOutcome.NOT_RUN, why, 0)).toList();
    }

    public enum Outcome {
        /** The page loaded and was captured (JS errors or not). */
        RENDERED,
        /** The page did not load and settle within the hard timeout; Chromium was killed. */
        TIMEOUT,
        /** The page's renderer process died. */
        CRASHED,
        /** Chromium could not be started or driven. */
        CHROMIUM_ERROR
    }
}
