package dev.autobench.deploy;

import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import dev.autobench.deploy.support.PolicyEvaluator;
import dev.autobench.deploy.support.PolicyEvaluator.Endpoint;
import dev.autobench.deploy.support.Repo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluates the rendered NetworkPolicies for the connections the system needs and the ones it must
 * never make, using the pods' real labels.
 */
class NetworkPolicyTest {

    private static final String NS = "autobench";
    private static final Endpoint INTERNET = Endpoint.external("104.18.32.47");
    private static final Endpoint METADATA = Endpoint.external("169.254.169.254");
    private static final Endpoint DNS = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"));
    private static final Endpoint PROMETHEUS = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Endpoint CNPG_OPERATOR = Endpoint.pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
    private static final Endpoint POSTGRES = Endpoint.pod(NS, Map.of("cnpg.io/cluster", "autobench-db", "cnpg.io/podRole", "instance"));
    private static final Endpoint STRANGER = Endpoint.pod("default", Map.of("app", "something-else"));

    private List<HasMetadata> resources;
    private PolicyEvaluator policies;

    @BeforeEach
    void render() {
        resources = Overlays.render("prod");
        List<NetworkPolicy> rendered = Manifests.ofType(resources, NetworkPolicy.class).toList();
        assertThat(rendered).isNotEmpty();
        policies = new PolicyEvaluator(rendered, NS);
    }

    @Test
    void everythingIsDeniedByDefault() {
        Endpoint unlabelled = Endpoint.pod(NS, Map.of("run", "debug"));
        assertThat(policies.allows(unlabelled, INTERNET, "TCP", 443)).isFalse();
        assertThat(policies.allows(STRANGER, service("arena-service"), "TCP", 9999)).isFalse();
    }

    @Test
    void rendererReachesPostgresAndNothingElseNotEvenDns() {
        Endpoint renderer = service("renderer-service");
        assertThat(policies.allows(renderer, POSTGRES, "TCP", 5432)).isTrue();
        assertThat(policies.allows(renderer, DNS, "UDP", 53)).isFalse();
        assertThat(policies.allows(renderer, INTERNET, "TCP", 443)).isFalse();
        assertThat(policies.allows(renderer, INTERNET, "TCP", 80)).isFalse();
        for (String other : List.of("generator-service", "dispatcher-service", "arena-service")) {
            assertThat(policies.allows(renderer, service(other), "TCP", Repo.SERVICE_PORTS.get(other))).as(other).isFalse();
        }
    }

    @Test
    void rendererAddressesPostgresWithoutDnsThroughTheInjectedServiceVariables() {
        Deployment renderer = Manifests.named(resources, Deployment.class, "renderer-service");
        String cluster = Manifests.custom(resources, "postgresql.cnpg.io/v1", "Cluster").get(0).getMetadata().getName();
        // Kubernetes injects <SERVICE>_SERVICE_HOST/_PORT for Services of the namespace (service links);
        // CloudNativePG names the primary's Service <cluster>-rw.
        String prefix = (cluster + "-rw").toUpperCase().replace('-', '_');
        assertThat(renderer.getSpec().getTemplate().getSpec().getEnableServiceLinks()).isTrue();
        assertThat(WorkloadSpecTest.env(WorkloadSpecTest.container(renderer), "QUARKUS_DATASOURCE_JDBC_URL"))
                .contains("jdbc:postgresql://$(" + prefix + "_SERVICE_HOST):$(" + prefix + "_SERVICE_PORT)/autobench");
    }

    @Test
    void dispatcherReachesProvidersOverHttpsPostgresAndTheRendererOnly() {
        Endpoint dispatcher = service("dispatcher-service");
        assertThat(policies.allows(dispatcher, INTERNET, "TCP", 443)).isTrue();
        assertThat(policies.allows(dispatcher, DNS, "UDP", 53)).isTrue();
        assertThat(policies.allows(dispatcher, POSTGRES, "TCP", 5432)).isTrue();
        assertThat(policies.allows(dispatcher, service("renderer-service"), "TCP", 8083)).isTrue();
        assertThat(policies.allows(dispatcher, INTERNET, "TCP", 80)).isFalse();
        assertThat(policies.allows(dispatcher, METADATA, "TCP", 443)).as("cloud metadata endpoint").isFalse();
        assertThat(policies.allows(dispatcher, service("arena-service"), "TCP", 8080)).isFalse();
    }

