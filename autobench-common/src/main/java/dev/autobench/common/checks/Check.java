package dev.autobench.common.checks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * One machine-checkable acceptance check of a task, run by the renderer in the page's own browser. Declarative on
 * purpose: a task author (a person or an LLM) writes data, never code that the renderer would execute.
 *
 * @param id          short name, unique within the task ({@code [a-z0-9-]}), stable across variations
 * @param kind        what the renderer does
 * @param description what a visitor reads next to the result: the requirement in plain words
 * @param selector    CSS selector of the element concerned ({@code element}, {@code click}, {@code type},
 *                    {@code drag}; optional for {@code keys}, where it is clicked first to take the focus)
 * @param text        the text to find ({@code text}) or to type ({@code type})
 * @param keys        key names to press, in order ({@code keys}): {@code ArrowLeft}, {@code Space}, {@code Enter},
 *                    a letter or digit, ...
 * @param min         least number of matching elements ({@code element}; default 1)
 * @param waitMs      how long to let the page react or move (interactions, {@code animates}), or how long the main
 *                    thread may take to answer ({@code responsive}); default per kind
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(String id, CheckKind kind, String description, String selector, String text, List<String> keys,
                    Integer min, Integer waitMs) {

    public Check {
        keys = keys == null ? null : List.copyOf(keys);
    }

    public static Check element(String id, String description, String selector, int min) {
        return new Check(id, CheckKind.ELEMENT, description, selector, null, null, min, null);
    }

    public static Check text(String id, String description, String text) {
        return new Check(id, CheckKind.TEXT, description, null, text, null, null, null);
    }

    public static Check click(String id, String description, String selector) {
        return new Check(id, CheckKind.CLICK, description, selector, null, null, null, null);
    }

    public static Check keys(String id, String description, String selector, List<String> keys) {
        return new Check(id, CheckKind.KEYS, description, selector, null, keys, null, null);
    }

    public static Check type(String id, String description, String selector, String text) {
        return new Check(id, CheckKind.TYPE, description, selector, text, null, null, null);
    }

    public static Check drag(String id, String description, String selector) {
        return new Check(id, CheckKind.DRAG, description, selector, null, null, null, null);
    }

    public static Check animates(String id, String description) {
        return new Check(id, CheckKind.ANIMATES, description, null, null, null, null, null);
    }

    public static Check noErrors(String id, String description) {
        return new Check(id, CheckKind.NO_ERRORS, description, null, null, null, null, null);
    }

    public static Check responsive(String id, String description) {
        return new Check(id, CheckKind.RESPONSIVE, description, null, null, null, null, null);
    }

    /** The wait to use: the check's own, else the kind's default. */
    public int waitOrDefault() {
        if (waitMs != null) {
            return waitMs;
        }
        return switch (kind) {
            case ANIMATES -> 1000;
            case RESPONSIVE -> 2000;
            case NO_ERRORS -> 0;
            default -> 500;
        };
    }

    public int minOrDefault() {
        return min != null ? min : 1;
    }
}
