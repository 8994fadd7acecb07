package dev.autobench.renderer.chromium;

import dev.autobench.renderer.config.RendererConfig;

import java.time.Duration;

/**
 * How each page is rendered.
 *
 * @param concurrency browsers at once
 * @param width       viewport width
 * @param height      viewport height
 * @param settleTime  time for animations after load
 * @param timeout     hard limit of one run
 * @param maxAttempts browsers started for one page at most, when the earlier ones failed before the page loaded
 * @param checksTimeout time all of a page's acceptance checks may take after its screenshot
 * @param checkStepTimeout time one check may wait for the page beyond its own waits before it is cut
 */
public record RenderSettings(int concurrency, int width, int height, Duration settleTime, Duration timeout,
                             int maxAttempts, Duration checksTimeout, Duration checkStepTimeout) {

    public static RenderSettings from(RendererConfig config) {
        return new RenderSettings(config.concurrency(), config.viewportWidth(), config.viewportHeight(),
                config.settleTime(), config.timeout(), config.maxAttempts(), config.checksTimeout(),
                config.checkStepTimeout());
    }

    public RenderSettings withConcurrency(int browsers) {
        return new RenderSettings(browsers, width, height, settleTime, timeout, maxAttempts, checksTimeout,
                checkStepTimeout);
    }

    public RenderSettings withSettleTime(Duration settle) {
        return new RenderSettings(concurrency, width, height, settle, timeout, maxAttempts, checksTimeout,
                checkStepTimeout);
    }
}
