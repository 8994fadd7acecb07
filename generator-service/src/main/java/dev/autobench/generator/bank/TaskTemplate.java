package dev.autobench.generator.bank;

import dev.autobench.common.checks.Check;
import dev.autobench.generator.task.Difficulty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One curated task idea with its variation axes. The category comes from the bank file that
 * holds it. {@code {name}} placeholders in the title,
 * brief, criteria and the descriptions and texts of the extra checks are filled from {@link #vary()} for each
 * occurrence. {@code checks} names the bank's check set (in {@code bank/checks.yaml}) every answer is checked
 * against; {@code extraChecks} adds checks of this template only.
 */
@RegisterForReflection
public record TaskTemplate(String id, String category, String title, Difficulty difficulty, String brief,
                           List<String> criteria, Map<String, List<String>> vary, String checks,
                           List<Check> extraChecks) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    public TaskTemplate {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        vary = vary == null ? Map.of() : Map.copyOf(vary);
        extraChecks = extraChecks == null ? List.of() : List.copyOf(extraChecks);
    }

    /** A template without checks, for tests of the selection. */
    public TaskTemplate(String id, String category, String title, Difficulty difficulty, String brief,
                        List<String> criteria, Map<String, List<String>> vary) {
        this(id, category, title, difficulty, brief, criteria, vary, null, List.of());
    }

    TaskTemplate inCategory(String fileCategory) {
        return new TaskTemplate(id, fileCategory, title, difficulty, brief, criteria, vary, checks, extraChecks);
    }

    /** The extra checks with the variation's values in their descriptions and texts. */
    List<Check> extraChecksFor(Map<String, String> values) {
        return extraChecks.stream().map(c -> new Check(c.id(), c.kind(), fill(c.description(), values),
                c.selector(), c.text() == null ? null : fill(c.text(), values), c.keys(), c.min(), c.waitMs())).toList();
    }

    /** Fills every known placeholder; unknown ones are left visible so validation can catch them. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        return m.appendTail(out).toString();
    }
}
