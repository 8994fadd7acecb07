package dev.autobench.deploy;

import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Repo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every manifest file under k8s/ is a well-formed resource of the typed fabric8 model for its kind. */
class ManifestModelTest {

    /** The kinds k8s/ may contain and the fabric8 model each must parse into. */
    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class));

    /** Custom resources of operators the cluster must run (CloudNativePG, Prometheus Operator). */
    private static final List<String> CUSTOM = List.of(
            "postgresql.cnpg.io/v1/Cluster",
            "monitoring.coreos.com/v1/PodMonitor",
            "monitoring.coreos.com/v1/PrometheusRule");

    @TestFactory
    Stream<DynamicTest> everyManifestParsesIntoItsTypedModel() throws IOException {
        return manifestFiles().map(file -> DynamicTest.dynamicTest(Repo.k8s().relativize(file).toString(), () -> {
            List<HasMetadata> resources = Manifests.parse(file);
            assertThat(resources).as("resources in %s", file).isNotEmpty();
            for (HasMetadata resource : resources) {
                String type = resource.getApiVersion() + "/" + resource.getKind();
                assertThat(resource.getMetadata().getName()).as("name of a %s in %s", type, file).isNotBlank();
                if (CUSTOM.contains(type)) {
                    assertThat(resource).isInstanceOf(GenericKubernetesResource.class);
                } else {
                    assertThat(TYPED).as("kinds allowed in k8s/").containsKey(type);
                    assertThat(resource).as(type).isInstanceOf(TYPED.get(type));
                }
                assertThat(Manifests.unknownFields(resource))
                        .as("fields the %s model does not know in %s (typo or wrong place?)", type, file).isEmpty();
            }
        }));
    }

    @Test
    void cloudNativePgClusterHasWhatTheOperatorRequires() {
        GenericKubernetesResource cluster = single("base/postgres-cluster.yaml", "Cluster");
        assertThat((Integer) cluster.get("spec", "instances")).isEqualTo(1);
        assertThat((String) cluster.get("spec", "storage", "size")).isNotBlank();
        assertThat((String) cluster.get("spec", "bootstrap", "initdb", "database")).isEqualTo("autobench");
        assertThat((String) cluster.get("spec", "bootstrap", "initdb", "owner")).isEqualTo("autobench");
        assertThat((String) cluster.get("spec", "bootstrap", "initdb", "secret", "name")).isEqualTo("autobench-db-app");
        assertThat((String) cluster.get("spec", "imageName")).as("pinned Postgres image").matches(".+:\\d+(\\.\\d+)+.*");
    }

    @Test
    void podMonitorsNameAPortAndAPath() {
        List<HasMetadata> monitors = Manifests.parse(Repo.k8s().resolve("monitoring/podmonitor.yaml"));
        assertThat(monitors).hasSize(2);
        for (HasMetadata m : monitors) {
            GenericKubernetesResource monitor = (GenericKubernetesResource) m;
            assertThat((Map<?, ?>) monitor.get("spec", "selector", "matchLabels")).isNotEmpty();
            List<Map<String, Object>> endpoints = monitor.get("spec", "podMetricsEndpoints");
            assertThat(endpoints).isNotEmpty().allSatisfy(e -> assertThat(e.get("port")).isNotNull());
        }
        GenericKubernetesResource services = (GenericKubernetesResource) monitors.get(0);
        List<Map<String, Object>> endpoints = services.get("spec", "podMetricsEndpoints");
        assertThat(endpoints.get(0)).containsEntry("port", "http").containsEntry("path", "/q/metrics");
    }

    @Test
    void prometheusRuleHasGroupsOfAlerts() {
        GenericKubernetesResource rule = single("monitoring/prometheus-rules.yaml", "PrometheusRule");
        List<Map<String, Object>> groups = rule.get("spec", "groups");
        assertThat(groups).isNotEmpty().allSatisfy(g -> {
            assertThat(g.get("name")).isNotNull();
            assertThat((List<?>) g.get("rules")).isNotEmpty();
        });
    }

    @Test
    void kustomizationsListOnlyFilesThatExist() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.k8s())) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                JsonNode doc = Manifests.documents(Repo.read(kustomization)).get(0);
                for (String key : List.of("resources", "patches")) {
                    for (JsonNode entry : doc.path(key)) {
                        String ref = entry.isTextual() ? entry.asText() : entry.path("path").asText(null);
                        if (ref != null) {
                            assertThat(kustomization.getParent().resolve(ref)).as("%s in %s", ref, kustomization).exists();
                        }
                    }
                }
            }
        }
    }

    private static GenericKubernetesResource single(String file, String kind) {
        return Manifests.parse(Repo.k8s().resolve(file)).stream()
                .filter(r -> kind.equals(r.getKind())).map(GenericKubernetesResource.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " in " + file));
    }

    static Stream<Path> manifestFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repo.k8s())) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    // Overlay patches are fragments, checked once rendered (OverlayRenderTest).
                    .filter(f -> !f.startsWith(Repo.k8s().resolve("overlays")))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream();
    }
}
