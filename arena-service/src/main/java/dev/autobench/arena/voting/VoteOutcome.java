package dev.autobench.arena.voting;

import java.util.Arrays;
import java.util.Optional;

/** What a voter may say about a match; the names are the database values and the API values. */
public enum VoteOutcome {
    LEFT("left"), RIGHT("right"), TIE("tie"), BOTH_BAD("both_bad");

    private final String value;

    VoteOutcome(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<VoteOutcome> parse(String value) {
        return Arrays.stream(values()).filter(o -> o.value.equals(value)).findFirst();
    }

    /** FastChat's name for this outcome, with the left side as {@code model_a}. */
    public String fastChatWinner() {
        return switch (this) {
            case LEFT -> "model_a";
            case RIGHT -> "model_b";
            case TIE -> "tie";
            case BOTH_BAD -> "tie (bothbad)";
        };
    }
}
