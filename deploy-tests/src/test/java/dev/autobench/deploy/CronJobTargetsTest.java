package dev.autobench.deploy;

import dev.autobench.deploy.support.Endpoints;
import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CronJob POSTs, with the cron secret, to a Service and port that exist in the overlay and to
 * a POST endpoint that the targeted service's code declares.
 */
class CronJobTargetsTest {

    static final List<String> OVERLAYS = Overlays.NAMES;

    /** The schedules of the contract (design.md and issue 9): target path → cron expression. */
    private static final Map<String, String> SCHEDULES = Map.of(
            "/api/generate", "0 0 * * *",
            "/api/dispatch", "5 0 * * *",
            "/api/pairs/generate", "*/10 * * * *",
            "/api/render", "*/15 * * * *");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void cronJobsRunOnTheContractScheduleInUtcWithoutOverlapAndWithBoundedRetries(String overlay) {
        List<CronJob> cronJobs = cronJobs(overlay);
        assertThat(cronJobs.stream().map(c -> target(c).getPath())).containsExactlyInAnyOrderElementsOf(SCHEDULES.keySet());
        for (CronJob cronJob : cronJobs) {
            String name = cronJob.getMetadata().getName();
            assertThat(cronJob.getSpec().getSchedule()).as(name).isEqualTo(SCHEDULES.get(target(cronJob).getPath()));
            assertThat(cronJob.getSpec().getTimeZone()).as(name).isEqualTo("Etc/UTC");
            assertThat(cronJob.getSpec().getConcurrencyPolicy()).as(name).isEqualTo("Forbid");
            assertThat(cronJob.getSpec().getJobTemplate().getSpec().getBackoffLimit()).as(name).isBetween(0, 3);
            Long deadline = cronJob.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds();
            assertThat(deadline).as(name).isNotNull().isPositive();
            assertThat(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
            // One attempt's --max-time must fit the Job deadline, or the last try is killed half-way.
            assertThat(Long.parseLong(argAfter(trigger(cronJob), "--max-time"))).as(name).isLessThan(deadline);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void curlPostsWithTheCronSecretAndFailsOnNon2xx(String overlay) {
        for (CronJob cronJob : cronJobs(overlay)) {
            Container curl = trigger(cronJob);
            String name = cronJob.getMetadata().getName();
            assertThat(curl.getImage()).as(name).matches("curlimages/curl:\\d+\\.\\d+\\.\\d+");
            assertThat(curl.getCommand()).containsExactly("curl");
            assertThat(curl.getArgs()).as(name).contains("--fail", "--show-error", "--retry");
            assertThat(argAfter(curl, "-X")).isEqualTo("POST");
            assertThat(argAfter(curl, "-H")).isEqualTo("x-cron-secret: $(CRON_SECRET)");
            EnvVar secret = curl.getEnv().stream().filter(e -> e.getName().equals("CRON_SECRET")).findFirst().orElseThrow();
            assertThat(secret.getValueFrom().getSecretKeyRef().getName()).isEqualTo("autobench-secrets");
            assertThat(secret.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("AUTOBENCH_CRON_SECRET");
            assertThat(curl.getArgs()).as("%s: the secret is expanded by the kubelet, never written in the spec", name)
                    .noneMatch(a -> a.contains("EXAMPLE"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyCronJobTargetsAnExistingServicePortAndItsPod(String overlay) {
        List<HasMetadata> resources = Overlays.render(overlay);
        for (CronJob cronJob : cronJobs(overlay)) {
            URI url = target(cronJob);
            Service service = Manifests.named(resources, Service.class, url.getHost());
            assertThat(service.getSpec().getPorts()).as(cronJob.getMetadata().getName())
                    .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(url.getPort()));
            Deployment backend = Manifests.ofType(resources, Deployment.class)
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(service.getSpec().getSelector().entrySet()))
                    .findFirst().orElseThrow(() -> new AssertionError("No pods behind " + url.getHost()));
            assertThat(backend.getMetadata().getName()).isEqualTo(url.getHost());
            assertThat(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels())
                    .as("the label NetworkPolicies use to admit this CronJob")
                    .containsEntry("autobench.dev/target", url.getHost());
        }
    }

    /**
     * The endpoint exists in the code of the service the CronJob calls, and demands the cron secret
     * the CronJob sends. The services are written in parallel with these manifests, so this fails
     * until each trigger endpoint is committed.
     */
    @Test
    void everyCronJobPostsToACronSecuredEndpointDeclaredInTheServiceCode() {
        for (CronJob cronJob : cronJobs("prod")) {
            URI url = target(cronJob);
            List<Endpoints.Endpoint> declared = Endpoints.of(url.getHost());
            assertThat(declared).as("POST endpoints declared by %s (JAX-RS @Path in %s/src/main/java)", url.getHost(), url.getHost())
                    .contains(new Endpoints.Endpoint("POST", url.getPath(), true));
        }
    }

    @Test
    void endpointScannerReadsClassAndMethodPaths() {
        String source = """
                @Path("/api/pairs")
                @Produces(MediaType.APPLICATION_JSON)
                public class PairResource {
                    @RegisterForReflection
                    public record Created(int created) {}

                    @POST
                    @Path("generate")
                    @CronSecured
                    public Created generate(@QueryParam("date") String date) { return null; }

                    // @POST @Path("commented-out")
                    @PUT
                    @Path("/{id}/")
                    @AdminSecured
                    public void put(@PathParam("id") String id, @Valid @NotNull Body body) { }

                    @GET
                    public List<String> list() { return List.of(); }
                }
                """;
        assertThat(Endpoints.declaredIn(Endpoints.withoutComments(source))).containsExactlyInAnyOrder(
                new Endpoints.Endpoint("POST", "/api/pairs/generate", true),
                new Endpoints.Endpoint("PUT", "/api/pairs/{id}", false),
                new Endpoints.Endpoint("GET", "/api/pairs", false));
    }

    private static List<CronJob> cronJobs(String overlay) {
        List<CronJob> cronJobs = Manifests.ofType(Overlays.render(overlay), CronJob.class).toList();
        assertThat(cronJobs).hasSize(4);
        return cronJobs;
    }

    private static Container trigger(CronJob cronJob) {
        List<Container> containers = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static URI target(CronJob cronJob) {
        List<String> urls = trigger(cronJob).getArgs().stream().filter(a -> a.startsWith("http")).collect(Collectors.toList());
        assertThat(urls).as(cronJob.getMetadata().getName()).hasSize(1);
        return URI.create(urls.get(0));
    }

    private static String argAfter(Container container, String flag) {
        List<String> args = container.getArgs();
        int i = args.indexOf(flag);
        assertThat(i).as("%s in %s", flag, args).isNotNegative().isLessThan(args.size() - 1);
        return args.get(i + 1);
    }
}
