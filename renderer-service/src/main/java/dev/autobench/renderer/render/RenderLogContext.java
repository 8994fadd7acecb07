package dev.autobench.renderer.render;

import dev.autobench.renderer.artifact.RenderClaim;
import org.jboss.logging.MDC;

/**
 * Puts the submission being rendered in the MDC (submission_id), the same field the dispatcher logs
 * for the call that produced it, so a pair can be followed from its provider call to its render.
 */
public final class RenderLogContext {

    public static final String SUBMISSION_ID = "submission_id";

    /** Removes the field when the render is done: the worker thread renders the next one next. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private RenderLogContext() {
    }

    public static Scope rendering(RenderClaim claim) {
        MDC.put(SUBMISSION_ID, String.valueOf(claim.submissionId()));
        return () -> MDC.remove(SUBMISSION_ID);
    }
}
