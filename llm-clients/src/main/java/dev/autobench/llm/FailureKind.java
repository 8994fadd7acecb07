package dev.autobench.llm;

/**
 * Why one HTTP attempt failed, and what that means for money and retries. Only failures the
 * provider cannot have billed are {@link #retryable()}; the caller owns the retry loop.
 */
public enum FailureKind {
    /** 429: not billed; wait (Retry-After) and try again. */
    RATE_LIMITED(true, false),
    /** Anthropic's 529 (and 503 elsewhere): not billed, retryable. */
    OVERLOADED(true, false),
    /** Any other 5xx answered before a completion: not billed, retryable. */
    SERVER_ERROR(true, false),
    /** Refused, unreachable or connect timeout: the request never left, so nothing was billed. */
    CONNECT_ERROR(true, false),
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
    /** No key or no base URL configured: nothing was sent. */
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
