package dev.autobench.renderer.artifact;

/**
 * What is left to render, over all days: {@code ./autobench} waits for both to reach 0 before pairing.
 *
 * @param waiting   succeeded submissions without an artifact, or whose renderer's claim ran out
 * @param rendering submissions a live renderer is rendering now (its claim's lease still runs)
 */
public record RenderQueue(long waiting, long rendering) {
}
