package dev.autobench.deploy;

import dev.autobench.deploy.support.Kustomize;
import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import dev.autobench.deploy.support.K8sTree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `kubectl apply -k` works on every upgrade: a Job's pod template is immutable, so each release gets
 * a migration Job of its own, named after the generator image tag the overlay deploys.
 */
class MigrationPerReleaseTest {

    static final List<String> OVERLAYS = Overlays.WITH_JVM;

    /** A Job name is also the pods' job-name label value: a DNS label of at most 63 characters. */
    private static final String JOB_NAME = "[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theMigrationJobIsNamedAfterTheReleaseItMigratesTo(String overlay) {
        Job job = Overlays.migrationJob(Overlays.render(overlay));
        String image = job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        String tag = image.substring(image.lastIndexOf(':') + 1);

        assertThat(job.getMetadata().getName()).isEqualTo("autobench-migrate-" + tag).matches(JOB_NAME);
        assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", tag);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", tag);
    }

    @Test
    void anUpgradeCreatesANewMigrationJobAndUpdatesEverythingElseInPlace(@TempDir Path dir) throws IOException {
        Path k8s = K8sTree.copyTo(dir);
        Path kustomization = k8s.resolve("overlays/prod/kustomization.yaml");
        String current = Files.readString(kustomization);
        String pinned = "newName: ghcr.io/autobench/generator-service\n    newTag: 1.0.0\n";
        String upgraded = current.replace(pinned, "newName: ghcr.io/autobench/generator-service\n    newTag: 1.1.0\n");
        assertThat(upgraded).as("the prod overlay pins the generator image at 1.0.0").isNotEqualTo(current);
        Files.writeString(kustomization, upgraded);

        List<HasMetadata> before = Overlays.render("prod");
        List<HasMetadata> after = Manifests.parse(Kustomize.build(k8s.resolve("overlays/prod")));

        Job old = Overlays.migrationJob(before);
        Job next = Overlays.migrationJob(after);
        assertThat(next.getMetadata().getName()).isEqualTo("autobench-migrate-1.1.0").isNotEqualTo(old.getMetadata().getName());
        assertThat(next.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/autobench/generator-service:1.1.0")
                .isEqualTo(Manifests.named(after, Deployment.class, "generator-service")
                        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        assertThat(keys(after, next)).as("every other object keeps its name, so apply updates it in place")
                .isEqualTo(keys(before, old));
    }

    private static Set<String> keys(List<HasMetadata> resources, Job except) {
        return resources.stream().filter(r -> r != except)
                .map(r -> r.getKind() + "/" + r.getMetadata().getName()).collect(Collectors.toSet());
    }
}
