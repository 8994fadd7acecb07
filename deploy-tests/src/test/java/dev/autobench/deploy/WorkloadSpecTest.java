package dev.autobench.deploy;

import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import dev.autobench.deploy.support.Repo;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered workloads honour the operational contract: Quarkus health probes, the contract
 * ports, a hardened security context, writable /tmp only, a shutdown that fits the grace period,
 * and exactly one schema migrator.
 */
class WorkloadSpecTest {

    static final List<String> OVERLAYS = Overlays.WITH_JVM;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesUseTheQuarkusHealthEndpointsOnTheServicePort(String overlay) {
        for (Deployment deployment : deployments(overlay)) {
            Container container = container(deployment);
            String name = deployment.getMetadata().getName();
            assertThat(path(container.getStartupProbe())).as(name).isEqualTo("/q/health/started");
            assertThat(path(container.getLivenessProbe())).as(name).isEqualTo("/q/health/live");
            assertThat(path(container.getReadinessProbe())).as(name).isEqualTo("/q/health/ready");
            for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).as(name).isEqualTo("http");
            }
            int port = Repo.SERVICE_PORTS.get(name);
            assertThat(container.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(port);
            });
            assertThat(env(container, "QUARKUS_HTTP_PORT")).as(name).contains(String.valueOf(port));
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).as("plain Prometheus scrape annotations of %s", name)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(port))
                    .containsEntry("prometheus.io/path", "/q/metrics");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsItsDeploymentOnTheContractPort(String overlay) {
        List<HasMetadata> resources = Overlays.render(overlay);
        for (Deployment deployment : deployments(overlay)) {
            String name = deployment.getMetadata().getName();
            Service service = Manifests.named(resources, Service.class, name);
            assertThat(service.getSpec().getSelector().entrySet()).as(name)
                    .isNotEmpty().isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());
            ServicePort port = service.getSpec().getPorts().get(0);
            assertThat(port.getPort()).isEqualTo(Repo.SERVICE_PORTS.get(name));
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodRunsNonRootReadOnlyWithoutCapabilities(String overlay) {
        for (Map.Entry<String, PodTemplateSpec> pod : pods(overlay).entrySet()) {
            PodSpec spec = pod.getValue().getSpec();
            assertThat(spec.getSecurityContext().getRunAsNonRoot()).as(pod.getKey()).isTrue();
            assertThat(spec.getSecurityContext().getSeccompProfile().getType()).as(pod.getKey()).isEqualTo("RuntimeDefault");
            assertThat(spec.getAutomountServiceAccountToken()).as("%s needs no API token", pod.getKey()).isFalse();
            for (Container container : spec.getContainers()) {
                SecurityContext security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(pod.getKey()).isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(pod.getKey()).isTrue();
                assertThat(security.getCapabilities().getDrop()).as(pod.getKey()).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(pod.getKey()).isNullOrEmpty();
                assertThat(container.getResources().getRequests()).as(pod.getKey()).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(pod.getKey()).containsKey("memory");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void quarkusPodsWriteOnlyToEmptyDirTmp(String overlay) {
        for (Map.Entry<String, PodTemplateSpec> pod : pods(overlay).entrySet()) {
            if (pod.getKey().startsWith("CronJob/")) {
                continue; // curl writes nothing
            }
            PodSpec spec = pod.getValue().getSpec();
            assertThat(spec.getContainers().get(0).getVolumeMounts())
                    .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
            assertThat(spec.getVolumes()).as(pod.getKey()).allSatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
        }
        Deployment renderer = Manifests.named(Overlays.render(overlay), Deployment.class, "renderer-service");
        assertThat(container(renderer).getVolumeMounts()).as("Chromium's shared memory")
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/dev/shm"));
        Volume shm = renderer.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("dshm")).findFirst().orElseThrow();
        assertThat(shm.getEmptyDir().getMedium()).isEqualTo("Memory");
    }

    /**
     * Every heap is a stated share of its container's memory limit, leaving room for what is not heap. A native
     * executable takes it from its arguments ({@code -XX:MaximumHeapSizePercent}); a JVM image that starts through
     * run-java.sh from {@code JAVA_MAX_MEM_RATIO}; a JVM image with its own java command line must carry
     * {@code -XX:MaxRAMPercentage}. The native images are the default, the JVM ones come with components/jvm.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyHeapIsAStatedShareOfItsContainersMemoryLimit(String overlay) {
        java.util.regex.Pattern percentage = java.util.regex.Pattern.compile("-XX:MaxRAMPercentage=(\\d+)");
        java.util.regex.Pattern nativePercentage = java.util.regex.Pattern.compile("-XX:MaximumHeapSizePercent=(\\d+)");
        boolean jvm = overlay.endsWith(Overlays.JVM);
        for (Deployment deployment : deployments(overlay)) {
            String name = deployment.getMetadata().getName();
            Container container = container(deployment);
            assertThat(container.getResources().getLimits()).as("%s: memory limit", name).containsKey("memory");
            assertThat(container.getImage()).as("%s: image kind", name).contains(jvm ? name + "-jvm:" : name + ":");
            List<String> args = Optional.ofNullable(container.getArgs()).orElse(List.of());
            int share;
            if (!jvm) {
                assertThat(env(container, "JAVA_MAX_MEM_RATIO")).as("%s: no JVM setting on a native executable", name).isEmpty();
                java.util.regex.Matcher m = nativePercentage.matcher(String.join(" ", args));
                assertThat(m.find()).as("%s: -XX:MaximumHeapSizePercent in its args", name).isTrue();
                share = Integer.parseInt(m.group(1));
            } else {
                assertThat(args).as("%s: the native executable's arguments are not the JVM image's", name).isEmpty();
                String dockerfile = Repo.read(Repo.root().resolve(name).resolve("src/main/docker/Dockerfile.jvm"));
                if (dockerfile.contains("run-java.sh")) {
                    share = Integer.parseInt(env(container, "JAVA_MAX_MEM_RATIO")
                            .orElseThrow(() -> new AssertionError(name + " sets no JAVA_MAX_MEM_RATIO")));
                } else {
                    java.util.regex.Matcher m = percentage.matcher(dockerfile);
                    assertThat(m.find()).as("%s: -XX:MaxRAMPercentage in its Dockerfile.jvm", name).isTrue();
                    share = Integer.parseInt(m.group(1));
                }
            }
            assertThat(share).as("%s: heap share of the memory limit", name).isBetween(25, 75);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void gracefulShutdownFitsTheTerminationGracePeriod(String overlay) {
        for (Deployment deployment : deployments(overlay)) {
            String name = deployment.getMetadata().getName();
            Container container = container(deployment);
            int preStop = container.getLifecycle().getPreStop().getSleep().getSeconds().intValue();
            Duration shutdown = Duration.parse("PT" + env(container, "QUARKUS_SHUTDOWN_TIMEOUT")
                    .orElseThrow(() -> new AssertionError(name + " sets no QUARKUS_SHUTDOWN_TIMEOUT")).toUpperCase());
            long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertThat(preStop).as(name).isPositive();
            assertThat(preStop + shutdown.toSeconds()).as("%s: preStop + Quarkus shutdown within the grace period", name)
                    .isLessThan(grace);
        }
    }

    /**
     * A stopping dispatcher finishes its calls in flight: its Quarkus shutdown (which waits for the running dispatch)
     * outlasts the longest model timeout of the shipped catalog, and fits the grace period with the preStop pause.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theDispatcherStopsWithinItsGracePeriodOnlyAfterTheLongestModelTimeout(String overlay) {
        int longestModelTimeout = Repo.read(Repo.root().resolve("dispatcher-service/src/main/resources/application.properties"))
                .lines().filter(line -> line.matches("autobench\\.catalog\\.models\\[\\d+]\\.timeout-seconds=\\d+"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf('=') + 1))).max().orElseThrow();
        Deployment dispatcher = deployments(overlay).stream()
                .filter(d -> d.getMetadata().getName().equals("dispatcher-service")).findFirst().orElseThrow();
        Duration shutdown = Duration.parse("PT" + env(container(dispatcher), "QUARKUS_SHUTDOWN_TIMEOUT").orElseThrow()
                .toUpperCase());
        long grace = dispatcher.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertThat(longestModelTimeout).isGreaterThanOrEqualTo(60);
        assertThat(shutdown.toSeconds()).as("Quarkus waits out a call in flight").isGreaterThan(longestModelTimeout);
        assertThat(grace).as("termination grace period").isGreaterThan(shutdown.toSeconds());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void exactlyOneMigratorAndItIsTheInitAndExitJob(String overlay) {
        List<String> migrators = new ArrayList<>();
        pods(overlay).forEach((name, pod) -> pod.getSpec().getContainers().forEach(c -> {
            if (env(c, "QUARKUS_FLYWAY_MIGRATE_AT_START").filter("true"::equalsIgnoreCase).isPresent()) {
                migrators.add(name);
            }
        }));
        Job job = Overlays.migrationJob(Overlays.render(overlay));
        assertThat(migrators).containsExactly("Job/" + job.getMetadata().getName());
        Container migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(migrate, "QUARKUS_INIT_AND_EXIT")).contains("true");
        assertThat(env(migrate, "QUARKUS_FLYWAY_VALIDATE_AT_START")).as("validation would run before migration")
                .contains("false");
        assertThat(job.getSpec().getBackoffLimit()).isBetween(1, 10);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isNotNull();
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    static List<Deployment> deployments(String overlay) {
        return Manifests.ofType(Overlays.render(overlay), Deployment.class).toList();
    }

    /** Every pod template of the overlay, keyed Kind/name. */
    static Map<String, PodTemplateSpec> pods(String overlay) {
        Map<String, PodTemplateSpec> pods = new java.util.TreeMap<>();
        List<HasMetadata> resources = Overlays.render(overlay);
        Manifests.ofType(resources, Deployment.class).forEach(d -> pods.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        Manifests.ofType(resources, Job.class).forEach(j -> pods.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate()));
        Manifests.ofType(resources, CronJob.class).forEach(c -> pods.put("CronJob/" + c.getMetadata().getName(),
                c.getSpec().getJobTemplate().getSpec().getTemplate()));
        assertThat(pods).hasSizeGreaterThanOrEqualTo(9);
        return pods;
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static Optional<String> env(Container container, String name) {
        return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst();
    }

    private static String path(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }
}
