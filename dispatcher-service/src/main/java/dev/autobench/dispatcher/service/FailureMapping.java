package dev.autobench.dispatcher.service;

import dev.autobench.dispatcher.domain.ErrorCode;
import dev.autobench.llm.FailureKind;

/** How a failed attempt is written down: ledger outcome, billed flag, and the submission's reason. */
final class FailureMapping {

    private FailureMapping() {
    }

    static String ledgerOutcome(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED, OVERLOADED, SERVER_ERROR -> "retryable_error";
            case CONNECT_ERROR -> "connect_error";
            case TIMEOUT -> "timeout";
            case CONNECTION_LOST, UNAUTHORIZED, BAD_REQUEST, INVALID_RESPONSE, EMPTY, NOT_CONFIGURED -> "error";
        };
    }

    /** true/false when known; null when the request left and we cannot know whether it was charged. */
    static Boolean billed(FailureKind kind) {
        return switch (kind) {
            case INVALID_RESPONSE, EMPTY -> Boolean.TRUE;
            case TIMEOUT, CONNECTION_LOST -> null;
            default -> Boolean.FALSE;
        };
    }

    static ErrorCode errorCode(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> ErrorCode.RATE_LIMITED;
            case OVERLOADED, SERVER_ERROR, BAD_REQUEST -> ErrorCode.PROVIDER_ERROR;
            case CONNECT_ERROR, CONNECTION_LOST -> ErrorCode.CONNECT_ERROR;
            case TIMEOUT -> ErrorCode.TIMEOUT;
            case UNAUTHORIZED, NOT_CONFIGURED -> ErrorCode.UNAUTHORIZED;
            case INVALID_RESPONSE -> ErrorCode.INVALID_RESPONSE;
            case EMPTY -> ErrorCode.NO_CODE;
        };
    }

    /** Failures that say the provider is unhealthy, as opposed to one odd answer: these trip its circuit. */
    static boolean isProviderFault(FailureKind kind) {
        return switch (kind) {
            case OVERLOADED, SERVER_ERROR, CONNECT_ERROR, TIMEOUT, CONNECTION_LOST -> true;
            default -> false;
        };
    }
}
