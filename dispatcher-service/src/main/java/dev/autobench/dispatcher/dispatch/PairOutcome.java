package dev.autobench.dispatcher.dispatch;

/** What happened to one (task, model) pair in one dispatch run. */
public record PairOutcome(Kind kind, int attempts) {

    public enum Kind { SKIPPED, SUCCEEDED, FAILED, DEFERRED }

    public static PairOutcome skipped() {
        return new PairOutcome(Kind.SKIPPED, 0);
    }
}
