package dev.autobench.llm.client;

/**
 * Why one HTTP attempt failed, and what that means for money and retries. Every failure falls in one
 * of three groups: never sent (the request did not reach the provider), sent and not processed (the
 * provider's own answer says it refused the work: a rate limit or an overload), or possibly
 * processed (a gateway gave up, the body is not the provider's, the answer never came): the model may
 * still have run and billed. Only the first two groups are {@link #retryable()}; the caller owns the
 * retry loop.
 */
public enum FailureKind {
    /** 429 without quota exhaustion: the provider refused the work; wait (Retry-After) and try again. */
    RATE_LIMITED(true, false),
    /** 529, or a 5xx whose body is the provider's own overloaded / rate-limit error: refused, retryable. */
    OVERLOADED(true, false),
    /** Refused, unreachable or connect timeout: the request never left, so nothing was billed. */
    CONNECT_ERROR(true, false),
    /**
     * A gateway 5xx (502, 504, 520–524), a 5xx without the provider's own error body, another 5xx or a
     * 408: the provider may have run the model and billed it; never retried automatically.
     */
    POSSIBLY_PROCESSED(false, true),
    /** The account's quota or credit is exhausted (OpenAI {@code insufficient_quota}, 402...): waiting does not help. */
    QUOTA_EXHAUSTED(false, false),
    /** The request was sent and the answer did not come in time: may be billed, never retried. */
    TIMEOUT(false, true),
    /** The connection broke after the request was sent (reset, EOF): may be billed, never retried. */
    CONNECTION_LOST(false, true),
    /** 401/403: the key is wrong; retrying cannot help. */
    UNAUTHORIZED(false, false),
    /** Any other 4xx: the request itself is wrong (unknown model, too many tokens...). */
    BAD_REQUEST(false, false),
    /** 2xx whose body is not the provider's JSON: billed, not retried. */
    INVALID_RESPONSE(false, true),
    /** 2xx with no text at all: billed, not retried. */
    EMPTY(false, true),
    /** No key, no base URL, or a base URL outside the provider's allowed hosts: nothing was sent. */
    NOT_CONFIGURED(false, false);

    private final boolean retryable;
    private final boolean possiblyBilled;

    FailureKind(boolean retryable, boolean possiblyBilled) {
        this.retryable = retryable;
        this.possiblyBilled = possiblyBilled;
    }

    /** Whether another attempt is safe: the provider cannot have charged for this one. */
    public boolean retryable() {
        return retryable;
    }

    /** Whether the provider may have charged for this attempt. */
    public boolean possiblyBilled() {
        return possiblyBilled;
    }

    /** Lower-case name for metric tags and logs. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
