package dev.autobench.deploy;

import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.PromQl;
import dev.autobench.deploy.support.Promtool;
import dev.autobench.deploy.support.Repo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric an alert or a dashboard panel reads is listed: the services' metrics in
 * expected-metrics.txt (which a live scrape of the running services verifies), and those of other
 * exporters (CloudNativePG, kube-state-metrics, Prometheus itself) in external-metrics.txt.
 * Any change to the names the monitoring depends on shows up as a change of those files.
 */
class MetricsAllowListTest {

    private static final Path DASHBOARD = Repo.k8s().resolve("monitoring/grafana-dashboard.json");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][\\w:]*)\\s*,");

    @Test
    void metricsUsedByAlertsAndDashboardAreExactlyTheListedOnes() throws IOException {
        Set<String> used = new TreeSet<>(alertMetrics());
        used.addAll(dashboardMetrics());
        Set<String> external = listed("/external-metrics.txt");
        Set<String> service = used.stream().filter(m -> !external.contains(m)).collect(Collectors.toCollection(TreeSet::new));

        // Written for convenience: copy it over src/test/resources/expected-metrics.txt after a deliberate change.
        Path extracted = Path.of("target", "extracted-service-metrics.txt");
        Files.createDirectories(extracted.getParent());
        Files.writeString(extracted, String.join("\n", service) + "\n");

        assertThat(service).as("service metrics used by alerts and dashboard vs expected-metrics.txt (see %s)",
                extracted.toAbsolutePath()).containsExactlyElementsOf(listed("/expected-metrics.txt"));
        assertThat(used).as("every external metric listed is still used").containsAll(external);
        assertThat(service).allSatisfy(name -> assertThat(name)
                .matches("autobench_[a-z0-9_]+|http_server_requests_seconds_(count|bucket|sum|max)|jvm_[a-z_]+|process_[a-z_]+"
                        + "|agroal_[a-z_]+|scheduled_methods_[a-z_]+"));
    }

    @Test
    void everyDashboardPanelQueriesPrometheusThroughTheDatasourceVariable() {
        JsonNode dashboard = Manifests.YAML.readTree(Repo.read(DASHBOARD));
        assertThat(dashboard.get("uid").asText()).isEqualTo("autobench-overview");
        Set<Integer> ids = new TreeSet<>();
        Set<String> rows = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("unique panel id").isTrue();
            if (panel.get("type").asText().equals("row")) {
                rows.add(panel.get("title").asText());
                continue;
            }
            assertThat(panel.at("/datasource/uid").asText()).as(panel.get("title").asText()).isEqualTo("${datasource}");
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty()
                    .allSatisfy(t -> assertThat(PromQl.metricNames(t.get("expr").asText())).isNotEmpty());
        }
        assertThat(rows).contains("Daily pipeline", "Providers", "Renderer", "Arena traffic and votes", "Services and database");
    }

    /**
     * Grafana does not validate queries; Prometheus does. Each panel query, with the dashboard's
     * variables replaced by what Grafana would send, becomes a recording rule that promtool parses.
     */
    @Test
    void everyDashboardQueryIsValidPromQl(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Promtool.installed(), "ASSUMPTION: promtool is not installed at " + Promtool.BINARY);
        JsonNode dashboard = Manifests.YAML.readTree(Repo.read(DASHBOARD));
        List<Map<String, String>> rules = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.get("expr").asText()
                        .replace("$__rate_interval", "2m").replace("$__range", "1d").replace("$provider", ".*");
                rules.add(Map.of("record", "dashboard:panel_" + panel.get("id").asInt() + ":" + target.get("refId").asText(),
                        "expr", expr));
            }
        }
        assertThat(rules).hasSizeGreaterThan(30);
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, Manifests.YAML.writeValueAsString(
                Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));
        Promtool.Result result = Promtool.run(dir, "check", "rules", file.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void extractorFindsMetricsButNotFunctionsLabelsOrDurations() {
        assertThat(PromQl.metricNames("""
                histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{service="arena-service",uri!~"/q/.*"}[5m])))
                / on() group_left sum(increase(autobench_votes_total[2h] offset 1d)) > 0.2 and on() hour() >= 1
                or max without (pod) (autobench_tasks_today{status="generated"}) * $__range_s"""))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "autobench_votes_total", "autobench_tasks_today");
    }

    static Set<String> alertMetrics() {
        return MonitoringRulesTest.alerts().stream()
                .flatMap(alert -> PromQl.metricNames(alert.get("expr").asText()).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> dashboardMetrics() {
        JsonNode dashboard = Manifests.YAML.readTree(Repo.read(DASHBOARD));
        Set<String> names = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> names.addAll(PromQl.metricNames(expr.asText())));
        for (JsonNode variable : dashboard.at("/templating/list")) {
            Matcher m = LABEL_VALUES.matcher(variable.path("definition").asText(""));
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static Set<String> listed(String resource) throws IOException {
        try (InputStream in = MetricsAllowListTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
