package dev.autobench.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HTTP endpoints a service module declares, read from its JAX-RS sources ({@code @Path} on the
 * class and method plus the HTTP method annotation). REST client interfaces are skipped: their
 * paths belong to the peer they call.
 */
public final class Endpoints {

    /** An HTTP method and path; {@code cronSecured} when the method or its class carries {@code @CronSecured}. */
    public record Endpoint(String method, String path, boolean cronSecured) {
    }

    private static final Pattern ANNOTATION = Pattern.compile("@(Path|GET|POST|PUT|DELETE|PATCH|HEAD|ApplicationPath)\\b(?:\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"\\s*\\))?");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(class|interface|record)\\s+\\w+");
    /**
     * One or more annotations in a row, with (possibly nested) arguments. Runs of plain characters and
     * whole strings are matched possessively, one step each: a step per character would recurse once
     * per character and overflow the stack on a long annotation (an OpenAPI description, say).
     */
    private static final Pattern ANNOTATION_BLOCK = Pattern.compile(
            "(?:@\\w+(?:\\.\\w+)*(?:\\s*\\((?:[^()\"]++|\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|\\((?:[^()]++|\\([^()]*+\\))*+\\))*+\\))?\\s*)+");
    private static final Pattern CRON_SECURED = Pattern.compile("@(?:[\\w.]+\\.)?CronSecured\\b");
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");

    private Endpoints() {
    }

    public static List<Endpoint> of(String module) {
        Path sources = Repo.root().resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        List<Endpoint> endpoints = new ArrayList<>();
        String applicationPath = "";
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Repo.read(file);
                Matcher app = Pattern.compile("@ApplicationPath\\(\\s*\"([^\"]*)\"").matcher(source);
                if (app.find()) {
                    applicationPath = app.group(1);
                }
                if (!source.contains("@RegisterRestClient")) {
                    endpoints.addAll(declaredIn(withoutComments(source)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = applicationPath;
        return endpoints.stream().map(e -> new Endpoint(e.method(), join(prefix, e.path()), e.cronSecured())).toList();
    }

    /**
     * Each run of annotations is attached to the declaration after it: a type's {@code @Path} prefixes
     * the resource methods that follow; a method with an HTTP verb is an endpoint.
     */
    public static List<Endpoint> declaredIn(String source) {
        List<Endpoint> found = new ArrayList<>();
        String classPath = "";
        boolean classSecured = false;
        Matcher block = ANNOTATION_BLOCK.matcher(source);
        while (block.find()) {
            String annotations = block.group();
            String path = null;
            Set<String> verbs = new java.util.HashSet<>();
            Matcher each = ANNOTATION.matcher(annotations);
            while (each.find()) {
                if (each.group(1).equals("Path")) {
                    path = each.group(2) == null ? "" : each.group(2);
                } else if (VERBS.contains(each.group(1))) {
                    verbs.add(each.group(1));
                }
            }
            String declaration = declarationAfter(source, block.end());
            if (TYPE_DECLARATION.matcher(declaration).find()) {
                if (path != null) {
                    classPath = path;
                    classSecured = CRON_SECURED.matcher(annotations).find();
                }
            } else {
                boolean secured = classSecured || CRON_SECURED.matcher(annotations).find();
                for (String verb : verbs) {
                    found.add(new Endpoint(verb, join(classPath, path == null ? "" : path), secured));
                }
            }
        }
        return found;
    }

    private static String declarationAfter(String source, int from) {
        int end = from;
        while (end < source.length() && "({;=".indexOf(source.charAt(end)) < 0) {
            end++;
        }
        return source.substring(from, end);
    }

    static String join(String base, String path) {
        String joined = ("/" + base + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    public static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }
}
