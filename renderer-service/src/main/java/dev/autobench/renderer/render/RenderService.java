package dev.autobench.renderer.render;

import dev.autobench.renderer.metrics.RenderMetrics;
import dev.autobench.renderer.metrics.RenderPurpose;
import dev.autobench.common.checks.CheckScore;
import dev.autobench.renderer.chromium.ChromiumRenderer;
import dev.autobench.renderer.chromium.PageRender;
import dev.autobench.renderer.config.RendererConfig;
import dev.autobench.renderer.artifact.Artifact;
import dev.autobench.renderer.artifact.PageProblem;
import dev.autobench.renderer.artifact.RenderClaim;
import dev.autobench.renderer.render.api.RenderSummary;
import dev.autobench.renderer.artifact.ArtifactRepository;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Renders every succeeded submission that has no artifact yet, once each: claim one (committed before any work),
 * harden its page, render it outside any transaction, store the result. {@code concurrency} workers drain the
 * queue; the Chromium renderer bounds how many browsers run at once across every caller.
 */
@ApplicationScoped
public class RenderService {

    public static final String TIMEOUT = "timeout";
    public static final String TOO_LARGE = "too_large";
    public static final String CRASHED = "crashed";
    public static final String CHROMIUM_ERROR = "chromium_error";
    public static final String INTERNAL_ERROR = "internal_error";
    public static final String NO_CHROMIUM = "no_chromium";

    private static final Logger LOG = Logger.getLogger(RenderService.class);

    private final ArtifactRepository artifacts;
    private final ArtifactHtmlHardener hardener;
    private final ChromiumRenderer chromium;
    private final RenderMetrics metrics;
    private final RendererConfig config;
    private final String renderer = rendererName();
    private final AtomicInteger workerNumbers = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "render-worker-" + workerNumbers.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public RenderService(ArtifactRepository artifacts, ArtifactHtmlHardener hardener, ChromiumRenderer chromium,
                         RenderMetrics metrics, RendererConfig config) {
        this.artifacts = artifacts;
        this.hardener = hardener;
        this.chromium = chromium;
        this.metrics = metrics;
        this.config = config;
    }

