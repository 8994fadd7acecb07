package dev.autobench.common.checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a check does in the browser; the wire name is the lower-case one. */
// Jackson finds @JsonValue through reflection, which a native image allows only on registered classes; without it
// the stored JSON (jsonb checks) would carry the constant's name instead of its wire value.
@RegisterForReflection
public enum CheckKind {
    /** At least {@code min} visible elements match {@code selector}. */
    ELEMENT,
    /** The page's visible text (or title) contains {@code text}, ignoring case. */
    TEXT,
    /** Clicking the first visible element matching {@code selector} changes the page. */
    CLICK,
    /** Pressing {@code keys} (on {@code selector} when given) changes the page. */
    KEYS,
    /** Typing {@code text} into the first element matching {@code selector} changes the rest of the page. */
    TYPE,
    /** Dragging the mouse across the first element matching {@code selector} changes the page. */
    DRAG,
    /** Two screenshots {@code waitMs} apart differ: the page moves on its own. */
    ANIMATES,
    /** No uncaught exception from the load to the end of the checks. */
    NO_ERRORS,
    /** After the interactions, the page's main thread still answers within {@code waitMs}. */
    RESPONSIVE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CheckKind fromWire(String wire) {
        for (CheckKind kind : values()) {
            if (kind.wire().equals(wire)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown check kind '" + wire + "'; known: " + known());
    }

    public static String known() {
        return Arrays.stream(values()).map(CheckKind::wire).collect(Collectors.joining(", "));
    }

    /** Whether the check sends input to the page and looks for a reaction. */
    public boolean interaction() {
        return this == CLICK || this == KEYS || this == TYPE || this == DRAG;
    }
}