    @Test
    void postgresAcceptsOnlyTheServicesTheMigrationItsReplicasAndTheOperator() {
        for (String name : Repo.SERVICE_PORTS.keySet()) {
            assertThat(policies.allows(service(name), POSTGRES, "TCP", 5432)).as(name).isTrue();
        }
        assertThat(policies.allows(podOf(Overlays.migrationJob(resources).getSpec().getTemplate()
                .getMetadata().getLabels()), POSTGRES, "TCP", 5432)).isTrue();
        assertThat(policies.allows(POSTGRES, POSTGRES, "TCP", 5432)).as("replication").isTrue();
        assertThat(policies.allows(CNPG_OPERATOR, POSTGRES, "TCP", 8000)).isTrue();
        assertThat(policies.allows(STRANGER, POSTGRES, "TCP", 5432)).isFalse();
        assertThat(policies.allows(Endpoint.pod(NS, Map.of("run", "debug")), POSTGRES, "TCP", 5432)).isFalse();
        for (CronJob cron : Manifests.ofType(resources, CronJob.class).toList()) {
            Endpoint curl = podOf(cron.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels());
            assertThat(policies.allows(curl, POSTGRES, "TCP", 5432)).as(cron.getMetadata().getName()).isFalse();
        }
    }

    @Test
    void arenaIsPublicAndTheOtherServicesAreNot() {
        assertThat(policies.allows(INTERNET, service("arena-service"), "TCP", 8080)).isTrue();
        assertThat(policies.allows(STRANGER, service("arena-service"), "TCP", 8080)).isTrue();
        for (String internal : List.of("generator-service", "dispatcher-service", "renderer-service")) {
            assertThat(policies.allows(STRANGER, service(internal), "TCP", Repo.SERVICE_PORTS.get(internal))).as(internal).isFalse();
        }
    }

    @Test
    void eachCronJobReachesItsServiceOnlyAndPrometheusScrapesEveryService() {
        for (CronJob cron : Manifests.ofType(resources, CronJob.class).toList()) {
            Endpoint curl = podOf(cron.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels());
            String target = CronJobTargetsTest.target(cron).getHost();
            int port = CronJobTargetsTest.target(cron).getPort();
            assertThat(policies.allows(curl, DNS, "UDP", 53)).isTrue();
            assertThat(policies.allows(curl, service(target), "TCP", port)).as(cron.getMetadata().getName()).isTrue();
            assertThat(policies.allows(curl, INTERNET, "TCP", 443)).isFalse();
        }
        for (Map.Entry<String, Integer> svc : Repo.SERVICE_PORTS.entrySet()) {
            assertThat(policies.allows(PROMETHEUS, service(svc.getKey()), "TCP", svc.getValue())).as(svc.getKey()).isTrue();
        }
        assertThat(policies.allows(PROMETHEUS, POSTGRES, "TCP", 9187)).isTrue();
    }

    @Test
    void evaluatorHonoursIpBlockExceptions() {
        assertThat(policies.allows(service("generator-service"), INTERNET, "TCP", 443)).isTrue();
        assertThat(policies.allows(service("generator-service"), METADATA, "TCP", 443)).isFalse();
        assertThat(policies.allows(service("renderer-service"), INTERNET, "TCP", 443)).isFalse();
    }

    @Test
    void theArenaReachesTheHumanCheckProviderOverHttpsAndNothingElseOutside() {
        Endpoint arena = service("arena-service");
        assertThat(policies.allows(arena, INTERNET, "TCP", 443)).as("siteverify").isTrue();
        assertThat(policies.allows(arena, INTERNET, "TCP", 80)).isFalse();
        assertThat(policies.allows(arena, METADATA, "TCP", 443)).as("cloud metadata endpoint").isFalse();
        assertThat(policies.allows(arena, Endpoint.external("10.20.30.40"), "TCP", 443)).as("cluster network").isFalse();
        for (String other : List.of("generator-service", "dispatcher-service", "renderer-service")) {
            assertThat(policies.allows(arena, service(other), "TCP", Repo.SERVICE_PORTS.get(other))).as(other).isFalse();
        }
    }

    private Endpoint service(String deployment) {
        return podOf(Manifests.named(resources, Deployment.class, deployment).getSpec().getTemplate().getMetadata().getLabels());
    }

    private static Endpoint podOf(Map<String, String> labels) {
        return Endpoint.pod(NS, labels);
    }
}
