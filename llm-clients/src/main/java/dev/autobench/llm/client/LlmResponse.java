package dev.autobench.llm.client;

import java.time.Duration;

/**
 * A completed answer of one HTTP attempt.
 *
 * @param text         the model's text (never blank: blank answers are {@link FailureKind#EMPTY})
 * @param inputTokens  prompt tokens the provider reported (0 when it reported none)
 * @param outputTokens completion tokens the provider reported
 * @param requestId    the provider's request id (header or body), for support tickets; may be null
 * @param httpStatus   the HTTP status (200 for the demo provider)
 * @param latency      from sending the request to having parsed the answer
 * @param finishReason why the model stopped, as the provider said
 * @param cachedInputTokens the part of {@code inputTokens} served from the provider's prompt cache
 */
public record LlmResponse(String text, int inputTokens, int outputTokens, String requestId, int httpStatus,
                          Duration latency, FinishReason finishReason, int cachedInputTokens) {

    /** An answer that ended normally and used no prompt cache (the demo provider's). */
    public LlmResponse(String text, int inputTokens, int outputTokens, String requestId, int httpStatus, Duration latency) {
        this(text, inputTokens, outputTokens, requestId, httpStatus, latency, FinishReason.of("stop"), 0);
    }
}
