package dev.autobench.llm.extract;

/**
 * A single-file page taken out of a model's answer.
 *
 * @param html   a complete HTML document (JS-only or SVG-only answers are wrapped into one)
 * @param source where it came from: {@code fenced-html}, {@code fenced-svg}, {@code fenced-js}, {@code raw-html}
 */
public record ExtractedCode(String html, String source) {
}
