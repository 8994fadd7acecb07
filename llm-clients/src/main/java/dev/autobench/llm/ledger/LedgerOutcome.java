package dev.autobench.llm.ledger;

import dev.autobench.llm.client.FailureKind;

/** How a failed attempt reads in the ledger: its {@code outcome} and whether it was billed. */
public final class LedgerOutcome {

    /** The outcome of an answered attempt. */
    public static final String SUCCESS = "success";

    private LedgerOutcome() {
    }

    public static String of(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED, OVERLOADED -> "retryable_error";
            case CONNECT_ERROR -> "connect_error";
            case TIMEOUT -> "timeout";
            case POSSIBLY_PROCESSED, QUOTA_EXHAUSTED, CONNECTION_LOST, UNAUTHORIZED, BAD_REQUEST, INVALID_RESPONSE, EMPTY,
                    NOT_CONFIGURED -> "error";
        };
    }

    /** true/false when known; null when the request left and no one can know whether it was charged. */
    public static Boolean billed(FailureKind kind) {
        return switch (kind) {
            case INVALID_RESPONSE, EMPTY -> Boolean.TRUE;
            case TIMEOUT, CONNECTION_LOST, POSSIBLY_PROCESSED -> null;
            default -> Boolean.FALSE;
        };
    }
}
