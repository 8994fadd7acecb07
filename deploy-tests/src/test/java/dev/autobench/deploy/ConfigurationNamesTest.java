package dev.autobench.deploy;

import dev.autobench.deploy.support.ConfigNames;
import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import dev.autobench.deploy.support.Repo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every AUTOBENCH_* variable the manifests set is a name the receiving service reads: a misspelt
 * variable is otherwise silently ignored and the service runs on its default.
 */
class ConfigurationNamesTest {

    @Test
    void everyAutobenchVariableOfADeploymentIsReadByItsService() {
        List<HasMetadata> resources = Overlays.render("prod");
        for (String service : Repo.SERVICE_PORTS.keySet()) {
            Set<String> readable = ConfigNames.forService(service);
            Deployment deployment = Manifests.named(resources, Deployment.class, service);
            for (EnvVar env : WorkloadSpecTest.container(deployment).getEnv()) {
                if (env.getName().startsWith("AUTOBENCH_")) {
                    assertThat(readable).as("%s sets %s", service, env.getName()).contains(env.getName());
                }
            }
        }
    }

    @Test
    void everySharedConfigMapKeyIsReadBySomeService() {
        Map<String, String> config = Manifests.named(Overlays.render("prod"), ConfigMap.class, "autobench-config").getData();
        Set<String> readable = new HashSet<>();
        Repo.SERVICE_PORTS.keySet().forEach(s -> readable.addAll(ConfigNames.forService(s)));
        readable.add("QUARKUS_DATASOURCE_JDBC_URL"); // a Quarkus name, read by every service
        assertThat(readable).containsAll(config.keySet());
    }

    @Test
    void mappingNamesIncludeNestedInterfacesAndWithName() {
        String source = """
                @ConfigMapping(prefix = "autobench.arena")
                public interface ArenaConfig {
                    /** the key */
                    Optional<String> signingKey();
                    Pairing pairing();
                    @WithName("openai-compatible")
                    Endpoint openaiCompatible();
                    default String ignored() { return "x"; }
                    interface Pairing {
                        @WithDefault("10m")
                        String every();
                    }
                    interface Endpoint {
                        Optional<String> baseUrl();
                    }
                }
                """;
        Map<String, Boolean> expected = new TreeMap<>(Map.of(
                "AUTOBENCH_ARENA_SIGNING_KEY", true,
                "AUTOBENCH_ARENA_PAIRING_EVERY", true,
                "AUTOBENCH_ARENA_OPENAI_COMPATIBLE_BASE_URL", true,
                "AUTOBENCH_ARENA_PAIRING", false));
        Set<String> names = ConfigNames.fromMapping(source);
        expected.forEach((name, present) -> assertThat(names.contains(name)).as(name).isEqualTo(present));
    }
}
