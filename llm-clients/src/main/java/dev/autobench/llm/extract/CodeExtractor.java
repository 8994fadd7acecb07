package dev.autobench.llm.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the page in a model's answer: the largest fenced HTML block, else the largest fenced block that
 * is HTML, SVG or JavaScript (wrapped into a page), else raw HTML in the prose. Empty means {@code no_code}.
 * A fence left open (the answer hit its token limit) still counts, up to the end of the answer.
 */
public final class CodeExtractor {

    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*(`{3,}|~{3,})[ \\t]*([A-Za-z0-9_+.-]*)[^\\n]*\\n");
    private static final Pattern RAW_DOCUMENT = Pattern.compile("(?is)(<!doctype\\s+html.*?</html\\s*>|<html[\\s>].*?</html\\s*>)");
    private static final Pattern RAW_DOCUMENT_OPEN = Pattern.compile("(?is)(<!doctype\\s+html|<html[\\s>]).*");
    private static final Pattern RAW_SVG = Pattern.compile("(?is)<svg[\\s>].*?</svg\\s*>");
    private static final Pattern LOOKS_HTML = Pattern.compile("(?is)<!doctype\\s+html|<html[\\s>]|<body[\\s>]|<(div|canvas|script|style|main|section)[\\s>]");
    private static final Pattern LOOKS_JS = Pattern.compile("(?s).*\\b(document\\.|function\\s|const\\s|let\\s|addEventListener|=>).*");

    private CodeExtractor() {
    }

    public static Optional<ExtractedCode> extract(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        List<Block> blocks = fencedBlocks(answer);
        Optional<Block> html = blocks.stream()
                .filter(b -> b.lang.equals("html") || b.lang.equals("htm") || b.lang.equals("xhtml"))
                .max(Comparator.comparingInt(b -> b.body.length()));
        if (html.isPresent() && !html.get().body.isBlank()) {
            return Optional.of(new ExtractedCode(html.get().body, "fenced-html"));
        }
        Optional<ExtractedCode> fenced = blocks.stream()
                .map(CodeExtractor::classify)
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt(c -> c.html().length()));
        if (fenced.isPresent()) {
            return fenced;
        }
        Matcher doc = RAW_DOCUMENT.matcher(answer);
        if (doc.find()) {
            return Optional.of(new ExtractedCode(doc.group(1).strip(), "raw-html"));
        }
        Matcher open = RAW_DOCUMENT_OPEN.matcher(answer);
        if (open.find()) {
            return Optional.of(new ExtractedCode(open.group().strip(), "raw-html"));
        }
        Matcher svg = RAW_SVG.matcher(answer);
        if (svg.find()) {
            return Optional.of(new ExtractedCode(wrapSvg(svg.group()), "raw-svg"));
        }
        return Optional.empty();
    }

    private static Optional<ExtractedCode> classify(Block block) {
        String body = block.body.strip();
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String lang = block.lang;
        boolean svgLang = lang.equals("svg") || lang.equals("xml");
        if ((svgLang || lang.isEmpty()) && body.regionMatches(true, 0, "<svg", 0, 4)) {
            return Optional.of(new ExtractedCode(wrapSvg(body), "fenced-svg"));
        }
        if ((lang.isEmpty() || lang.equals("xml") || lang.equals("markup")) && LOOKS_HTML.matcher(body).find()) {
            return Optional.of(new ExtractedCode(body, "fenced-html"));
        }
        boolean jsLang = lang.equals("js") || lang.equals("javascript") || lang.equals("jsx") || lang.equals("mjs");
        if (jsLang || (lang.isEmpty() && LOOKS_JS.matcher(body).matches())) {
            if (LOOKS_HTML.matcher(body).find() && body.contains("<script")) {
                return Optional.of(new ExtractedCode(body, "fenced-html"));
            }
            return Optional.of(new ExtractedCode(wrapScript(body), "fenced-js"));
        }
        return Optional.empty();
    }

    private static List<Block> fencedBlocks(String answer) {
        List<Block> blocks = new ArrayList<>();
        Matcher open = FENCE.matcher(answer);
        int from = 0;
        while (open.find(from)) {
            String fence = open.group(1);
            String lang = open.group(2).toLowerCase(Locale.ROOT);
            int bodyStart = open.end();
            Pattern close = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(fence) + "[ \\t]*$");
            Matcher end = close.matcher(answer);
            if (end.find(bodyStart)) {
                blocks.add(new Block(lang, answer.substring(bodyStart, end.start())));
                from = end.end();
            } else {
                blocks.add(new Block(lang, answer.substring(bodyStart)));
                break;
            }
            if (from >= answer.length()) {
                break;
            }
        }
        return blocks;
    }

    private static String wrapScript(String js) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\n<body>\n"
                + "<canvas id=\"canvas\" width=\"800\" height=\"600\"></canvas>\n<script>\n" + js + "\n</script>\n</body>\n</html>\n";
    }

    private static String wrapSvg(String svg) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\n<body>\n"
                + svg.strip() + "\n</body>\n</html>\n";
    }

    private record Block(String lang, String body) {
    }
}
