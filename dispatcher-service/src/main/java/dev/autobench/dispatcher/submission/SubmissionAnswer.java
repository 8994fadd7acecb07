package dev.autobench.dispatcher.submission;

import java.math.BigDecimal;
import java.time.Duration;

/** A provider's answer that holds a solution: its text, the code extracted from it, and what it cost. */
public record SubmissionAnswer(String answer, String code, int inputTokens, int outputTokens, BigDecimal cost,
                               Duration latency, String requestId) {
}
