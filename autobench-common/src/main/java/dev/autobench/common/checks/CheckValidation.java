package dev.autobench.common.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a set of checks acceptable for a task, whoever wrote it: the bank is validated when it loads, an LLM
 * author's checks when they arrive. Returns the problems, in words, empty when the set is valid.
 */
public final class CheckValidation {

    public static final int MAX_CHECKS = 12;
    public static final int MAX_WAIT_MS = 5000;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final Pattern KEY = Pattern.compile(
            "Arrow(Left|Right|Up|Down)|Space|Enter|Escape|Tab|Backspace|[a-zA-Z0-9]");

    private CheckValidation() {
    }

    public static List<String> problems(List<Check> checks) {
        List<String> problems = new ArrayList<>();
        if (checks == null || checks.isEmpty()) {
            problems.add("a task needs at least one check");
            return problems;
        }
        if (checks.size() > MAX_CHECKS) {
            problems.add("at most " + MAX_CHECKS + " checks, got " + checks.size());
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            String where = "check " + (i + 1) + (c != null && c.id() != null ? " '" + c.id() + "'" : "");
            if (c == null) {
                problems.add(where + " is empty");
                continue;
            }
            if (c.id() == null || !ID.matcher(c.id()).matches()) {
                problems.add(where + ": id must match " + ID.pattern());
            } else if (!ids.add(c.id())) {
                problems.add(where + ": id used twice");
            }
            if (c.kind() == null) {
                problems.add(where + ": kind is required (" + CheckKind.known() + ")");
                continue;
            }
            if (c.description() == null || c.description().isBlank() || c.description().length() > 300) {
                problems.add(where + ": description of 1 to 300 characters is required");
            }
            boolean needsSelector = switch (c.kind()) {
                case ELEMENT, CLICK, TYPE, DRAG -> true;
                default -> false;
            };
            if (needsSelector && (c.selector() == null || c.selector().isBlank())) {
                problems.add(where + ": a " + c.kind().wire() + " check needs a selector");
            }
            if (c.selector() != null && c.selector().length() > 200) {
                problems.add(where + ": selector longer than 200 characters");
            }
            if ((c.kind() == CheckKind.TEXT || c.kind() == CheckKind.TYPE)
                    && (c.text() == null || c.text().isBlank() || c.text().length() > 200)) {
                problems.add(where + ": a " + c.kind().wire() + " check needs a text of 1 to 200 characters");
            }
            if (c.kind() == CheckKind.KEYS) {
                if (c.keys() == null || c.keys().isEmpty() || c.keys().size() > 20) {
                    problems.add(where + ": a keys check needs 1 to 20 keys");
                } else {
                    for (String key : c.keys()) {
                        if (key == null || !KEY.matcher(key).matches()) {
                            problems.add(where + ": unknown key '" + key + "' (arrows, Space, Enter, Escape, Tab, "
                                    + "Backspace, a letter or a digit)");
                        }
                    }
                }
            }
            if (c.min() != null && (c.min() < 1 || c.min() > 10_000)) {
                problems.add(where + ": min must be between 1 and 10000");
            }
            if (c.waitMs() != null && (c.waitMs() < 0 || c.waitMs() > MAX_WAIT_MS)) {
                problems.add(where + ": waitMs must be between 0 and " + MAX_WAIT_MS);
            }
        }
        return problems;
    }
}
