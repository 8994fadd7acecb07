package dev.autobench.dispatcher.call;

import dev.autobench.dispatcher.submission.ErrorCode;
import dev.autobench.llm.client.FailureKind;

/**
 * What a failed attempt means for the submission: its reason, and whether it trips the provider's circuit. How it
 * reads in the ledger is llm-clients' {@code LedgerOutcome}.
 */
final class FailureMapping {

    private FailureMapping() {
    }

    static ErrorCode errorCode(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> ErrorCode.RATE_LIMITED;
            case OVERLOADED, BAD_REQUEST -> ErrorCode.PROVIDER_ERROR;
            case CONNECT_ERROR -> ErrorCode.CONNECT_ERROR;
            // the request left and no one can say whether the model ran: its own code, never retried automatically
            case POSSIBLY_PROCESSED, CONNECTION_LOST -> ErrorCode.POSSIBLY_PROCESSED;
            case QUOTA_EXHAUSTED -> ErrorCode.QUOTA_EXHAUSTED;
            case TIMEOUT -> ErrorCode.TIMEOUT;
            case UNAUTHORIZED, NOT_CONFIGURED -> ErrorCode.UNAUTHORIZED;
            case INVALID_RESPONSE -> ErrorCode.INVALID_RESPONSE;
            case EMPTY -> ErrorCode.NO_CODE;
        };
    }

    /** Failures that say the provider is unhealthy, as opposed to one odd answer: these trip its circuit. */
    static boolean isProviderFault(FailureKind kind) {
        return switch (kind) {
            case OVERLOADED, POSSIBLY_PROCESSED, CONNECT_ERROR, TIMEOUT, CONNECTION_LOST -> true;
            default -> false;
        };
    }
}
