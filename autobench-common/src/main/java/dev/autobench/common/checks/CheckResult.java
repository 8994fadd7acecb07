package dev.autobench.common.checks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The result of one check on one artifact, as stored in {@code artifacts.checks} and shown to visitors.
 *
 * @param id          the check's id
 * @param kind        the check's kind
 * @param description the check's description, copied so the result reads on its own
 * @param outcome     passed, failed, timed_out or not_run
 * @param detail      why, in a sentence: what was seen
 * @param ms          time the check took
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckResult(String id, CheckKind kind, String description, CheckOutcome outcome, String detail, long ms) {

    public static final int MAX_DETAIL = 500;

    public CheckResult {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "…";
        }
    }

    public static CheckResult of(Check check, CheckOutcome outcome, String detail, long ms) {
        return new CheckResult(check.id(), check.kind(), check.description(), outcome, detail, ms);
    }

    public boolean passed() {
        return outcome == CheckOutcome.PASSED;
    }
}
