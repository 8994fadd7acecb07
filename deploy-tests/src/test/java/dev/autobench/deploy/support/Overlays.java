package dev.autobench.deploy.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rendered overlays, each rendered once per test JVM. */
public final class Overlays {

    public static final List<String> NAMES = List.of("dev", "prod");

    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    /** The schema migration Job (its name carries the release, so it is found by its component label). */
    public static Job migrationJob(List<HasMetadata> resources) {
        List<Job> jobs = Manifests.ofType(resources, Job.class)
                .filter(j -> "migration".equals(j.getMetadata().getLabels().get("app.kubernetes.io/component"))).toList();
        if (jobs.size() != 1) {
            throw new AssertionError("expected exactly one migration Job, found " + jobs.size());
        }
        return jobs.get(0);
    }

    public static List<HasMetadata> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay,
                o -> Manifests.parse(Kustomize.build(Repo.k8s().resolve("overlays").resolve(o))));
    }
}
