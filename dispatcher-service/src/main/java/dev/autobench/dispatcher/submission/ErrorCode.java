package dev.autobench.dispatcher.submission;

/** Why a submission failed: the values of {@code submissions.error_code}. */
public enum ErrorCode {
    TIMEOUT, ABANDONED, NO_CODE, RATE_LIMITED, PROVIDER_ERROR, INVALID_RESPONSE, CIRCUIT_OPEN, CONNECT_ERROR,
    UNAUTHORIZED, INTERNAL_ERROR,
    /** Sent, and the answer that came back (a gateway error, a reset, no body) cannot say the model did not run. */
    POSSIBLY_PROCESSED,
    /** The account's quota or credit is exhausted. */
    QUOTA_EXHAUSTED,
    /** Today's call budget was spent before this pair's attempt: nothing was sent. */
    BUDGET_EXHAUSTED,
    /** The answer hit its output token limit (finish reason length / max_tokens): billed, and not a whole page. */
    TRUNCATED,
    /** A safety block or a refusal (finish reason safety, content_filter, refusal...): billed. */
    REFUSED;

    public String db() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
