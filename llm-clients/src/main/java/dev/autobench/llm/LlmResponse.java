package dev.autobench.llm;

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
 */
public record LlmResponse(String text, int inputTokens, int outputTokens, String requestId, int httpStatus,
                          Duration latency) {
}
