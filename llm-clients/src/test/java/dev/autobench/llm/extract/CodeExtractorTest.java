package dev.autobench.llm.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeExtractorTest {

    @Test
    void takesTheLargestFencedHtmlBlock() {
        String answer = """
                Here you go:
                ```html
                <p>small</p>
                ```
                and the full page:
                ```html
                <!DOCTYPE html><html><body><canvas></canvas></body></html>
                ```
                """;
        ExtractedCode code = CodeExtractor.extract(answer).orElseThrow();
        assertThat(code.html()).contains("<canvas>").doesNotContain("small");
        assertThat(code.source()).isEqualTo("fenced-html");
    }

    @Test
    void prefersHtmlOverALargerCssOrJsBlock() {
        String answer = "```css\n" + "body{}\n".repeat(100) + "```\n```html\n<div>page</div>\n```\n";
        assertThat(CodeExtractor.extract(answer).orElseThrow().html()).isEqualTo("<div>page</div>\n");
    }

    @Test
    void acceptsAnUnlabelledFenceThatIsHtml() {
        String answer = "```\n<!doctype html>\n<html><body>hi</body></html>\n```";
        assertThat(CodeExtractor.extract(answer).orElseThrow().html()).startsWith("<!doctype html>");
    }

    @Test
    void wrapsJavaScriptAndSvgIntoAPage() {
        ExtractedCode js = CodeExtractor.extract("```javascript\nconst c = document.getElementById('canvas');\n```").orElseThrow();
        assertThat(js.source()).isEqualTo("fenced-js");
        assertThat(js.html()).contains("<script>").contains("const c = document.getElementById('canvas');");

        ExtractedCode svg = CodeExtractor.extract("```svg\n<svg viewBox=\"0 0 10 10\"><circle r=\"4\"/></svg>\n```").orElseThrow();
        assertThat(svg.source()).isEqualTo("fenced-svg");
        assertThat(svg.html()).contains("<body>").contains("<circle");
    }

    @Test
    void findsRawHtmlInProse() {
        String answer = "Sure! <!DOCTYPE html><html><head></head><body>x</body></html> Enjoy.";
        ExtractedCode code = CodeExtractor.extract(answer).orElseThrow();
        assertThat(code.html()).isEqualTo("<!DOCTYPE html><html><head></head><body>x</body></html>");
        assertThat(code.source()).isEqualTo("raw-html");
    }

    @Test
    void keepsAFenceCutOffByTheTokenLimit() {
        String answer = "```html\n<!DOCTYPE html><html><body><script>let x = 1;";
        assertThat(CodeExtractor.extract(answer).orElseThrow().html()).endsWith("let x = 1;");
    }

    @Test
    void proseOrIrrelevantCodeIsNoCode() {
        assertThat(CodeExtractor.extract("I would build it with a canvas and a loop.")).isEmpty();
        assertThat(CodeExtractor.extract("```python\nprint('hello')\n```")).isEmpty();
        assertThat(CodeExtractor.extract("")).isEmpty();
        assertThat(CodeExtractor.extract(null)).isEmpty();
    }
}
