package dev.autobench.dispatcher.call;

import dev.autobench.llm.client.LlmCallException;

/**
 * An attempt that was written to the ledger and sent, and failed: its ledger row and the failure. Thrown through
 * the provider's circuit, which counts the failure when it says the provider is unhealthy.
 */
final class SentAttemptFailed extends Exception {

    private final long ledgerId;
    private final LlmCallException failure;

    SentAttemptFailed(long ledgerId, LlmCallException failure) {
        super(failure.getMessage(), failure, false, false);
        this.ledgerId = ledgerId;
        this.failure = failure;
    }

    long ledgerId() {
        return ledgerId;
    }

    LlmCallException failure() {
        return failure;
    }
}
