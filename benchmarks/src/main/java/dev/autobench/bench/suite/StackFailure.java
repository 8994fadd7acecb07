package dev.autobench.bench.suite;

/** A step of a run that cannot go on; its message says what to look at. */
public final class StackFailure extends RuntimeException {

    public StackFailure(String message) {
        super(message);
    }

    public StackFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
