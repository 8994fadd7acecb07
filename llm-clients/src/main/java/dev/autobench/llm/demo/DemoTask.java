package dev.autobench.llm.demo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the demo reads from the prompt: the task's title and which kind of page fits it. */
record DemoTask(String title, PageKind kind) {

    private static final Pattern TITLE = Pattern.compile("(?im)^\\s*(?:#+\\s*)?(?:title|task)\\s*:\\s*(.+)$");
    private static final Pattern CATEGORY = Pattern.compile("(?im)^\\s*category\\s*:\\s*(.+)$");

    static DemoTask from(String user, String system) {
        Matcher m = TITLE.matcher(user);
        String title = m.find() ? m.group(1).strip() : firstLine(user);
        if (title.length() > 80) {
            title = title.substring(0, 77) + "...";
        }
        Matcher c = CATEGORY.matcher(user);
        String category = c.find() ? c.group(1) : "";
        return new DemoTask(title.isBlank() ? "Untitled task" : title,
                PageKind.of((title + " " + category + " " + user).toLowerCase(Locale.ROOT)));
    }

    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line.replaceAll("[#*`]", "").strip();
            }
        }
        return "";
    }

    /** The page generators, chosen by the words of the task. */
    enum PageKind {
        CHART("chart", "graph", "plot", "svg", "visuali", "histogram", "data"),
        GAME("game", "board", "puzzle", "tic-tac", "tic tac", "snake", "maze", "chess", "memory", "play"),
        ANIMATION("animation", "animate", "canvas", "particle", "physics", "fractal", "simulation", "clock", "generative"),
        TEXT("text", "word", "markdown", "string", "editor", "typing", "cipher", "converter"),
        WIDGET();

        private final String[] words;

        PageKind(String... words) {
            this.words = words;
        }

        static PageKind of(String text) {
            for (PageKind kind : values()) {
                for (String word : kind.words) {
                    if (text.contains(word)) {
                        return kind;
                    }
                }
            }
            return WIDGET;
        }
    }
}
