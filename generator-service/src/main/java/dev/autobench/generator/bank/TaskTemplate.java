package dev.autobench.generator.bank;

import dev.autobench.generator.domain.Difficulty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One curated task idea with its variation axes. The category comes from the bank file that
 * holds it. {@code {name}} placeholders in the title,
 * brief and criteria are filled from {@link #vary()} for each occurrence.
 */
@RegisterForReflection
public record TaskTemplate(String id, String category, String title, Difficulty difficulty, String brief,
                           List<String> criteria, Map<String, List<String>> vary) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    public TaskTemplate {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        vary = vary == null ? Map.of() : Map.copyOf(vary);
    }

    TaskTemplate inCategory(String fileCategory) {
        return new TaskTemplate(id, fileCategory, title, difficulty, brief, criteria, vary);
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
