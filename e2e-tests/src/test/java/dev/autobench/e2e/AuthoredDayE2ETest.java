package dev.autobench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A day whose tasks an LLM authored, through the packaged services: the author's one call (OpenAI's wire
 * format), its reference pages tried in the real renderer's Chromium, a check the author's own page fails
 * dropped before the task is published, and the solutions of that day judged by the checks that were kept.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthoredDayE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC);
    private static final Set<String> PROVIDERS = Set.of("openai", "anthropic");

    private static AutoBenchStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = new AutoBenchStack(
                Map.of("AUTOBENCH_GENERATOR_AUTHOR_ENABLED", "true",
                        "AUTOBENCH_GENERATOR_AUTHOR_PROVIDER", "openai",
                        "AUTOBENCH_GENERATOR_AUTHOR_MODEL", "gpt-author-e2e",
                        "OPENAI_API_KEY", ProviderFakes.OPENAI_KEY),
                Map.of(), Map.of(), Map.of(),
                Set.of("generator-service", "dispatcher-service", "renderer-service"));
        stack.keepOneActiveModelPer(PROVIDERS);
        // the author asks for reference pages; the solvers are asked for a page only
        stack.providers.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + ProviderFakes.OPENAI_KEY))
                .withRequestBody(containing("referencePage"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("x-request-id", "req_author_e2e")
                        .withBody(ProviderFakes.openAi("gpt", authoredTasks()))));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theAuthorsTasksArePublishedWithTheChecksItsOwnPagesPass() throws Exception {
        double droppedBefore = E2eSupport.metric(stack.generator, "autobench_task_author_checks_dropped_total");
        Response generated = stack.cron(stack.generator, "/api/generate?date=" + DAY);
        generated.then().statusCode(200);
        assertThat(generated.jsonPath().getInt("created")).isEqualTo(3);

        JsonNode tasks = JSON.readTree(RestAssured.given().queryParam("date", DAY.toString())
                .get(stack.generator.url("/api/tasks")).asString());
        Map<String, List<String>> checksByTitle = new LinkedHashMap<>();
        for (JsonNode task : tasks) {
            assertThat(task.path("source").asText()).isEqualTo("llm");
            List<String> ids = new ArrayList<>();
            task.path("spec").path("checks").forEach(check -> ids.add(check.path("id").asText()));
            checksByTitle.put(task.path("title").asText(), ids);
        }
        assertThat(checksByTitle).containsOnlyKeys("Orbit lab", "Tide chart", "Spark garden");
        assertThat(checksByTitle.get("Orbit lab")).as("the scoreboard its own page lacks is dropped")
                .containsExactly("scene", "adds", "moves", "no-errors");
        assertThat(checksByTitle.get("Tide chart")).containsExactly("scene", "adds", "moves", "no-errors");
        assertThat(E2eSupport.metric(stack.generator, "autobench_task_author_checks_dropped_total") - droppedBefore)
                .isEqualTo(1.0);
        assertThat(stack.providers.requests()).as("one author call").hasSize(1);
        assertThat(stack.count("SELECT count(*) FROM provider_calls WHERE purpose = 'task_author'")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theDaysSolutionsAreJudgedByTheKeptChecks() throws Exception {
        Response dispatched = stack.cron(stack.dispatcher, "/api/dispatch");
        dispatched.then().statusCode(200);
        assertThat(dispatched.jsonPath().getInt("succeeded")).isEqualTo(6);
        stack.cron(stack.renderer, "/api/render").then().statusCode(200);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                stack.count("SELECT count(*) FROM artifacts WHERE status = 'rendered'") == 6);

        // the providers' fake pages draw an animated canvas without errors but have no button to add with
        assertThat(stack.count("SELECT count(*) FROM artifacts WHERE checks_total = 4 AND checks_passed = 3")).isEqualTo(6);
        assertThat(stack.count("""
                SELECT count(*) FROM artifacts a, jsonb_array_elements(a.checks) c
                WHERE c->>'id' = 'adds' AND c->>'outcome' <> 'passed'""")).isEqualTo(6);
        assertThat(stack.count("""
                SELECT count(*) FROM artifacts a, jsonb_array_elements(a.checks) c
                WHERE c->>'id' = 'score'""")).as("a dropped check is never run").isZero();
    }

    /** The author's answer: three tasks, each with its reference page; one check the page does not pass. */
    private static String authoredTasks() {
        try {
            Map<String, Object> orbit = task("Orbit lab", "simulation", "Add planet");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> checks = new ArrayList<>((List<Map<String, Object>>) orbit.get("checks"));
            checks.add(1, Map.of("id", "score", "kind", "element", "description", "A scoreboard is shown.",
                    "selector", "#score"));
            orbit.put("checks", checks);
            return JSON.writeValueAsString(Map.of("tasks", List.of(orbit,
                    task("Tide chart", "data-visualisation", "Add tide"), task("Spark garden", "game", "Add spark"))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> task(String title, String category, String button) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", title);
        task.put("category", category);
        task.put("difficulty", "medium");
        task.put("summary", "Build " + title.toLowerCase() + " as a lively single page with an animated canvas and"
                + " a button that adds to it.");
        task.put("acceptanceCriteria", List.of("An animated scene is visible on load without input.",
                "The button adds an item and the count beside it grows.", "No errors in the console."));
        task.put("checks", List.of(
                Map.of("id", "scene", "kind", "element", "description", "A canvas is drawn.", "selector", "canvas"),
                Map.of("id", "adds", "kind", "click", "description", "The button adds an item.", "selector", "#add"),
                Map.of("id", "moves", "kind", "animates", "description", "The scene moves on its own."),
                Map.of("id", "no-errors", "kind", "no_errors", "description", "No uncaught error.")));
        task.put("referencePage", """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>%1$s</title>
                <style>body{margin:0;background:#102;color:#eee;font:16px sans-serif}canvas{display:block}</style>
                </head><body><h1>%1$s</h1><button id="add">%2$s</button> <span id="count">3</span>
                <canvas id="c" width="600" height="300"></canvas><script>
                const g = document.getElementById('c').getContext('2d');
                let n = 3, t = 0;
                document.getElementById('add').addEventListener('click', () => {
                  n++; document.getElementById('count').textContent = String(n);
                });
                function frame() {
                  g.fillStyle = '#102'; g.fillRect(0, 0, 600, 300); g.fillStyle = '#fc3';
                  for (let i = 0; i < n; i++) { g.beginPath(); g.arc(40 + i * 40, 150 + Math.sin(t / 9 + i) * 90, 14, 0, 7); g.fill(); }
                  t++; requestAnimationFrame(frame);
                }
                frame();
                </script></body></html>
                """.formatted(title, button));
        return task;
    }
}
