package dev.autobench.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the checkout: the deployment files are checked where they live, not copied. */
public final class Repo {

    /** The four services, their contract ports (design.md) and Maven modules. */
    public static final java.util.Map<String, Integer> SERVICE_PORTS = java.util.Map.of(
            "generator-service", 8081,
            "dispatcher-service", 8082,
            "renderer-service", 8083,
            "arena-service", 8080);

    private Repo() {
    }

    public static Path root() {
        String configured = System.getProperty("autobench.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("k8s")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("No checkout with a k8s/ directory above " + start);
    }

    public static Path k8s() {
        return root().resolve("k8s");
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
