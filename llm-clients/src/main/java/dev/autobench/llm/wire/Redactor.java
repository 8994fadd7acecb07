package dev.autobench.llm.wire;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Removes secrets from provider error texts before they reach logs or the database: the exact key,
 * and anything shaped like a provider key (OpenAI echoes a masked key in its 401 message).
 */
final class Redactor implements UnaryOperator<String> {

    private static final Pattern KEY_SHAPED = Pattern.compile("(sk-|sk-ant-|AIza)[A-Za-z0-9_\\-*.]{6,}");

    private final Optional<String> key;

    Redactor(Optional<String> key) {
        this.key = key.filter(k -> k.length() >= 4);
    }

    @Override
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = key.map(k -> text.replace(k, "[redacted]")).orElse(text);
        return KEY_SHAPED.matcher(out).replaceAll("[redacted]");
    }
}
