package dev.autobench.renderer.metrics;

import java.util.Locale;

/**
 * Why Chromium ran a page, the {@code purpose} tag of the Chromium-run and check meters: a submission's render
 * (what the SRE dashboard watches) or a checks trial of a generator's reference page, whose bursts at generation
 * time must not move the submissions' latency and check figures.
 */
public enum RenderPurpose {
    SUBMISSION,
    TRIAL;

    /** The tag value: the constant's name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
