package dev.autobench.renderer.render;

import dev.autobench.renderer.config.RendererConfig;
import dev.autobench.renderer.render.HardenedHtml.AnswerKind;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a submission's code into the page that is stored, rendered and shown to visitors.
 *
 * <p>The Content-Security-Policy is what keeps hostile code off the network, in the renderer and in every
 * visitor's browser: it is injected as the very first element of {@code <head>}, so no markup of the answer is
 * parsed before it applies. Removing {@code <base>}, refresh redirects and external references on top of it is
 * defence in depth, and keeps the stored page honest about what it can show: a page that needed a CDN script
 * renders the way visitors will see it, without it.
 *
 * <p>The page is parsed with an HTML5-spec parser (the same tree-building rules Chromium follows), so what is
 * hardened is what the browser builds, not what a regular expression guessed.
 */
@Singleton
public class ArtifactHtmlHardener {

    /** Inline code runs; nothing is fetched from anywhere: no network of any kind, no frames, no forms. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; "
            + "script-src 'unsafe-inline' 'unsafe-eval' blob: data:; "
            + "style-src 'unsafe-inline'; "
            + "img-src data: blob:; "
            + "media-src data: blob:; "
            + "font-src data:; "
            + "connect-src 'none'; "
            + "frame-src 'none'; "
            + "child-src blob:; "
            + "worker-src blob:; "
            + "object-src 'none'; "
            + "manifest-src 'none'; "
            + "form-action 'none'; "
            + "base-uri 'none'";

    /** Prefix an attribute is renamed with when its URL is neutralised; data-* attributes fetch nothing. */
    public static final String BLOCKED_ATTRIBUTE_PREFIX = "data-autobench-blocked-";

    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "src", "href", "xlink:href", "srcset", "imagesrcset", "action", "formaction", "data", "poster",
            "background", "ping", "manifest", "codebase", "cite", "longdesc", "lowsrc", "dynsrc", "archive",
            "profile", "attributionsrc");
    private static final Set<String> SCRIPT_URL_ATTRIBUTES = Set.of("href", "xlink:href", "action", "formaction");
    private static final Set<String> FORBIDDEN_HTTP_EQUIV = Set.of("refresh", "set-cookie", "link");

    private static final Pattern SVG_ONLY = Pattern.compile(
            "^(?:<\\?xml[^>]*\\?>\\s*)?(?:<!--.*?-->\\s*)*(?:<!DOCTYPE\\s+svg[^>]*>\\s*)?(<svg[\\s>].*</svg>)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_CSS_URL = Pattern.compile(
            "url\\(\\s*(['\"]?)\\s*(?!data:|blob:|#|['\")])[^)]*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_IMPORT = Pattern.compile("@import[^;]*;?", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_NOISE = Pattern.compile("[\\u0000-\\u0020\\u007f]+");

    private final int maxHtmlBytes;

    @Inject
    public ArtifactHtmlHardener(RendererConfig config) {
        this(config.maxHtmlBytes());
    }

    public ArtifactHtmlHardener(int maxHtmlBytes) {
        this.maxHtmlBytes = maxHtmlBytes;
    }

    public HardenedHtml harden(String code) {
        String answer = code == null ? "" : stripBom(code).strip();
        AnswerKind kind = kindOf(answer);
        byte[] raw = answer.getBytes(StandardCharsets.UTF_8);
        if (raw.length > maxHtmlBytes) {
            // Hardening only adds bytes: do not spend a parse on an answer that cannot fit.
            return new HardenedHtml(null, sha256(raw), raw.length, kind);
        }
        Document page = switch (kind) {
            case JAVASCRIPT -> wrapScript(answer);
            case SVG -> wrapSvg(answer);
            case HTML -> Jsoup.parse(answer);
        };
        neutraliseRedirects(page);
        neutraliseUrls(page);
        neutraliseStyles(page);
        injectPolicy(page);
        String html = serialise(page);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxHtmlBytes) {
            return new HardenedHtml(null, sha256(bytes), bytes.length, kind);
        }
        return new HardenedHtml(html, sha256(bytes), bytes.length, kind);
    }

    static AnswerKind kindOf(String answer) {
        if (!answer.startsWith("<")) {
            return AnswerKind.JAVASCRIPT;
        }
        Matcher svg = SVG_ONLY.matcher(answer);
        return svg.matches() && isSingleSvg(svg.group(1)) ? AnswerKind.SVG : AnswerKind.HTML;
    }

    /** {@code <svg>…</svg><p>…</p><svg>…</svg>} starts and ends like an SVG, but is a page. */
    private static boolean isSingleSvg(String markup) {
        Element body = Jsoup.parseBodyFragment(markup).body();
        return body.childrenSize() == 1 && body.child(0).tagName().equals("svg") && body.ownText().isBlank();
    }

    private static Document wrapScript(String script) {
        Document page = Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Artifact</title>"
                + "<style>html,body{margin:0;height:100%}</style></head><body></body></html>");
        // A literal </script> (or <!-- <script>) inside the code would end or confuse the element early;
        // "<\/" and "<\!" mean the same inside JS strings and regular expressions.
        String safe = SCRIPT_END.matcher(script).replaceAll("<\\\\/$1").replace("<!--", "<\\!--");
        page.body().appendElement("script").appendChild(new DataNode(safe));
        return page;
    }

    private static Document wrapSvg(String answer) {
        Matcher m = SVG_ONLY.matcher(answer);
        String svg = m.matches() ? m.group(1) : answer;
        Document page = Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Artifact</title>"
                + "<style>html,body{margin:0;height:100%}body{display:flex;align-items:center;justify-content:center}"
                + "svg{max-width:100%;max-height:100%}</style></head><body></body></html>");
        page.body().append(svg);
        return page;
    }

    private static void neutraliseRedirects(Document page) {
        page.select("base").remove();
        for (Element meta : page.select("meta[http-equiv]")) {
            if (FORBIDDEN_HTTP_EQUIV.contains(meta.attr("http-equiv").strip().toLowerCase(Locale.ROOT))) {
                meta.remove();
            }
        }
    }

    private static void neutraliseUrls(Document page) {
        for (Element element : page.getAllElements()) {
            List<Attribute> attributes = new ArrayList<>(element.attributes().asList());
            for (Attribute attribute : attributes) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (URL_ATTRIBUTES.contains(name) && !isInert(name, attribute.getValue())) {
                    element.removeAttr(attribute.getKey());
                    element.attr(BLOCKED_ATTRIBUTE_PREFIX + name.replace(':', '-'), attribute.getValue());
                }
            }
        }
    }

    /** True for a URL that makes no request: empty, a fragment, data:, blob:, about:blank/srcdoc, or script. */
    static boolean isInert(String attribute, String value) {
        String url = URL_NOISE.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
        if (attribute.equals("srcset") || attribute.equals("imagesrcset")) {
            for (String candidate : url.split(",")) {
                if (!candidate.isEmpty() && !candidate.startsWith("data:") && !candidate.startsWith("blob:")) {
                    return false;
                }
            }
            return true;
        }
        return url.isEmpty()
                || url.startsWith("#")
                || url.startsWith("data:")
                || url.startsWith("blob:")
                || url.equals("about:blank")
                || url.equals("about:srcdoc")
                || (url.startsWith("javascript:") && SCRIPT_URL_ATTRIBUTES.contains(attribute));
    }

    private static void neutraliseStyles(Document page) {
        for (Element style : page.select("style")) {
            String css = style.data();
            String safe = neutraliseCss(css);
            if (!safe.equals(css)) {
                style.empty();
                style.appendChild(new DataNode(safe));
            }
        }
        for (Element element : page.select("[style]")) {
            element.attr("style", neutraliseCss(element.attr("style")));
        }
    }

    static String neutraliseCss(String css) {
        String withoutImports = CSS_IMPORT.matcher(css).replaceAll("/* @import removed */");
        return EXTERNAL_CSS_URL.matcher(withoutImports).replaceAll("none");
    }

    private static void injectPolicy(Document page) {
        Element head = page.head();
        if (head.selectFirst("meta[charset]") == null) {
            head.prependElement("meta").attr("charset", "utf-8");
        }
        head.prependElement("meta")
                .attr("http-equiv", "Content-Security-Policy")
                .attr("content", CONTENT_SECURITY_POLICY);
    }

    private static String serialise(Document page) {
        page.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base)
                .syntax(Document.OutputSettings.Syntax.html);
        return page.outerHtml();
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
