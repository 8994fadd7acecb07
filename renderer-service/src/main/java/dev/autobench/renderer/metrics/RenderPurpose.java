package dev.autobench.renderer.metrics;

/**
 * Why Chromium ran a page, the {@code purpose} tag of the Chromium-run and check meters: a submission's render
 * (what the SRE dashboard watches) or a checks trial of a generator's reference page, whose bursts at generation
 * time must not move the submissions' latency and check figures.
 */
public enum RenderPurpose {
    SUBMISSION("submission"),
    TRIAL("trial");

    private final String tag;

    RenderPurpose(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
