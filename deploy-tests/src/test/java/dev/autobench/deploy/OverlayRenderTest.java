package dev.autobench.deploy;

import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each overlay renders with kubectl's kustomize into a complete, consistent set of typed resources. */
class OverlayRenderTest {

    static final List<String> OVERLAYS = Overlays.WITH_JVM;
    static final List<String> SHIPPED = Overlays.NAMES;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void rendersEveryServiceIntoOneNamespace(String overlay) {
        List<HasMetadata> resources = Overlays.render(overlay);

        assertThat(resources).allSatisfy(r -> assertThat(Manifests.unknownFields(r)).as("%s/%s", r.getKind(),
                r.getMetadata().getName()).isEmpty());
        assertThat(Manifests.ofType(resources, Namespace.class).map(n -> n.getMetadata().getName())).containsExactly("autobench");
        assertThat(resources).filteredOn(r -> !(r instanceof Namespace))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).as("%s %s", r.getKind(), r.getMetadata().getName())
                        .isEqualTo("autobench"));
        assertThat(Manifests.ofType(resources, Deployment.class).map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrder("generator-service", "dispatcher-service", "renderer-service", "arena-service");
        Set<String> keys = resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).collect(Collectors.toSet());
        assertThat(keys).as("no duplicate kind/name").hasSize(resources.size());
        assertThat(resources).as("the example Secret is never applied by an overlay")
                .noneMatch(r -> "Secret".equals(r.getKind()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void imagesAreTaggedAndTheMigrationUsesTheGeneratorImage(String overlay) {
        List<HasMetadata> resources = Overlays.render(overlay);
        Map<String, String> images = Manifests.ofType(resources, Deployment.class).collect(Collectors.toMap(
                d -> d.getMetadata().getName(), d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()));
        assertThat(images.values()).allSatisfy(image -> assertThat(image).matches(".+:[\\w.-]+").doesNotEndWith(":latest"));
        String migrationImage = Overlays.migrationJob(resources).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        assertThat(migrationImage).isEqualTo(images.get("generator-service"));
    }

    /**
     * The overlays run the native executables; components/jvm swaps every service, and the migration Job, to the
     * JVM image of the same release and gives it the JVM's memory (never less than the native executable's).
     */
    @ParameterizedTest
    @FieldSource("SHIPPED")
    void theJvmComponentSwapsEveryImageForTheJvmImageOfTheSameRelease(String overlay) {
        List<HasMetadata> shipped = Overlays.render(overlay);
        List<HasMetadata> jvm = Overlays.render(overlay + Overlays.JVM);
        for (Deployment nativeDeployment : Manifests.ofType(shipped, Deployment.class).toList()) {
            String name = nativeDeployment.getMetadata().getName();
            Container nativeContainer = nativeDeployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Container jvmContainer = Manifests.named(jvm, Deployment.class, name).getSpec().getTemplate().getSpec()
                    .getContainers().get(0);
            String image = nativeContainer.getImage();
            assertThat(image).as(name).doesNotContain("-jvm");
            int colon = image.lastIndexOf(':');
            assertThat(jvmContainer.getImage()).as(name)
                    .isEqualTo(image.substring(0, colon) + "-jvm" + image.substring(colon));
            assertThat(Quantity.getAmountInBytes(jvmContainer.getResources().getLimits().get("memory")))
                    .as("%s: the JVM's memory limit", name)
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(nativeContainer.getResources().getLimits().get("memory")));
        }
        String jvmGenerator = Manifests.named(jvm, Deployment.class, "generator-service").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage();
        assertThat(Overlays.migrationJob(jvm).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo(jvmGenerator);
        assertThat(Overlays.migrationJob(jvm).getMetadata().getName())
                .isEqualTo(Overlays.migrationJob(shipped).getMetadata().getName());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void arenaAutoscalerLeavesRoomForItsDisruptionBudget(String overlay) {
        List<HasMetadata> resources = Overlays.render(overlay);
        HorizontalPodAutoscaler hpa = Manifests.named(resources, HorizontalPodAutoscaler.class, "arena-service");
        PodDisruptionBudget pdb = Manifests.named(resources, PodDisruptionBudget.class, "arena-service");
        Deployment arena = Manifests.named(resources, Deployment.class, "arena-service");

        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("arena-service");
        assertThat(arena.getSpec().getReplicas()).as("the HPA owns the replica count").isNull();
        assertThat(pdb.getSpec().getSelector().getMatchLabels().entrySet())
                .isSubsetOf(arena.getSpec().getTemplate().getMetadata().getLabels().entrySet());
        // A budget that needs every pod up blocks every node drain.
        if (pdb.getSpec().getMinAvailable() != null) {
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isLessThan(hpa.getSpec().getMinReplicas());
        } else {
            assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isPositive();
        }
    }

    @Test
    void devRunsOnePostgresAndTheDemoProvider() {
        List<HasMetadata> dev = Overlays.render("dev");
        assertThat(postgres(dev).<Integer>get("spec", "instances")).isEqualTo(1);
        assertThat(config(dev)).containsEntry("AUTOBENCH_DEMO_ENABLED", "true");
    }

    @Test
    void prodRunsReplicatedPostgresAndTheOperatorMonitoring() {
        List<HasMetadata> prod = Overlays.render("prod");
        GenericKubernetesResource postgres = postgres(prod);
        assertThat(postgres.<Integer>get("spec", "instances")).isEqualTo(3);
        assertThat(postgres.<Integer>get("spec", "minSyncReplicas")).isGreaterThanOrEqualTo(1);
        assertThat(postgres.<String>get("spec", "affinity", "podAntiAffinityType")).isEqualTo("required");
        assertThat(config(prod)).containsEntry("AUTOBENCH_DEMO_ENABLED", "false")
                .containsEntry("AUTOBENCH_GENERATOR_SCHEDULE_ENABLED", "false");
        assertThat(Manifests.custom(prod, "monitoring.coreos.com/v1", "PodMonitor")).hasSize(2);
        assertThat(Manifests.custom(prod, "monitoring.coreos.com/v1", "PrometheusRule")).hasSize(1);
        assertThat(Manifests.named(prod, ConfigMap.class, "autobench-grafana-dashboard").getData())
                .containsKey("grafana-dashboard.json");
        assertThat(Manifests.named(prod, HorizontalPodAutoscaler.class, "arena-service").getSpec().getMinReplicas())
                .isGreaterThan(Manifests.named(Overlays.render("dev"), HorizontalPodAutoscaler.class, "arena-service")
                        .getSpec().getMinReplicas());
    }

    private static GenericKubernetesResource postgres(List<HasMetadata> resources) {
        List<GenericKubernetesResource> clusters = Manifests.custom(resources, "postgresql.cnpg.io/v1", "Cluster");
        assertThat(clusters).hasSize(1);
        return clusters.get(0);
    }

    private static Map<String, String> config(List<HasMetadata> resources) {
        return Manifests.named(resources, ConfigMap.class, "autobench-config").getData();
    }
}
