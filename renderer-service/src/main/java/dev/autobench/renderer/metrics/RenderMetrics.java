package dev.autobench.renderer.metrics;

import dev.autobench.common.checks.CheckOutcome;
import dev.autobench.common.checks.CheckResult;
import dev.autobench.renderer.chromium.ChromiumLocator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Every meter the renderer publishes; the names are the SRE dashboard's contract. */
@Startup
@Singleton
public class RenderMetrics {

    /** Counter, tag {@code outcome}: one per artifact stored. Prometheus: {@code autobench_renders_total}. */
    public static final String RENDERS = "autobench.renders";
    /**
     * Timer with histogram, tags {@code outcome} and {@code purpose} ({@code submission}, {@code trial}): Chromium
     * runs. Prometheus: {@code autobench_render_duration_seconds}.
     */
    public static final String RENDER_DURATION = "autobench.render.duration";
    /** Counter: uncaught exceptions seen in rendered pages. Prometheus: {@code autobench_render_js_errors_total}. */
    public static final String JS_ERRORS = "autobench.render.js.errors";
    /** Gauge: succeeded submissions without an artifact. Prometheus: {@code autobench_render_queue_depth}. */
    public static final String QUEUE_DEPTH = "autobench.render.queue.depth";
    /** Gauge: 1 when Chromium was found at start, else 0. Prometheus: {@code autobench_renderer_chromium_available}. */
    public static final String CHROMIUM_AVAILABLE = "autobench.renderer.chromium.available";

    /**
     * Counter, tag {@code reason} ({@code launch}, {@code before_load}): pages rendered again in a fresh browser
     * because the previous one failed before the page loaded. Prometheus: {@code autobench_render_retries_total}.
     */
    public static final String RETRIES = "autobench.render.retries";

    /**
     * Counter, tags {@code outcome} ({@code passed}, {@code failed}, {@code timed_out}, {@code not_run}) and
     * {@code purpose}: acceptance checks run on rendered pages. Prometheus: {@code autobench_render_checks_total}.
     */
    public static final String CHECKS = "autobench.render.checks";
    /**
     * Timer with histogram, tags {@code kind} and {@code purpose}: wall time of one acceptance check. Prometheus:
     * {@code autobench_render_check_duration_seconds}.
     */
    public static final String CHECK_DURATION = "autobench.render.check.duration";

    public static final String OUTCOME = "outcome";
    public static final String KIND = "kind";
    public static final String REASON = "reason";
    public static final String PURPOSE = "purpose";

    private final MeterRegistry registry;
    private final Counter jsErrors;
    private final AtomicLong queueDepth = new AtomicLong();

    @Inject
    public RenderMetrics(MeterRegistry registry, ChromiumLocator chromium) {
        this.registry = registry;
        this.jsErrors = Counter.builder(JS_ERRORS)
                .description("Uncaught JavaScript exceptions thrown by rendered pages")
                .register(registry);
        Gauge.builder(QUEUE_DEPTH, queueDepth, AtomicLong::get)
                .description("Succeeded submissions that have no artifact yet")
                .register(registry);
        // present from the start at 0, so that a rate over them is defined before the first retry
        for (String reason : new String[]{"launch", "before_load"}) {
            retries(reason);
        }
        for (RenderPurpose purpose : RenderPurpose.values()) {
            for (CheckOutcome outcome : CheckOutcome.values()) {
                checks(purpose, outcome);
            }
        }
        int available = chromium.installation().available() ? 1 : 0;
        Gauge.builder(CHROMIUM_AVAILABLE, () -> available)
                .description("1 when headless Chromium is available for screenshots, 0 when artifacts get none")
                .register(registry);
    }

    /** Counts a stored artifact; the outcome is 'rendered', 'no_chromium', or the failure reason. */
    public void stored(String outcome) {
        Counter.builder(RENDERS).description("Artifacts stored, by outcome").tag(OUTCOME, outcome)
                .register(registry).increment();
    }

    public void chromiumRun(RenderPurpose purpose, String outcome, Duration duration) {
        Timer.builder(RENDER_DURATION)
                .description("Wall time of one headless Chromium render, start to screenshot or kill")
                .tag(OUTCOME, outcome)
                .tag(PURPOSE, purpose.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)
                .record(duration);
    }

    public void checked(RenderPurpose purpose, CheckResult result) {
        checks(purpose, result.outcome()).increment();
        Timer.builder(CHECK_DURATION)
                .description("Wall time of one acceptance check in the page's browser")
                .tag(KIND, result.kind().wire())
                .tag(PURPOSE, purpose.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(Duration.ofMillis(result.ms()));
    }

    private Counter checks(RenderPurpose purpose, CheckOutcome outcome) {
        return Counter.builder(CHECKS).description("Acceptance checks run on rendered pages, by outcome")
                .tag(OUTCOME, outcome.wire()).tag(PURPOSE, purpose.tag()).register(registry);
    }

    public void retried(String reason) {
        retries(reason).increment();
    }

    private Counter retries(String reason) {
        return Counter.builder(RETRIES).description("Renders repeated in a fresh browser, by why the previous one was given up")
                .tag(REASON, reason).register(registry);
    }

    public void jsErrors(int count) {
        if (count > 0) {
            jsErrors.increment(count);
        }
    }

    public void queueDepth(long depth) {
        queueDepth.set(depth);
    }
}
