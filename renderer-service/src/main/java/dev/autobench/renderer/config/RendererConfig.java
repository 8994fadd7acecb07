package dev.autobench.renderer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Optional;

/** How artifacts are built and rendered ({@code autobench.renderer.*}). */
@ConfigMapping(prefix = "autobench.renderer")
public interface RendererConfig {

    /**
     * The Chromium binary ({@code AUTOBENCH_CHROMIUM_PATH}). Unset: the first of chromium, chromium-browser,
     * google-chrome, google-chrome-stable found on PATH. A set path that does not exist means "no Chromium".
     */
    Optional<String> chromiumPath();

    /** Chromium processes rendering at once, across all callers. */
    @WithDefault("2")
    @Min(1)
    @Max(32)
    int concurrency();

    @WithDefault("1280")
    @Min(16)
    @Max(4096)
    int viewportWidth();

    @WithDefault("800")
    @Min(16)
    @Max(4096)
    int viewportHeight();

    /** How long animations and timers run after the load event before the screenshot. */
    @WithDefault("1500ms")
    Duration settleTime();

    /** Hard limit of one render, Chromium start to screenshot; past it the process tree is killed. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * Browsers started for one page at most. A run whose browser failed before the page loaded (did not start,
     * did not answer, died) is repeated in a fresh browser; a page that hangs or crashes its own tab is not.
     * Each run has its own {@link #timeout()}, so {@link #lease()} must exceed both multiplied.
     */
    @WithDefault("3")
    @Min(1)
    @Max(10)
    int maxAttempts();

    /**
     * Time all acceptance checks of one page may take, counted from its screenshot (the render's own
     * {@link #timeout()} covers start to screenshot). Past it the remaining checks are marked not run and the
     * browser is killed.
     */
    @WithDefault("20s")
    Duration checksTimeout();

    /**
     * Time one check may wait for the page beyond its own declared waits (a DOM query, a screenshot, an input
     * event). A page whose main thread does not answer within it is marked hung: that check is cut and timed out,
     * and the page's remaining checks are not run.
     */
    @WithDefault("5s")
    Duration checkStepTimeout();

    /** Largest hardened page stored; a bigger answer fails with {@code too_large}. */
    @WithDefault("524288")
    @Min(1024)
    int maxHtmlBytes();

    /**
     * How long a 'rendering' claim is honoured. Longer than {@link #maxAttempts()} times
     * ({@link #timeout()} + {@link #checksTimeout()}) so that only a crashed renderer's claims are taken over.
     */
    @WithDefault("2m")
    Duration lease();

    /** Period of the polling safety net; {@code off} disables it. Read by the scheduler annotation. */
    @WithDefault("30s")
    String pollInterval();

    /** Period of the queue-depth gauge refresh, which runs even when polling is off. */
    @WithDefault("15s")
    String queueDepthRefresh();
}
