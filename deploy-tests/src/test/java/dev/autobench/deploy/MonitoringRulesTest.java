package dev.autobench.deploy;

import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Promtool;
import dev.autobench.deploy.support.Repo;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerting rules load in Prometheus (promtool check rules), fire when they should (promtool
 * unit tests), exist identically as plain file and PrometheusRule, and each has a runbook.
 */
class MonitoringRulesTest {

    static final Path RULES = Repo.k8s().resolve("monitoring/rules/autobench.rules.yml");
    static final Path PROMETHEUS_RULE = Repo.k8s().resolve("monitoring/prometheus-rules.yaml");
    /**
     * The promtool unit-test files: the alerts comparing with the day before need more than a day of
     * series and are evaluated every 5 minutes in a file of their own, the others every minute.
     */
    static final List<String> TEST_FILES = List.of("autobench-alerts.test.yml", "autobench-alerts-daily.test.yml");

    /** The alerts the operations issues ask for, by what they detect. */
    private static final List<String> REQUIRED_ALERTS = List.of(
            "AutobenchNoTasksToday", "AutobenchDispatchIncomplete", "AutobenchProviderErrorRatio",
            "AutobenchProviderCircuitOpen", "AutobenchRenderFailureRatio", "AutobenchChromiumUnavailable",
            "AutobenchArena5xxRatio", "AutobenchArenaLatencyP99", "AutobenchVoteRateSpike", "AutobenchVotesStopped",
            "AutobenchVoteRejectedRatio", "AutobenchDatabaseDown", "AutobenchLeaderboardStale",
            "AutobenchDatabasePoolExhausted", "AutobenchCronJobFailed", "AutobenchWalArchivingStuck",
            "AutobenchDailySpendOverBudget");

    @BeforeAll
    static void promtoolIsInstalled() {
        Assumptions.assumeTrue(Promtool.installed(), () -> "ASSUMPTION: promtool is not installed at " + Promtool.BINARY
                + " (Debian package 'prometheus'); the promtool checks are skipped, the others still run.");
    }

    @Test
    void promtoolAcceptsThePlainRulesFile() {
        Promtool.Result result = Promtool.run(RULES.getParent(), "check", "rules", RULES.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void promtoolAcceptsThePrometheusRuleSpec(@TempDir Path dir) throws IOException {
        JsonNode spec = prometheusRuleSpec();
        Path extracted = dir.resolve("from-prometheusrule.yml");
        Files.writeString(extracted, Manifests.YAML.writeValueAsString(spec));
        Promtool.Result result = Promtool.run(dir, "check", "rules", extracted.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void alertsFireWhenAndOnlyWhenTheyShould(@TempDir Path dir) throws IOException {
        // Annotations are stripped so the unit tests pin conditions and labels, not wording.
        JsonNode rules = Manifests.YAML.readTree(Repo.read(RULES));
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                ((ObjectNode) rule).remove("annotations");
            }
        }
        Files.writeString(dir.resolve("autobench.rules.yml"), Manifests.YAML.writeValueAsString(rules));
        for (String file : TEST_FILES) {
            try (InputStream tests = getClass().getResourceAsStream("/promtool/" + file)) {
                Files.write(dir.resolve(file), tests.readAllBytes());
            }
        }
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        command.addAll(TEST_FILES);
        Promtool.Result result = Promtool.run(dir, command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    /**
     * An alert pinned only by cases where it fires could fire all the time, and one pinned only by
     * quiet cases could never fire: each needs both in the promtool unit tests.
     */
    @Test
    void everyAlertHasAFiringAndAQuietUnitTestCase() throws IOException {
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (String file : TEST_FILES) {
            JsonNode tests;
            try (InputStream in = getClass().getResourceAsStream("/promtool/" + file)) {
                tests = Manifests.YAML.readTree(in);
            }
            for (JsonNode test : tests.get("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    String name = check.get("alertname").asText();
                    (check.path("exp_alerts").isEmpty() ? quiet : firing).add(name);
                }
            }
        }
        for (JsonNode alert : alerts()) {
            String name = alert.get("alert").asText();
            assertThat(firing).as("a promtool case where %s fires", name).contains(name);
            assertThat(quiet).as("a promtool case where %s stays quiet", name).contains(name);
        }
    }

    @Test
    void plainFileAndPrometheusRuleCarryTheSameGroups() {
        JsonNode plain = Manifests.YAML.readTree(Repo.read(RULES));
        assertThat(prometheusRuleSpec().get("groups")).isEqualTo(plain.get("groups"));
    }

    @Test
    void everyAlertHasSeveritySummaryDescriptionAndARunbook() {
        Set<String> names = new HashSet<>();
        String operations = Repo.read(Repo.root().resolve("docs/operations.md"));
        for (JsonNode alert : alerts()) {
            String name = alert.get("alert").asText();
            assertThat(names.add(name)).as("unique alert name %s", name).isTrue();
            assertThat(alert.at("/labels/severity").asText()).as(name).isIn("critical", "warning", "info");
            for (String annotation : List.of("summary", "description", "runbook")) {
                assertThat(alert.at("/annotations/" + annotation).asText("")).as("%s %s", name, annotation).isNotBlank();
            }
            assertThat(operations).as("docs/operations.md has a runbook section for %s", name).contains("### " + name);
        }
        assertThat(names).containsAll(REQUIRED_ALERTS);
    }

    static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : Manifests.YAML.readTree(Repo.read(RULES)).get("groups")) {
            group.get("rules").forEach(rule -> {
                if (rule.has("alert")) {
                    alerts.add(rule);
                }
            });
        }
        return alerts;
    }

    private static JsonNode prometheusRuleSpec() {
        GenericKubernetesResource rule = (GenericKubernetesResource) Manifests.parse(PROMETHEUS_RULE).get(0);
        return Manifests.YAML.valueToTree(rule.getAdditionalProperties().get("spec"));
    }
}
