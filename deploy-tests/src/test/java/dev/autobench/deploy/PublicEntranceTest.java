package dev.autobench.deploy;

import dev.autobench.deploy.support.K8sTree;
import dev.autobench.deploy.support.Kustomize;
import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod entrance (an Ingress, or the Gateway API HTTPRoute component) serves the arena's pages
 * and public API over TLS, and routes none of its cron endpoints nor /q/*.
 */
class PublicEntranceTest {

    /** What visitors and the web UI request. */
    static final List<String> PUBLIC = List.of("/", "/index.html", "/leaderboard.html", "/tasks.html", "/favicon.svg",
            "/css/arena.css", "/js/arena.js", "/api/arena/match", "/api/arena/votes", "/api/leaderboard",
            "/api/leaderboard.csv", "/api/tasks/today", "/api/tasks/dates", "/api/tasks/0b8e7d36-1111-4a5b-9c3d-123456789abc",
            "/api/artifacts/0b8e7d36-1111-4a5b-9c3d-123456789abc", "/api/artifacts/0b8e7d36-1111-4a5b-9c3d-123456789abc/screenshot.png",
            "/api/export/votes");

    /** Machine and operator endpoints: reachable inside the cluster only. */
    static final List<String> INTERNAL = List.of("/api/pairs/generate", "/api/leaderboard/recompute", "/q/metrics",
            "/q/health/ready", "/q/openapi", "/q/swagger-ui", "/api/leaderboardx", "/api/arenax", "/jsx");

    /** A path rule: Exact, or Prefix / PathPrefix matched element by element, as both APIs define them. */
    record PathRule(String type, String path) {
        boolean matches(String request) {
            if (type.equals("Exact")) {
                return request.equals(path);
            }
            String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/");
        }
    }

    @Test
    void theIngressRoutesThePublicPathsToTheArenaOverTls() {
        List<HasMetadata> prod = Overlays.render("prod");
        List<Ingress> ingresses = Manifests.ofType(prod, Ingress.class).toList();
        assertThat(ingresses).hasSize(1);
        Ingress ingress = ingresses.get(0);

        assertThat(ingress.getMetadata().getAnnotations()).containsKey("cert-manager.io/cluster-issuer");
        assertThat(ingress.getSpec().getTls()).hasSize(1);
        List<String> tlsHosts = ingress.getSpec().getTls().get(0).getHosts();
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isNotBlank();

        List<PathRule> rules = new ArrayList<>();
        Service arena = Manifests.named(prod, Service.class, "arena-service");
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertThat(tlsHosts).as("every host is served over TLS").contains(rule.getHost());
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                assertThat(path.getBackend().getService().getName()).isEqualTo("arena-service");
                String port = path.getBackend().getService().getPort().getName();
                assertThat(arena.getSpec().getPorts()).anyMatch(p -> p.getName().equals(port));
                assertThat(path.getPathType()).isIn("Exact", "Prefix");
                rules.add(new PathRule(path.getPathType(), path.getPath()));
            }
        }
        assertRoutes(rules);
    }

    @Test
    void theGatewayApiComponentReplacesTheIngressWithTheSameRoutes(@TempDir Path dir) throws IOException {
        Path k8s = K8sTree.copyTo(dir);
        Path kustomization = k8s.resolve("overlays/prod/kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization) + "components:\n  - ../../components/gateway-api\n");
        List<HasMetadata> rendered = Manifests.parse(Kustomize.build(k8s.resolve("overlays/prod")));

        assertThat(Manifests.ofType(rendered, Ingress.class)).as("the Ingress is replaced, not doubled").isEmpty();
        List<HTTPRoute> routes = Manifests.ofType(rendered, HTTPRoute.class).toList();
        assertThat(routes).hasSize(1);
        HTTPRoute route = routes.get(0);
        assertThat(route.getMetadata().getNamespace()).isEqualTo("autobench");
        assertThat(route.getSpec().getParentRefs()).isNotEmpty();
        assertThat(route.getSpec().getHostnames()).isNotEmpty();

        List<PathRule> rules = new ArrayList<>();
        for (HTTPRouteRule rule : route.getSpec().getRules()) {
            assertThat(rule.getBackendRefs()).singleElement().satisfies(b -> {
                assertThat(b.getName()).isEqualTo("arena-service");
                assertThat(b.getPort()).isEqualTo(8080);
            });
            for (HTTPRouteMatch match : rule.getMatches()) {
                rules.add(new PathRule(match.getPath().getType(), match.getPath().getValue()));
            }
        }
        assertRoutes(rules);
    }

    private static void assertRoutes(List<PathRule> rules) {
        assertThat(rules).isNotEmpty();
        for (String path : PUBLIC) {
            assertThat(rules).as("%s is routed", path).anyMatch(r -> r.matches(path));
        }
        for (String path : INTERNAL) {
            assertThat(rules).as("%s is not routed", path).noneMatch(r -> r.matches(path));
        }
    }
}
