package dev.autobench.deploy;

import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import dev.autobench.deploy.support.Repo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image recipes agree with the deployment: contract port, non-root uid 185 (the pods'
 * runAsUser), the Mandrel builder and micro runtime for native images, and Chromium in the
 * renderer's images. Docker is not available where these tests run: nothing here builds an image.
 */
class DockerfilesTest {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?");

    @ParameterizedTest
    @ValueSource(strings = {"generator-service", "dispatcher-service", "renderer-service", "arena-service"})
    void jvmImageRunsTheFastJarAsUid185OnTheContractPort(String service) {
        String dockerfile = dockerfile(service, "Dockerfile.jvm");
        assertThat(stages(dockerfile)).hasSize(1);
        assertThat(dockerfile).contains("target/quarkus-app/lib/", "target/quarkus-app/quarkus/", "quarkus-run.jar");
        assertCommonRuntime(service, dockerfile);
        if (!service.equals("renderer-service")) {
            assertThat(stages(dockerfile).get(0)).startsWith("registry.access.redhat.com/ubi9/openjdk-21-runtime:");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"generator-service", "dispatcher-service", "renderer-service", "arena-service"})
    void nativeImageIsBuiltWithMandrelAndRunsOnASmallRuntime(String service) {
        String dockerfile = dockerfile(service, "Dockerfile.native");
        List<String> stages = stages(dockerfile);
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).isEqualTo("quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25");
        assertThat(dockerfile).contains("RUN ./mvnw -B package -Dnative -DskipTests -pl " + service + " -am");
        assertThat(dockerfile).contains("COPY --from=build").contains("/code/" + service + "/target/*-runner");
        if (!service.equals("renderer-service")) {
            assertThat(stages.get(1)).isEqualTo("quay.io/quarkus/ubi9-quarkus-micro-image:2.0");
        }
        assertCommonRuntime(service, dockerfile);
    }

    @Test
    void rendererImagesCarryChromiumWhereTheConfigPointsAndExplainTheBase() {
        String chromiumPath = Manifests.named(Overlays.render("prod"), ConfigMap.class, "autobench-config")
                .getData().get("AUTOBENCH_CHROMIUM_PATH");
        for (String name : List.of("Dockerfile.jvm", "Dockerfile.native")) {
            String dockerfile = dockerfile("renderer-service", name);
            List<String> stages = stages(dockerfile);
            assertThat(stages.get(stages.size() - 1)).as(name).startsWith("debian:");
            assertThat(dockerfile).as(name).containsPattern("apt-get install[^\\n]*(\\n[^\\n]*\\\\)*\\n\\s+chromium \\\\")
                    .contains("fonts-").contains("Why Debian and not UBI")
                    .contains("AUTOBENCH_CHROMIUM_PATH=" + chromiumPath);
            // an init as PID 1 reaps the browser processes the renderer kills
            assertThat(dockerfile).as(name).containsPattern("(?m)^\\s+tini \\\\$")
                    .containsPattern("(?m)^ENTRYPOINT \\[\"/usr/bin/tini\", \"--\", ");
        }
        assertThat(chromiumPath).isEqualTo("/usr/bin/chromium");
    }

    private static void assertCommonRuntime(String service, String dockerfile) {
        int port = Repo.SERVICE_PORTS.get(service);
        assertThat(dockerfile).as(service).containsPattern("(?m)^EXPOSE " + port + "$");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)$").matcher(dockerfile);
        String lastUser = null;
        while (user.find()) {
            lastUser = user.group(1);
        }
        assertThat(lastUser).as("%s runs as the pods' runAsUser", service).isEqualTo("185");
        assertThat(dockerfile).contains("quarkus.http.host=0.0.0.0");
    }

    private static List<String> stages(String dockerfile) {
        Matcher m = FROM.matcher(dockerfile);
        List<String> images = new java.util.ArrayList<>();
        while (m.find()) {
            images.add(m.group(1));
        }
        return images;
    }

    private static String dockerfile(String service, String name) {
        Path file = Repo.root().resolve(service).resolve("src/main/docker").resolve(name);
        assertThat(file).exists();
        return Repo.read(file);
    }
}
