package dev.autobench.llm.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed HTTP attempt. The message is safe to log and store: it never carries an API key
 * (provider error texts are redacted before they get here).
 */
public class LlmCallException extends RuntimeException {

    private final FailureKind kind;
    private final Integer httpStatus;
    private final Duration retryAfter;
    private final String requestId;
    private final Duration latency;
    private final Usage usage;

    /**
     * What a 2xx answer that is still a failure (empty, unparsable) reported: it was billed, so its tokens are
     * worth keeping. Token counts are 0 when the provider's body did not say.
     */
    public record Usage(int inputTokens, int outputTokens, int cachedInputTokens, FinishReason finishReason) {
    }

    public LlmCallException(FailureKind kind, String message, Integer httpStatus, Duration retryAfter,
                            String requestId, Duration latency, Usage usage) {
        super(message, null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.requestId = requestId;
        this.latency = latency == null ? Duration.ZERO : latency;
        this.usage = usage;
    }

    public LlmCallException(FailureKind kind, String message, Integer httpStatus, Duration retryAfter,
                            String requestId, Duration latency) {
        this(kind, message, httpStatus, retryAfter, requestId, latency, null);
    }

    public static LlmCallException of(FailureKind kind, String message) {
        return new LlmCallException(kind, message, null, null, null, Duration.ZERO);
    }

    public FailureKind kind() {
        return kind;
    }

    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    /** What the provider asked us to wait (Retry-After / retry-after-ms), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Duration latency() {
        return latency;
    }

    /** Tokens and finish reason of a billed answer that is a failure (empty, unparsable); empty otherwise. */
    public Optional<Usage> usage() {
        return Optional.ofNullable(usage);
    }
}