    /** Renders until nothing renderable is left unclaimed; returns what this call stored. */
    public RenderSummary renderPending() {
        AtomicInteger rendered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < config.concurrency(); i++) {
            // the request's trace (a dispatcher's nudge) follows the work into the workers: their JDBC spans
            // and log lines (traceId in the MDC) belong to it
            running.add(workers.submit(Context.current().wrap(() -> drain(rendered, failed))));
        }
        try {
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (InterruptedException e) {
            running.forEach(w -> w.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("render run interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        refreshQueueDepth();
        return new RenderSummary(rendered.get(), failed.get());
    }

    public void refreshQueueDepth() {
        metrics.queueDepth(artifacts.queueDepth());
    }

    private void drain(AtomicInteger rendered, AtomicInteger failed) {
        Optional<RenderClaim> claim;
        // checked before claiming: a worker stopped at shutdown must not take a row it will not render
        while (!Thread.currentThread().isInterrupted()
                && (claim = artifacts.claimNext(renderer, config.lease())).isPresent()) {
            String status;
            try (RenderLogContext.Scope log = RenderLogContext.rendering(claim.get())) {
                status = render(claim.get());
            }
            if (Artifact.RENDERED.equals(status)) {
                rendered.incrementAndGet();
            } else if (Artifact.FAILED.equals(status)) {
                failed.incrementAndGet();
            }
        }
    }

    /** Renders one claimed submission and stores the result; returns the stored status, or null if the claim was lost. */
    String render(RenderClaim claim) {
        try {
            HardenedHtml page = hardener.harden(claim.code());
            if (page.tooLarge()) {
                LOG.infof("submission %s: page of %d bytes exceeds %d: failed too_large",
                        claim.submissionId(), page.sizeBytes(), config.maxHtmlBytes());
                return store(claim, TOO_LARGE, a -> {
                    fail(a, TOO_LARGE);
                    a.sha256 = page.sha256();
                    a.sizeBytes = page.sizeBytes();
                    a.screenshotStatus = "unavailable";
                });
            }
            if (!chromium.available()) {
                return store(claim, NO_CHROMIUM, a -> {
                    keepPage(a, page);
                    a.status = Artifact.RENDERED;
                    a.screenshotStatus = "unavailable";
                });
            }
            PageRender result = chromium.render(page.html(), claim.checks());
            return storeRender(claim, page, result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null; // the claim's lease runs out and another run renders it
        } catch (RuntimeException e) {
            LOG.errorf(e, "submission %s could not be rendered", claim.submissionId());
            return store(claim, INTERNAL_ERROR, a -> fail(a, INTERNAL_ERROR));
        }
    }

    private String storeRender(RenderClaim claim, HardenedHtml page, PageRender result) {
        String outcome = switch (result.outcome()) {
            case RENDERED -> Artifact.RENDERED;
            case TIMEOUT -> TIMEOUT;
            case CRASHED -> CRASHED;
            case CHROMIUM_ERROR -> CHROMIUM_ERROR;
        };
        metrics.chromiumRun(RenderPurpose.SUBMISSION, outcome, Duration.ofMillis(result.renderMs()));
        metrics.jsErrors(result.jsErrorCount());
        result.checks().forEach(check -> metrics.checked(RenderPurpose.SUBMISSION, check));
        result.retryReasons().forEach(metrics::retried);
        if (result.outcome() != PageRender.Outcome.RENDERED) {
            LOG.warnf("submission %s: render failed %s after %d ms: %s",
                    claim.submissionId(), outcome, result.renderMs(), result.detail());
        } else {
            // one line per render, so a pair can be followed from the dispatcher's log to its render
            LOG.infof("submission %s: rendered in %d ms", claim.submissionId(), result.renderMs());
        }
        return store(claim, outcome, a -> {
            keepPage(a, page);
            a.jsErrors = result.jsErrors();
            a.jsErrorCount = result.jsErrorCount();
            a.consoleErrors = result.consoleErrors();
            a.renderMs = result.renderMs();
            a.renderAttempts = result.attempts();
            if (!result.checks().isEmpty()) {
                CheckScore score = CheckScore.of(result.checks());
                a.checks = result.checks();
                a.checksPassed = score.passed();
                a.checksTotal = score.total();
            }
            if (result.outcome() == PageRender.Outcome.RENDERED) {
                a.status = Artifact.RENDERED;
                a.screenshotPng = result.screenshotPng();
                a.screenshotStatus = "captured";
                a.viewportWidth = result.width();
                a.viewportHeight = result.height();
                a.blank = result.blank();
            } else {
                fail(a, outcome);
                a.screenshotStatus = "failed";
            }
        });
    }

    private String store(RenderClaim claim, String outcome, Consumer<Artifact> result) {
        Optional<String> stored = artifacts.complete(claim, result);
        if (stored.isEmpty()) {
            LOG.warnf("submission %s: claim lost to another renderer before the result was stored", claim.submissionId());
            return null;
        }
        metrics.stored(outcome);
        return stored.get();
    }

    private static void keepPage(Artifact a, HardenedHtml page) {
        a.html = page.html();
        a.sha256 = page.sha256();
        a.sizeBytes = page.sizeBytes();
    }

    private static void fail(Artifact a, String reason) {
        a.status = Artifact.FAILED;
        a.failureReason = reason;
        if (a.jsErrors == null) {
            a.jsErrors = List.<PageProblem>of();
        }
        if (a.consoleErrors == null) {
            a.consoleErrors = List.<PageProblem>of();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    /** Names this process in claims, so an operator can tell which replica holds a 'rendering' row. */
    private static String rendererName() {
        String host;
        try {
            host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse(InetAddress.getLocalHost().getHostName());
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        String pid = String.valueOf(ProcessHandle.current().pid());
        return (host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }
}
