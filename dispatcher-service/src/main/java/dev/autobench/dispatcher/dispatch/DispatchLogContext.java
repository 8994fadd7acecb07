package dev.autobench.dispatcher.dispatch;

import org.jboss.logging.MDC;

import java.util.UUID;

/**
 * The MDC fields that tie a dispatcher log line to its submission: task_id, submission_id, model,
 * provider and, once the provider answered, provider_request_id. The renderer logs the same
 * submission_id while it renders that submission, so one pair can be followed from its call to its
 * render (the prod JSON logs carry the MDC; see docs/operations.md#logs).
 */
public final class DispatchLogContext {

    public static final String TASK_ID = "task_id";
    public static final String SUBMISSION_ID = "submission_id";
    public static final String MODEL = "model";
    public static final String PROVIDER = "provider";
    public static final String PROVIDER_REQUEST_ID = "provider_request_id";

    /** Removes the pair's fields when the pair is done, so a pooled thread carries nothing to the next one. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private DispatchLogContext() {
    }

    public static Scope pair(UUID submissionId, UUID taskId, String model, String provider) {
        MDC.put(TASK_ID, String.valueOf(taskId));
        MDC.put(SUBMISSION_ID, String.valueOf(submissionId));
        MDC.put(MODEL, model);
        MDC.put(PROVIDER, provider);
        return () -> {
            MDC.remove(TASK_ID);
            MDC.remove(SUBMISSION_ID);
            MDC.remove(MODEL);
            MDC.remove(PROVIDER);
            MDC.remove(PROVIDER_REQUEST_ID);
        };
    }

    /** The provider's own id of the request just answered (absent when the provider sent none). */
    public static void providerRequest(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            MDC.remove(PROVIDER_REQUEST_ID);
        } else {
            MDC.put(PROVIDER_REQUEST_ID, requestId);
        }
    }
}
