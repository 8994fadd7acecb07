package dev.autobench.renderer.artifact;

import dev.autobench.common.checks.Check;

import java.util.List;
import java.util.UUID;

/**
 * A submission this renderer has claimed (its 'rendering' artifact is committed) and must now render.
 *
 * @param submissionId the submission
 * @param code         the code to turn into a page
 * @param renderer     who holds the claim
 * @param checks       the task's acceptance checks, run after the screenshot; empty when the task has none
 */
public record RenderClaim(UUID submissionId, String code, String renderer, List<Check> checks) {

    public RenderClaim {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public RenderClaim(UUID submissionId, String code, String renderer) {
        this(submissionId, code, renderer, List.of());
    }
}
