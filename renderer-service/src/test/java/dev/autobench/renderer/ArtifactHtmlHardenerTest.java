package dev.autobench.renderer;

import dev.autobench.renderer.render.ArtifactHtmlHardener;
import dev.autobench.renderer.render.HardenedHtml;
import dev.autobench.renderer.render.HardenedHtml.AnswerKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactHtmlHardenerTest {

    private final ArtifactHtmlHardener hardener = new ArtifactHtmlHardener(512 * 1024);

    @Test
    void policyIsTheFirstElementOfHeadEvenWhenTheAnswerHasItsOwnHeadContent() {
        HardenedHtml page = hardener.harden("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><script>var early = 1;</script><title>x</title></head>
                <body><p>hi</p></body></html>""");

        Element first = Jsoup.parse(page.html()).head().child(0);
        assertThat(first.tagName()).isEqualTo("meta");
        assertThat(first.attr("http-equiv")).isEqualTo("Content-Security-Policy");
        assertThat(first.attr("content")).isEqualTo(ArtifactHtmlHardener.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'", "connect-src 'none'", "frame-src 'none'", "form-action 'none'",
                        "base-uri 'none'");
        // raw text too: nothing of the answer comes before the policy in the bytes the browser parses
        assertThat(page.html().indexOf("Content-Security-Policy")).isLessThan(page.html().indexOf("var early"));
        assertThat(page.kind()).isEqualTo(AnswerKind.HTML);
    }

    @Test
    void pageWithoutHeadGetsOneWithThePolicy() {
        HardenedHtml page = hardener.harden("<h1>Only a heading</h1><script>document.title='t'</script>");

        Document doc = Jsoup.parse(page.html());
        assertThat(doc.head().child(0).attr("http-equiv")).isEqualTo("Content-Security-Policy");
        assertThat(doc.body().select("h1").text()).isEqualTo("Only a heading");
    }

    @Test
    void baseAndRefreshAreRemoved() {
        HardenedHtml page = hardener.harden("""
                <html><head><base href="https://evil.example/"><meta http-equiv="Refresh" content="0;url=https://evil.example">
                </head><body><meta http-equiv="refresh" content="1"><p>x</p></body></html>""");

        Document doc = Jsoup.parse(page.html());
        assertThat(doc.select("base")).isEmpty();
        assertThat(doc.select("meta[http-equiv]")).hasSize(1);
        assertThat(page.html()).doesNotContainIgnoringCase("refresh");
    }

    @Test
    void externalReferencesAreNeutralisedAndInlineOnesKept() {
        HardenedHtml page = hardener.harden("""
                <html><head>
                <script src="https://cdn.example/lib.js"></script>
                <link rel="stylesheet" href="//cdn.example/style.css">
                <link rel="dns-prefetch" href="http://tracker.example">
                <link rel="icon" href="data:image/png;base64,AAAA">
                <style>@import url("https://fonts.example/css"); body{background:url(http://img.example/b.png) no-repeat}
                .ok{background:url(data:image/png;base64,AAAA)}</style>
                </head><body>
                <img src="http://127.0.0.1:8080/pixel.gif" srcset="https://img.example/a.png 2x">
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <iframe src="https://evil.example/frame"></iframe>
                <video poster="https://img.example/p.jpg" src="blob:https://x/1"></video>
                <a href="https://evil.example" ping="https://evil.example/ping">out</a>
                <a href="#section">in page</a>
                <form action="https://evil.example/steal"><button formaction="//evil.example/x">go</button></form>
                <object data="https://evil.example/x.swf"></object>
                <svg><image href="https://img.example/s.png"/><use xlink:href="#shape"/></svg>
                <div style="background-image: url('https://img.example/d.png')">x</div>
                <script src="relative/app.js"></script>
                <script>const inline = 1;</script>
                </body></html>""");

        Document doc = Jsoup.parse(page.html());
        assertThat(doc.select("[src^=http], [src^=//], [href^=http], [href^=//], [srcset], [poster], [ping], "
                + "[action], [formaction], [data], [src^=relative]")).isEmpty();
        assertThat(page.html()).doesNotContain("url(\"https://fonts.example").doesNotContain("url(http://img.example")
                .doesNotContain("url('https://img.example").doesNotContain("@import url");
        assertThat(doc.select("script[data-autobench-blocked-src=https://cdn.example/lib.js]")).hasSize(1);
        assertThat(doc.select("img[src^=data:]")).hasSize(1);
        assertThat(doc.select("video[src^=blob:]")).hasSize(1);
        assertThat(doc.select("link[href^=data:]")).hasSize(1);
        assertThat(doc.select("a[href=#section]")).hasSize(1);
        assertThat(page.html()).contains("xlink:href=\"#shape\"").contains("const inline = 1;")
                .contains("url(data:image/png;base64,AAAA)");
    }

    @Test
    void urlsHiddenBehindWhitespaceAndCaseAreStillCaught() {
        HardenedHtml page = hardener.harden("<img src=\" HtTpS://evil.example/x.png\"><img src=\"\t//evil.example\">");

        assertThat(Jsoup.parse(page.html()).select("img[src]")).isEmpty();
    }

    @Test
    void javascriptOnlyAnswerIsWrappedInAPageWithTheScriptIntact() {
        String js = "const s = '</script><img src=x>'; document.body.append(s); console.log(1 < 2);";
        HardenedHtml page = hardener.harden(js);

        Document doc = Jsoup.parse(page.html());
        assertThat(page.kind()).isEqualTo(AnswerKind.JAVASCRIPT);
        assertThat(doc.head().child(0).attr("http-equiv")).isEqualTo("Content-Security-Policy");
        assertThat(doc.body().select("script")).hasSize(1);
        assertThat(doc.body().select("img")).isEmpty();
        assertThat(doc.body().select("script").first().data())
                .isEqualTo("const s = '<\\/script><img src=x>'; document.body.append(s); console.log(1 < 2);");
        assertThat(page.html()).startsWith("<!doctype html>");
    }

    @Test
    void svgOnlyAnswerIsWrappedInAPage() {
        String svg = """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="red"/></svg>""";
        HardenedHtml page = hardener.harden(svg);

        Document doc = Jsoup.parse(page.html());
        assertThat(page.kind()).isEqualTo(AnswerKind.SVG);
        assertThat(doc.body().child(0).tagName()).isEqualTo("svg");
        assertThat(doc.select("circle")).hasSize(1);
        assertThat(page.html()).doesNotContain("<?xml");
        assertThat(doc.head().child(0).attr("http-equiv")).isEqualTo("Content-Security-Policy");
    }

    @Test
    void htmlThatMerelyContainsAnSvgIsNotWrapped() {
        assertThat(hardener.harden("<svg></svg><p>and text</p><svg></svg>").kind()).isEqualTo(AnswerKind.HTML);
    }

    @Test
    void recordsSha256AndSizeOfTheStoredBytes() throws Exception {
        HardenedHtml page = hardener.harden("<p>é</p>");

        byte[] bytes = page.html().getBytes(StandardCharsets.UTF_8);
        assertThat(page.sizeBytes()).isEqualTo(bytes.length);
        assertThat(page.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(page.html()).contains("<p>é</p>");
    }

    @Test
    void answerOverTheLimitIsTooLargeAndNotKept() {
        ArtifactHtmlHardener small = new ArtifactHtmlHardener(2048);

        HardenedHtml tooLarge = small.harden("<p>" + "x".repeat(3000) + "</p>");
        HardenedHtml fits = small.harden("<p>small</p>");

        assertThat(tooLarge.tooLarge()).isTrue();
        assertThat(tooLarge.html()).isNull();
        assertThat(tooLarge.sizeBytes()).isGreaterThan(2048);
        assertThat(tooLarge.sha256()).hasSize(64);
        assertThat(fits.tooLarge()).isFalse();
    }

    @Test
    void answerThatFitsOnlyBeforeHardeningIsTooLarge() {
        ArtifactHtmlHardener small = new ArtifactHtmlHardener(2048);

        HardenedHtml page = small.harden("<p>" + "x".repeat(1900) + "</p>");

        assertThat(page.tooLarge()).isTrue();
        assertThat(page.sizeBytes()).isGreaterThan(2048);
    }
}
