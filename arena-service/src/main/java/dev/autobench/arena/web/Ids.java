package dev.autobench.arena.web;

import dev.autobench.common.problem.ProblemException;

import java.util.UUID;

/** Path ids are UUIDs; anything else names nothing, so it is a 404, never a 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String value, String what) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the 404 below
        }
        throw ProblemException.notFound("No " + what + " with id '" + truncate(value) + "'");
    }

    private static String truncate(String value) {
        return value == null ? "" : value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
