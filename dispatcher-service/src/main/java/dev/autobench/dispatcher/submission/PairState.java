package dev.autobench.dispatcher.submission;

import java.util.UUID;

/** Where one (task, model) submission stands. */
public record PairState(UUID submissionId, String status, String errorCode, int attempts) {

    public boolean isFailed() {
        return "failed".equals(status);
    }
}
