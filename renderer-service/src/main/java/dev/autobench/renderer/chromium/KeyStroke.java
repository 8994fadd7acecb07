package dev.autobench.renderer.chromium;

import java.util.Locale;

/**
 * A key as DevTools must send it for the page to see a real key press: DOM key and code, the Windows virtual key
 * code Chromium derives {@code keyCode} from, and the text a printable key inserts.
 */
record KeyStroke(String key, String code, int keyCode, String text) {

    static KeyStroke of(String name) {
        return switch (name) {
            case "ArrowLeft" -> new KeyStroke("ArrowLeft", "ArrowLeft", 37, null);
            case "ArrowUp" -> new KeyStroke("ArrowUp", "ArrowUp", 38, null);
            case "ArrowRight" -> new KeyStroke("ArrowRight", "ArrowRight", 39, null);
            case "ArrowDown" -> new KeyStroke("ArrowDown", "ArrowDown", 40, null);
            case "Space" -> new KeyStroke(" ", "Space", 32, " ");
            case "Enter" -> new KeyStroke("Enter", "Enter", 13, "\r");
            case "Escape" -> new KeyStroke("Escape", "Escape", 27, null);
            case "Tab" -> new KeyStroke("Tab", "Tab", 9, null);
            case "Backspace" -> new KeyStroke("Backspace", "Backspace", 8, null);
            default -> {
                if (name.length() != 1 || !Character.isLetterOrDigit(name.charAt(0))) {
                    throw new IllegalArgumentException("unknown key " + name);
                }
                char c = name.charAt(0);
                String upper = name.toUpperCase(Locale.ROOT);
                yield Character.isDigit(c)
                        ? new KeyStroke(name, "Digit" + name, c, name)
                        : new KeyStroke(name, "Key" + upper, upper.charAt(0), name);
            }
        };
    }
}
