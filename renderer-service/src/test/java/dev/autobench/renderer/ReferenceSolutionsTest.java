package dev.autobench.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template of the task bank has checks that a reference solution passes: the bank's check sets (generator)
 * and the reference pages the demo models answer from (llm-clients), rendered and checked here as any answer is.
 * By default one template per distinct check set is rendered, so the suite stays fast;
 * {@code -Dautobench.references.all=true} renders every template of the bank.
 */
@QuarkusTest
class ReferenceSolutionsTest {

    static final Path BANK = Path.of("..", "generator-service", "src", "main", "resources", "bank");
    static final Path REFERENCES = Path.of("..", "llm-clients", "src", "main", "resources", "demo", "reference");
    private static final Pattern DECLARED = Pattern.compile("<!-- autobench reference; checks: ([a-z0-9 -]+) -->");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper json = new ObjectMapper();

    /** One template's checks (its set's, then its own) and the reference page of its set. */
    record Case(String template, String set, String checksJson) {
    }

    @Test
    void everyBankTemplateHasChecksItsReferenceSolutionPasses() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(180);
        boolean all = Boolean.getBoolean("autobench.references.all");
        Map<String, Case> toRender = new LinkedHashMap<>();
        for (Case c : cases) {
            toRender.putIfAbsent(all ? c.template() : c.set() + " " + c.checksJson(), c);
        }
        Submissions submissions = new Submissions(PostgresTestResource.ownerDataSource());
        Map<UUID, Case> rendered = new LinkedHashMap<>();
        for (Case c : toRender.values()) {
            String page = reference(c.set()).replace("{{title}}", "Reference for " + c.template());
            rendered.put(submissions.succeeded(page, c.checksJson()), c);
        }

        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200);

        List<String> failures = new ArrayList<>();
        for (Map.Entry<UUID, Case> e : rendered.entrySet()) {
            Map<String, Object> artifact = submissions.artifact(e.getKey());
            String where = e.getValue().template() + " (" + e.getValue().set() + ")";
            if (artifact == null || !"rendered".equals(artifact.get("status"))) {
                failures.add(where + ": not rendered " + (artifact == null ? "" : artifact.get("failure_reason")));
                continue;
            }
            for (JsonNode result : json.readTree((String) artifact.get("checks"))) {
                if (!"passed".equals(result.path("outcome").asText())) {
                    failures.add(where + ": " + result.path("id").asText() + " " + result.path("outcome").asText()
                            + ": " + result.path("detail").asText());
                }
            }
            assertThat(artifact.get("checks_total")).as(where).isNotEqualTo("0");
        }
        assertThat(failures).as("checks a reference solution failed").isEmpty();
    }

    @Test
    void everyReferenceDeclaresExactlyTheChecksOfItsSetAndTheExtrasOfItsTemplates() throws Exception {
        for (Case c : cases()) {
            List<String> ids = new ArrayList<>();
            json.readTree(c.checksJson()).forEach(check -> ids.add(check.path("id").asText()));
            Matcher declared = DECLARED.matcher(Files.readString(REFERENCES.resolve(c.set() + ".html")));
            assertThat(declared.find()).as(c.set()).isTrue();
            assertThat(List.of(declared.group(1).strip().split("\\s+"))).as(c.template()).containsAll(ids);
        }
    }

    private String reference(String set) throws IOException {
        String html = Files.readString(REFERENCES.resolve(set + ".html"));
        Matcher declared = DECLARED.matcher(html);
        assertThat(declared.find()).as(set + " declares its checks").isTrue();
        return html.substring(declared.end()).stripLeading();
    }

    /** Every template of the bank with its checks, as the generator composes them (set first, then extras). */
    private List<Case> cases() throws IOException {
        JsonNode sets = yaml.readTree(BANK.resolve("checks.yaml").toFile());
        List<Case> cases = new ArrayList<>();
        try (var files = Files.list(BANK)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("checks.yaml")).sorted().toList()) {
                for (JsonNode template : yaml.readTree(file.toFile()).path("templates")) {
                    String set = template.path("checks").asText();
                    assertThat(sets.has(set)).as(template.path("id").asText() + " names check set " + set).isTrue();
                    var checks = json.createArrayNode();
                    sets.get(set).forEach(checks::add);
                    template.path("extraChecks").forEach(checks::add);
                    cases.add(new Case(template.path("id").asText(), set, json.writeValueAsString(checks)));
                }
            }
        }
        return cases;
    }
}
