package dev.autobench.llm.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripts and styles of the demo pages, kept as real {@code .js} and {@code .css} files under
 * {@code demo/pages/} so that an editor and a linter see them as what they are. A {@code {{name}}} in a file
 * is filled with a value the page generator chose (the palette, the data, whether the page is the rich one).
 */
final class PageTemplate {

    private static final String DIRECTORY = "demo/pages/";
    private static final Map<String, String> FILES = new ConcurrentHashMap<>();

    private PageTemplate() {
    }

    /** The file, each {@code {{name}}} replaced by its value; names and values alternate in {@code pairs}. */
    static String fill(String file, Object... pairs) {
        String text = FILES.computeIfAbsent(file, PageTemplate::read);
        for (int i = 0; i < pairs.length; i += 2) {
            String placeholder = "{{" + pairs[i] + "}}";
            if (!text.contains(placeholder)) {
                throw new IllegalStateException(DIRECTORY + file + " has no " + placeholder);
            }
            text = text.replace(placeholder, String.valueOf(pairs[i + 1]));
        }
        return text;
    }

    private static String read(String file) {
        try (InputStream in = PageTemplate.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("missing demo page resource " + DIRECTORY + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
