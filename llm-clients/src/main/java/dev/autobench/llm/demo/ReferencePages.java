package dev.autobench.llm.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference solutions of the bank's check sets ({@code demo/reference/<set>.html}): one page per set that
 * passes every check of it, with the task's title filled in. A demo model answers a task from the reference whose
 * checks match the ones its prompt lists, at its quality level; a prompt without checks (or with checks no reference
 * knows) gets the generic demo page.
 */
public final class ReferencePages {

    /** Listed, not scanned: classpath directories cannot be listed in a native image. */
    public static final List<String> SETS = List.of("keyboard-game", "board-click", "animation", "artwork", "simulation",
            "chart", "widget", "text-tool", "algorithm");

    private static final Pattern DECLARED = Pattern.compile("<!-- autobench reference; checks: ([a-z0-9 -]+) -->");
    private static final Pattern CHECK_LINE = Pattern.compile("(?m)^- \\[([a-z0-9][a-z0-9-]*)] ");
    private static final String CHECKS_HEADING = "## Automatic checks";
    private static final List<Reference> REFERENCES = load();

    /** One reference page and the ids of the checks it is written to pass. */
    public record Reference(String set, Set<String> checkIds, String html) {
    }

    private ReferencePages() {
    }

    public static List<Reference> all() {
        return REFERENCES;
    }

    /** The reference of a check set, as shipped (title placeholder still in it). */
    public static Reference of(String set) {
        return REFERENCES.stream().filter(r -> r.set().equals(set)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference page for check set '" + set + "'"));
    }

    /** The ids of the checks a prompt lists under its automatic checks, in order. */
    static Set<String> checkIds(String prompt) {
        Set<String> ids = new LinkedHashSet<>();
        int at = prompt.indexOf(CHECKS_HEADING);
        if (at < 0) {
            return ids;
        }
        String section = prompt.substring(at + CHECKS_HEADING.length());
        int next = section.indexOf("\n## ");
        Matcher m = CHECK_LINE.matcher(next < 0 ? section : section.substring(0, next));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /**
     * The reference that covers every check of the prompt, the one with the fewest checks of its own beyond them
     * when several do; empty when none covers them all.
     */
    static Optional<Reference> forPrompt(String prompt) {
        Set<String> wanted = checkIds(prompt);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Reference best = null;
        for (Reference r : REFERENCES) {
            if (r.checkIds().containsAll(wanted) && (best == null || r.checkIds().size() < best.checkIds().size())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The reference page for a task, written at a demo model's quality level. */
    static String page(Reference reference, String title, DemoQuality quality) {
        String html = reference.html().replace("{{title}}", DemoPages.escape(title));
        return switch (quality) {
            case EXCELLENT, GOOD -> html;
            // working, unstyled beyond what the page needs to work
            case PLAIN -> html.replaceAll("(?s)/\\* polish \\*/.*?/\\* end polish \\*/", "");
            // the handlers are never attached and the page throws: the interaction and error checks catch both
            case BUGGY -> html.replace("addEventListener(", "removeEventListener(")
                    .replace("</body>", "<script>setTimeout(() => { const state = undefined; state.ready = true; }, 100);"
                            + "</script>\n</body>");
            case NOCODE -> throw new IllegalArgumentException("the no-code demo model writes no page");
        };
    }

    private static List<Reference> load() {
        List<Reference> references = new ArrayList<>();
        for (String set : SETS) {
            String path = "demo/reference/" + set + ".html";
            try (InputStream in = ReferencePages.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("reference page missing: " + path);
                }
                String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher declared = DECLARED.matcher(html);
                if (!declared.find()) {
                    throw new IllegalStateException(path + " does not declare its checks");
                }
                Set<String> ids = new LinkedHashSet<>(List.of(declared.group(1).strip().split("\\s+")));
                // the declaration is for the demo, not part of the page
                references.add(new Reference(set, Set.copyOf(ids), html.substring(declared.end()).stripLeading()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return List.copyOf(references);
    }
}
