package dev.autobench.llm.ledger;

import dev.autobench.llm.client.LlmCallException;
import dev.autobench.llm.client.LlmResponse;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What one attempt came to, as its ledger row records it. Built from the answer or the failure, so both
 * callers write the same row for the same event.
 *
 * @param billed  true or false when known; null when the request left and no one can know
 * @param costUsd the list price of a billed answer; null when nothing was billed or the price is unknown
 */
public record AttemptOutcome(String outcome, Integer httpStatus, Boolean billed, String requestId, Integer inputTokens,
                             Integer outputTokens, Integer cachedInputTokens, Duration latency, String error,
                             String finishReason, BigDecimal costUsd) {

    /** An answer: billed, with its tokens and finish reason. */
    public static AttemptOutcome answered(LlmResponse response, BigDecimal costUsd) {
        return new AttemptOutcome(LedgerOutcome.SUCCESS, response.httpStatus(), true, response.requestId(),
                response.inputTokens(), response.outputTokens(), response.cachedInputTokens(), response.latency(),
                null, response.finishReason().raw(), costUsd);
    }

    /**
     * A failure. One that still reported usage (a 2xx that is not a usable answer) was billed, so its tokens and
     * cost are kept; any other is billed as its kind says.
     */
    public static AttemptOutcome failed(LlmCallException failure, BigDecimal costUsd) {
        String error = failure.kind().tag() + ": " + failure.getMessage();
        return failure.usage()
                .map(usage -> new AttemptOutcome(LedgerOutcome.of(failure.kind()), failure.httpStatus().orElse(null),
                        true, failure.requestId().orElse(null), usage.inputTokens(), usage.outputTokens(),
                        usage.cachedInputTokens(), failure.latency(), error, usage.finishReason().raw(), costUsd))
                .orElseGet(() -> new AttemptOutcome(LedgerOutcome.of(failure.kind()),
                        failure.httpStatus().orElse(null), LedgerOutcome.billed(failure.kind()),
                        failure.requestId().orElse(null), null, null, null, failure.latency(), error, null, null));
    }

    long latencyMillis() {
        return latency == null ? 0 : Math.min(Integer.MAX_VALUE, latency.toMillis());
    }
}
