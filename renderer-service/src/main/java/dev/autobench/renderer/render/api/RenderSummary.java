package dev.autobench.renderer.render.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one render run did.
 *
 * @param rendered artifacts stored as 'rendered' (with or without a screenshot)
 * @param failed   artifacts stored as 'failed' (timeout, too_large, crashed, chromium_error, internal_error)
 */
@RegisterForReflection
public record RenderSummary(int rendered, int failed) {
}
