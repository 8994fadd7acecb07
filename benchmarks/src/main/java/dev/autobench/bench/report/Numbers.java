package dev.autobench.bench.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The few ways the report writes numbers, and the key=value lines the harness commands print. */
final class Numbers {

    private Numbers() {
    }

    /** a / b with two decimals, "?" without a baseline. */
    static String ratio(double a, double b) {
        return b > 0 ? String.format(Locale.ROOT, "%.2f", a / b) : "?";
    }

    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The fields of "spike phase=steady rate=10 …" or "dispatch models=4 …"; the first word is the line's kind. */
    static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        String[] words = line.trim().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
        }
        return fields;
    }

    static String kind(String line) {
        String trimmed = line.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
