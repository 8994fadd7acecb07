package dev.autobench.deploy.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rendered overlays, each rendered once per test JVM. */
public final class Overlays {

    public static final List<String> NAMES = List.of("dev", "prod");

    /** Suffix of an overlay name that renders it with the JVM images (k8s/components/jvm) added, as an operator would. */
    public static final String JVM = "+jvm";

    /** Every overlay as shipped (native executables) and with the JVM component. */
    public static final List<String> WITH_JVM = List.of("dev", "prod", "dev" + JVM, "prod" + JVM);

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
        return RENDERED.computeIfAbsent(overlay, o -> Manifests.parse(Kustomize.build(o.endsWith(JVM)
                ? withJvmComponent(o.substring(0, o.length() - JVM.length()))
                : Repo.k8s().resolve("overlays").resolve(o))));
    }

    /** A scratch copy of k8s/ whose overlay lists components/jvm, the one line the operations guide adds. */
    private static Path withJvmComponent(String overlay) {
        try {
            Path k8s = K8sTree.copyTo(Files.createTempDirectory("k8s-jvm-"));
            Path dir = k8s.resolve("overlays").resolve(overlay);
            Path kustomization = dir.resolve("kustomization.yaml");
            String text = Files.readString(kustomization);
            if (text.contains("\ncomponents:")) {
                throw new AssertionError(overlay + " already lists components: add components/jvm to that list here");
            }
            Files.writeString(kustomization, text + "components:\n  - ../../components/jvm\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
