package dev.autobench.dispatcher.submission;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Why a submission failed, and what of the provider's answer is kept with it: a failure before any answer has only
 * its code and message; an answer that is no solution (cut off, refused, no code) keeps its text, tokens and cost.
 */
public record SubmissionFailure(ErrorCode code, String message, String answer, Integer inputTokens,
                                Integer outputTokens, BigDecimal cost, Duration latency, String requestId) {

    /** A failure without an answer: nothing was sent, or nothing came back. */
    public static SubmissionFailure of(ErrorCode code, String message) {
        return new SubmissionFailure(code, message, null, null, null, null, null, null);
    }

    /** A failed attempt the provider did not answer: its latency and request id, when it had them. */
    public static SubmissionFailure unanswered(ErrorCode code, String message, Duration latency, String requestId) {
        return new SubmissionFailure(code, message, null, null, null, null, latency, requestId);
    }
}
