package dev.autobench.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A scratch copy of k8s/, for rendering what an operator's edit of an overlay would give. */
public final class K8sTree {

    private K8sTree() {
    }

    /** Copies k8s/ to {@code dir}/k8s and returns that copy. */
    public static Path copyTo(Path dir) throws IOException {
        Path from = Repo.k8s();
        Path to = dir.resolve("k8s");
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
