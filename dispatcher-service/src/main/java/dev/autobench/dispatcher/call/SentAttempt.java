package dev.autobench.dispatcher.call;

import dev.autobench.llm.client.LlmResponse;

/** An attempt that was written to the ledger, sent and answered: its ledger row and the answer. */
record SentAttempt(long ledgerId, LlmResponse response) {
}
