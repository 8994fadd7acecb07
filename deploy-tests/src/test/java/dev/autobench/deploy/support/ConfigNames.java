package dev.autobench.deploy.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration names a module can read, in their environment-variable form (SmallRye Config
 * maps {@code autobench.arena.signing-key} to {@code AUTOBENCH_ARENA_SIGNING_KEY}): keys of its
 * application.properties (any profile), {@code ${VAR}} references there, and the properties of its
 * {@code @ConfigMapping} interfaces (prefix + kebab-cased methods, nested interfaces included).
 */
public final class ConfigNames {

    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** {@code [@WithName("x")] Type name();} inside an interface. */
    private static final Pattern MEMBER = Pattern.compile(
            "(?:@WithName\\(\\s*\"([^\"]+)\"\\s*\\)[^;{}]*?)?([\\w.<>?, ]+?)\\s+(\\w+)\\(\\s*\\)\\s*;");

    private ConfigNames() {
    }

    public static Set<String> of(String... modules) {
        Set<String> names = new TreeSet<>();
        for (String module : modules) {
            Path main = Repo.root().resolve(module).resolve("src/main");
            Path properties = main.resolve("resources/application.properties");
            if (Files.isRegularFile(properties)) {
                names.addAll(fromProperties(Repo.read(properties)));
            }
            Path java = main.resolve("java");
            if (Files.isDirectory(java)) {
                try (Stream<Path> files = Files.walk(java)) {
                    files.filter(f -> f.toString().endsWith(".java")).map(Repo::read)
                            .filter(source -> MAPPING_PREFIX.matcher(source).find())
                            .forEach(source -> names.addAll(fromMapping(source)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return names;
    }

    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static Set<String> fromProperties(String text) {
        Set<String> names = new TreeSet<>();
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : properties.stringPropertyNames()) {
            names.add(envName(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key));
        }
        Matcher env = ENV_REFERENCE.matcher(text);
        while (env.find()) {
            names.add(env.group(1));
        }
        return names;
    }

    /** Properties of one {@code @ConfigMapping} source file, nested interfaces resolved by type name. */
    public static Set<String> fromMapping(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        Matcher prefix = MAPPING_PREFIX.matcher(code);
        prefix.find();
        Set<String> names = new TreeSet<>();
        collect(code, bodyAfter(code, prefix.end()), prefix.group(1), names, 0);
        return names;
    }

    private static void collect(String code, String body, String path, Set<String> names, int depth) {
        String own = withoutNestedBodies(body);
        Matcher member = MEMBER.matcher(own);
        while (member.find()) {
            String name = member.group(1) != null ? member.group(1) : kebab(member.group(3));
            String type = member.group(2).trim().replaceAll(".*[\\s.]", "");
            String property = path + "." + name;
            Matcher nested = Pattern.compile("interface\\s+" + Pattern.quote(type) + "\\s*\\{").matcher(code);
            if (depth < 5 && nested.find()) {
                collect(code, bodyAfter(code, nested.start()), property, names, depth + 1);
            } else {
                names.add(envName(property));
            }
        }
    }

    /** The text between the first '{' at or after {@code from} and its matching '}'. */
    private static String bodyAfter(String code, int from) {
        int open = code.indexOf('{', from);
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return code.substring(open + 1, i);
            }
        }
        throw new IllegalArgumentException("Unbalanced braces");
    }

    private static String withoutNestedBodies(String body) {
        StringBuilder own = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                own.append(';');
            } else if (depth == 0) {
                own.append(c);
            }
        }
        return own.toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The service module and the shared modules on its classpath (from its pom). */
    public static Set<String> forService(String service) {
        String pom = Repo.read(Repo.root().resolve(service).resolve("pom.xml"));
        List<String> modules = Stream.of("autobench-common", "llm-clients")
                .filter(m -> pom.contains("<artifactId>" + m + "</artifactId>")).toList();
        Set<String> names = of(service);
        names.addAll(of(modules.toArray(String[]::new)));
        return names;
    }
}
