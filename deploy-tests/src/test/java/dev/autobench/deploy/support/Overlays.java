package dev.autobench.deploy.support;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rendered overlays, each rendered once per test JVM. */
public final class Overlays {

    public static final List<String> NAMES = List.of("dev", "prod");

    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    public static List<HasMetadata> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay,
                o -> Manifests.parse(Kustomize.build(Repo.k8s().resolve("overlays").resolve(o))));
    }
}
