package dev.autobench.renderer.domain;

import java.util.UUID;

/**
 * A submission this renderer has claimed (its 'rendering' artifact is committed) and must now render.
 *
 * @param submissionId the submission
 * @param code         the code to turn into a page
 * @param renderer     who holds the claim
 */
public record RenderClaim(UUID submissionId, String code, String renderer) {
}
