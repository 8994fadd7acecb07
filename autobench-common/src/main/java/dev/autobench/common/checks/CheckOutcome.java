package dev.autobench.common.checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Locale;

/** How one check ended. Only {@link #PASSED} counts towards the score; the others all count as not passed. */
// Jackson finds @JsonValue through reflection, which a native image allows only on registered classes; without it
// the stored JSON (jsonb checks) would carry the constant's name instead of its wire value.
@RegisterForReflection
public enum CheckOutcome {
    PASSED,
    FAILED,
    /** The check was cut at the time limit (the page's main thread never answered, or time ran out). */
    TIMED_OUT,
    /** Not run: the page did not render, or an earlier check found it hung. */
    NOT_RUN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CheckOutcome fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
