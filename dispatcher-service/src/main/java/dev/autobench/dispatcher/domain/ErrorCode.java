package dev.autobench.dispatcher.domain;

/** Why a submission failed: the values of {@code submissions.error_code}. */
public enum ErrorCode {
    TIMEOUT, ABANDONED, NO_CODE, RATE_LIMITED, PROVIDER_ERROR, INVALID_RESPONSE, CIRCUIT_OPEN, CONNECT_ERROR,
    UNAUTHORIZED, INTERNAL_ERROR;

    public String db() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
