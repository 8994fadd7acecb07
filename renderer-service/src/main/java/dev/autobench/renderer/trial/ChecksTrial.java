package dev.autobench.renderer.trial;

import dev.autobench.common.checks.CheckScore;
import dev.autobench.common.checks.CheckTrialRequest;
import dev.autobench.common.checks.CheckTrialResult;
import dev.autobench.common.checks.CheckValidation;
import dev.autobench.common.problem.ProblemException;
import dev.autobench.renderer.chromium.ChromiumRenderer;
import dev.autobench.renderer.chromium.PageRender;
import dev.autobench.renderer.config.RendererConfig;
import dev.autobench.renderer.render.ArtifactHtmlHardener;
import dev.autobench.renderer.render.HardenedHtml;
import dev.autobench.renderer.metrics.RenderMetrics;
import dev.autobench.renderer.metrics.RenderPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a task's acceptance checks on its author's reference page, so that a task reaches the models only with
 * checks that a page doing the task passes. The page goes through the same hardening and the same bounded pool of
 * isolated, network-less browsers as a submission; nothing is stored.
 */
@ApplicationScoped
public class ChecksTrial {

    private final ArtifactHtmlHardener hardener;
    private final ChromiumRenderer chromium;
    private final RenderMetrics metrics;
    private final RendererConfig config;

    public ChecksTrial(ArtifactHtmlHardener hardener, ChromiumRenderer chromium, RenderMetrics metrics,
                       RendererConfig config) {
        this.hardener = hardener;
        this.chromium = chromium;
        this.metrics = metrics;
        this.config = config;
    }

    public CheckTrialResult run(CheckTrialRequest request) {
        if (request == null || request.html() == null || request.html().isBlank()) {
            throw ProblemException.badRequest("html is required: the reference page to check");
        }
        List<String> problems = CheckValidation.problems(request.checks());
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("checks: " + String.join("; ", problems));
        }
        HardenedHtml page = hardener.harden(request.html());
        if (page.tooLarge()) {
            throw ProblemException.badRequest("html is " + page.sizeBytes() + " bytes; a page may have at most "
                    + config.maxHtmlBytes());
        }
        if (!chromium.available()) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                    "no Chromium on this renderer: the checks cannot run", Map.of("Retry-After", "60"));
        }
        PageRender result;
        try {
            result = chromium.render(page.html(), request.checks());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "the renderer is stopping",
                    Map.of("Retry-After", "5"));
        }
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        metrics.chromiumRun(RenderPurpose.TRIAL, outcome, Duration.ofMillis(result.renderMs()));
        result.checks().forEach(check -> metrics.checked(RenderPurpose.TRIAL, check));
        CheckScore score = CheckScore.of(result.checks());
        return new CheckTrialResult(outcome, score.passed(), score.total(), result.jsErrorCount(), result.renderMs(),
                result.checks());
    }
}
