package dev.autobench.dispatcher.service;

import dev.autobench.dispatcher.domain.ErrorCode;
import dev.autobench.llm.FailureKind;

/** How a failed attempt is written down: ledger outcome, billed flag, and the submission's reason. */
final class FailureMapping {

    private FailureMapping() {
    }

    static String ledgerOutcome(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED, OVERLOADED -> "retryable_error";
            case CONNECT_ERROR -> "connect_error";
            case TIMEOUT -> "timeout";
            case POSSIBLY_PROCESSED, QUOTA_EXHAUSTED, CONNECTION_LOST, UNAUTHORIZED, BAD_REQUEST, INVALID_RESPONSE, EMPTY,
                    NOT_CONFIGURED -> "error";
        };
    }

    /** true/false when known; null when the request left and we cannot know whether it was charged. */
    static Boolean billed(FailureKind kind) {
        return switch (kind) {
            case INVALID_RESPONSE, EMPTY -> Boolean.TRUE;
            case TIMEOUT, CONNECTION_LOST, POSSIBLY_PROCESSED -> null;
            default -> Boolean.FALSE;
        };
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
