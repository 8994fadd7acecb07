package dev.autobench.generator.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** How demanding a task is; stored lowercase in {@code tasks.difficulty}. */
@RegisterForReflection
public enum Difficulty {
    @JsonProperty("easy") EASY,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("hard") HARD;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Difficulty fromWire(String value) {
        for (Difficulty d : values()) {
            if (d.wire().equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown difficulty '" + value + "'");
    }
}
