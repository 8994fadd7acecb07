package dev.autobench.deploy;

import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import dev.autobench.deploy.support.Repo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every secret and config reference resolves against secret.example.yaml and the rendered ConfigMaps. */
class SecretReferencesTest {

    static final List<String> OVERLAYS = Overlays.NAMES;

    /** Secret name → keys, from the example operators copy. */
    static Map<String, Set<String>> exampleSecrets() {
        return Manifests.ofType(Manifests.parse(Repo.k8s().resolve("base/secret.example.yaml")), Secret.class)
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s.getStringData().keySet()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretKeyRefNamesAKeyOfTheExampleSecret(String overlay) {
        Map<String, Set<String>> secrets = exampleSecrets();
        Map<String, ConfigMap> configMaps = Manifests.ofType(Overlays.render(overlay), ConfigMap.class)
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        int references = 0;
        for (Map.Entry<String, io.fabric8.kubernetes.api.model.PodTemplateSpec> pod : WorkloadSpecTest.pods(overlay).entrySet()) {
            for (Container container : pod.getValue().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        assertThat(secrets).as("%s %s", pod.getKey(), env.getName()).containsKey(ref.getName());
                        assertThat(secrets.get(ref.getName())).as("%s %s", pod.getKey(), env.getName()).contains(ref.getKey());
                        references++;
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = env.getValueFrom().getConfigMapKeyRef();
                        assertThat(configMaps.get(ref.getName()).getData()).containsKey(ref.getKey());
                    }
                }
                if (container.getEnvFrom() != null) {
                    container.getEnvFrom().forEach(from -> {
                        if (from.getConfigMapRef() != null) {
                            assertThat(configMaps).as(pod.getKey()).containsKey(from.getConfigMapRef().getName());
                        }
                        if (from.getSecretRef() != null) {
                            assertThat(secrets).as(pod.getKey()).containsKey(from.getSecretRef().getName());
                        }
                    });
                }
            }
        }
        assertThat(references).isGreaterThan(20);
    }

    @Test
    void exampleSecretIsMarkedAndHoldsEveryContractSecret() {
        String text = Repo.read(Repo.k8s().resolve("base/secret.example.yaml"));
        assertThat(text).contains("EXAMPLE ONLY");
        Map<String, Set<String>> secrets = exampleSecrets();
        assertThat(secrets.get("autobench-secrets")).contains("AUTOBENCH_CRON_SECRET", "AUTOBENCH_ADMIN_TOKEN",
                "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "DEEPSEEK_API_KEY", "OPENAI_COMPATIBLE_API_KEY",
                "AUTOBENCH_ARENA_SIGNING_KEY", "AUTOBENCH_ARENA_IP_HASH_SALT");
        assertThat(secrets.get("autobench-db-app")).containsExactlyInAnyOrder("username", "password");
        Manifests.ofType(Manifests.parse(Repo.k8s().resolve("base/secret.example.yaml")), Secret.class).forEach(s -> {
            assertThat(s.getMetadata().getAnnotations()).containsEntry("autobench.dev/example", "true");
            s.getStringData().forEach((k, v) -> assertThat(v).as(k)
                    .matches("|EXAMPLE.*|autobench|autobench_(generator|dispatcher|renderer|arena)"));
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceGetsOnlyTheSecretsItUses(String overlay) {
        List<HasMetadata> resources = Overlays.render(overlay);
        assertThat(secretKeys(resources, "renderer-service")).doesNotContain("OPENAI_API_KEY", "AUTOBENCH_ADMIN_TOKEN",
                "AUTOBENCH_ARENA_SIGNING_KEY");
        assertThat(secretKeys(resources, "arena-service")).contains("AUTOBENCH_ARENA_SIGNING_KEY", "AUTOBENCH_ARENA_IP_HASH_SALT")
                .doesNotContain("OPENAI_API_KEY", "ANTHROPIC_API_KEY");
        assertThat(secretKeys(resources, "dispatcher-service")).contains("OPENAI_API_KEY", "ANTHROPIC_API_KEY",
                "GEMINI_API_KEY", "DEEPSEEK_API_KEY", "OPENAI_COMPATIBLE_API_KEY", "AUTOBENCH_ADMIN_TOKEN");
        for (String service : Repo.SERVICE_PORTS.keySet()) {
            assertThat(secretKeys(resources, service)).as(service)
                    .contains("AUTOBENCH_CRON_SECRET", "username", "password");
        }
    }

    /** The admin token goes exactly to the services whose code has admin endpoints (least privilege). */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void adminTokenGoesToTheServicesWithAdminEndpoints(String overlay) throws java.io.IOException {
        List<HasMetadata> resources = Overlays.render(overlay);
        for (String service : Repo.SERVICE_PORTS.keySet()) {
            boolean hasAdminEndpoints;
            try (var files = java.nio.file.Files.walk(Repo.root().resolve(service).resolve("src/main/java"))) {
                hasAdminEndpoints = files.filter(f -> f.toString().endsWith(".java"))
                        .anyMatch(f -> Repo.read(f).contains("@AdminSecured"));
            }
            assertThat(secretKeys(resources, service).contains("AUTOBENCH_ADMIN_TOKEN")).as(service).isEqualTo(hasAdminEndpoints);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceLogsInToTheDatabaseAsItsOwnRoleAndOnlyTheMigrationAsTheOwner(String overlay) {
        List<HasMetadata> resources = Overlays.render(overlay);
        Map<String, Set<String>> secrets = exampleSecrets();
        for (String service : Repo.SERVICE_PORTS.keySet()) {
            String secret = "autobench-db-" + service.replace("-service", "");
            Container container = WorkloadSpecTest.container(Manifests.named(resources, Deployment.class, service));
            assertThat(secretOf(container, "QUARKUS_DATASOURCE_USERNAME")).as(service).isEqualTo(secret + "/username");
            assertThat(secretOf(container, "QUARKUS_DATASOURCE_PASSWORD")).as(service).isEqualTo(secret + "/password");
            assertThat(secrets.get(secret)).as(secret).containsExactlyInAnyOrder("username", "password");
        }
        WorkloadSpecTest.pods(overlay).forEach((name, pod) -> pod.getSpec().getContainers().forEach(c -> {
            String login = secretOf(c, "QUARKUS_DATASOURCE_PASSWORD");
            if (name.startsWith("Job/")) {
                assertThat(login).as(name + " migrates as the owner").isEqualTo("autobench-db-app/password");
            } else {
                assertThat(login).as(name).isNotEqualTo("autobench-db-app/password");
            }
        }));
    }

    @Test
    void theClusterCreatesEachServiceRoleWithTheLoginOfItsSecret() {
        GenericKubernetesResource cluster = (GenericKubernetesResource) Manifests.parse(Repo.k8s().resolve("base/postgres-cluster.yaml"))
                .get(0);
        List<Map<String, Object>> roles = cluster.get("spec", "managed", "roles");
        Map<String, Set<String>> secrets = exampleSecrets();
        assertThat(roles).extracting(r -> r.get("name")).containsExactlyInAnyOrder(
                "autobench_generator", "autobench_dispatcher", "autobench_renderer", "autobench_arena");
        for (Map<String, Object> role : roles) {
            String service = ((String) role.get("name")).substring("autobench_".length());
            assertThat(role).as(service).containsEntry("login", true).containsEntry("ensure", "present")
                    .containsEntry("passwordSecret", Map.of("name", "autobench-db-" + service));
            assertThat(secrets).containsKey("autobench-db-" + service);
            assertThat(Repo.read(Repo.k8s().resolve("base/secret.example.yaml")))
                    .contains("username: autobench_" + service);
            assertThat(role.keySet()).as("no administrative attribute for " + service)
                    .doesNotContain("superuser", "createdb", "createrole", "bypassrls", "replication");
        }
    }

    private static String secretOf(Container container, String variable) {
        return container.getEnv().stream().filter(e -> e.getName().equals(variable))
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey())
                .findFirst().orElse(null);
    }

    private static Set<String> secretKeys(List<HasMetadata> resources, String deployment) {
        return WorkloadSpecTest.container(Manifests.named(resources, Deployment.class, deployment)).getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getKey()).collect(Collectors.toSet());
    }
}
