package dev.autobench.arena.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the UI's static files ({@code META-INF/resources}) from memory, each read once: a strong
 * ETag (its content hash), a gzip copy made once for clients that accept it, and caching that lets
 * a browser keep assets for a year. The pages reference their scripts, styles and icon with
 * {@code ?v=<content hash>} (rewritten when a page is first read), and an asset asked for under its
 * current hash is {@code immutable}; a page, or an asset asked for without its hash, is revalidated
 * ({@code no-cache}), which the ETag turns into a 304. A path that is not a file falls through to
 * the next handler.
 *
 * <p>The pages share their head, site header, end and the arena's two solution panels: a line
 * {@code <!--#include name key="value"…-->} stands for {@code page-parts/name.html} (outside the served
 * root) with each {@code {{key}}} filled in, and the site header marks the page's own link as
 * current. Parts are put in when the page is first read, before the asset hashes, so a page is
 * served as one static file with one ETag and the CSP needs no inline script.
 */
@Singleton
public class StaticFiles {

    /** After {@link UiSecurityHeaders} (100), so its headers are already set. */
    private static final int PRIORITY = 10;
    private static final String ROOT = "META-INF/resources";
    private static final int MAX_REMEMBERED_MISSES = 1000;
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";
    private static final Pattern PAGE_ASSET = Pattern.compile("((?:src|href)=\")(/[A-Za-z0-9_./-]+\\.(?:js|css|svg|png))(\")");
    private static final String PARTS = "page-parts/";
    private static final Pattern INCLUDE =
            Pattern.compile("(?m)^[ \\t]*<!--#include ([a-z-]+)((?: [a-z]+=\"[^\"]*\")*)-->\\n?");
    private static final Pattern ARGUMENT = Pattern.compile("([a-z]+)=\"([^\"]*)\"");
    private static final Pattern SCRIPT_IMPORT = Pattern.compile("(from ')(\\./[A-Za-z0-9_./-]+\\.js)(')");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "json", "application/json");

    /** One file as sent: its bytes, its gzip copy (null when not worth it), their tags. */
    record StaticFile(Buffer bytes, Buffer gzipped, String etag, String gzipEtag, String type, String hash,
                      boolean page) {
    }

    private final Map<String, Optional<StaticFile>> files = new ConcurrentHashMap<>();

    void register(@Observes Filters filters) {
        filters.register(this::serve, PRIORITY);
    }

    void serve(RoutingContext context) {
        HttpMethod method = context.request().method();
        String path = context.normalizedPath();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !UiSecurityHeaders.isUiPath(path)) {
            context.next();
            return;
        }
        Optional<StaticFile> found = file(path.endsWith("/") ? path + "index.html" : path);
        if (found.isEmpty()) {
            context.next();
            return;
        }
        StaticFile file = found.get();
        MultiMap request = context.request().headers();
        boolean gzip = file.gzipped() != null && acceptsGzip(request.get(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? file.gzipEtag() : file.etag();
        MultiMap headers = context.response().headers();
        headers.set(HttpHeaders.ETAG, etag);
        headers.set(HttpHeaders.CACHE_CONTROL,
                !file.page() && file.hash().equals(context.request().getParam("v")) ? IMMUTABLE : REVALIDATE);
        if (file.gzipped() != null) {
            headers.set(HttpHeaders.VARY, "Accept-Encoding");
        }
        if (notModified(request.get(HttpHeaders.IF_NONE_MATCH), file)) {
            context.response().setStatusCode(304).end();
            return;
        }
        headers.set(HttpHeaders.CONTENT_TYPE, file.type());
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        Buffer body = gzip ? file.gzipped() : file.bytes();
        if (method == HttpMethod.HEAD) {
            headers.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
            context.response().end();
        } else {
            context.response().end(body);
        }
    }

    Optional<StaticFile> file(String path) {
        Optional<StaticFile> known = files.get(path);
        if (known != null) {
            return known;
        }
        Optional<StaticFile> read = read(path);
        if (read.isPresent() || files.size() < MAX_REMEMBERED_MISSES) {
            files.put(path, read);
        }
        return read;
    }

    private Optional<StaticFile> read(String path) {
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1));
        if (type == null || path.contains("..") || path.contains("//")) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Optional.empty();
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean page = path.endsWith(".html");
        if (page) {
            String html = withParts(new String(bytes, StandardCharsets.UTF_8), path);
            bytes = versioned(html, PAGE_ASSET, path).getBytes(StandardCharsets.UTF_8);
        } else if (path.endsWith(".js")) {
            bytes = versioned(new String(bytes, StandardCharsets.UTF_8), SCRIPT_IMPORT, path).getBytes(StandardCharsets.UTF_8);
        }
        String hash = sha256(bytes).substring(0, 20);
        byte[] gzipped = type.startsWith("image/png") ? null : gzip(bytes);
        boolean worthIt = gzipped != null && gzipped.length < bytes.length * 0.9;
        return Optional.of(new StaticFile(Buffer.buffer(bytes), worthIt ? Buffer.buffer(gzipped) : null,
                "\"" + hash + "\"", "\"" + hash + "-gz\"", type, hash, page));
    }

    /** The page with every include line replaced by its part. */
    private static String withParts(String page, String path) {
        Matcher m = INCLUDE.matcher(page);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String part = part(m.group(1));
            Matcher argument = ARGUMENT.matcher(m.group(2));
            while (argument.find()) {
                part = part.replace("{{" + argument.group(1) + "}}", argument.group(2));
            }
            if (m.group(1).equals("site-header")) {
                String self = path.equals("/index.html") ? "/" : path;
                part = part.replace("<a href=\"" + self + "\">", "<a href=\"" + self + "\" aria-current=\"page\">");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(part));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String part(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PARTS + name + ".html")) {
            if (in == null) {
                throw new IllegalStateException("a page includes the missing part " + PARTS + name + ".html");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code ?v=<hash>} to every reference the pattern finds that names a file of ours. */
    private String versioned(String text, Pattern references, String from) {
        Matcher m = references.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String reference = m.group(2);
            String target = reference.startsWith("./")
                    ? from.substring(0, from.lastIndexOf('/') + 1) + reference.substring(2) : reference;
            String replacement = target.equals(from) ? m.group()
                    : file(target).map(f -> m.group(1) + reference + "?v=" + f.hash() + m.group(3)).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean notModified(String ifNoneMatch, StaticFile file) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(file.etag()) || tag.equals(file.gzipEtag())) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
