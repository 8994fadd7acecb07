package dev.autobench.generator.author;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.generator.GenerateCalls;
import dev.autobench.testsupport.PostgresTestResource;
import dev.autobench.testsupport.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The LLM task author against a stand-in OpenAI speaking the real chat-completions format. */
@QuarkusTest
@TestProfile(LlmTaskAuthorTest.AuthorEnabled.class)
class LlmTaskAuthorTest {

    static final String MODEL = "gpt-author-test";
    static final String CHAT = "/v1/chat/completions";

    public static class AuthorEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autobench.generator.author.enabled", "true",
                    "autobench.generator.author.provider", "openai",
                    "autobench.generator.author.model", MODEL);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiWireMock.class), new TestResourceEntry(RendererWireMock.class));
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    /** The renderer's verdict on reference pages: every check passes unless the page carries a marker. */
    @BeforeEach
    void rendererPassesEveryCheckOfAnUnmarkedPage() {
        RendererWireMock.server.resetAll();
        RendererWireMock.server.stubFor(post(RendererWireMock.TRIAL).atPriority(10)
                .willReturn(trial("passed", "passed", "passed")));
        RendererWireMock.server.stubFor(post(RendererWireMock.TRIAL).atPriority(1)
                .withRequestBody(containing("fails-scene"))
                .willReturn(trial("failed", "passed", "passed")));
        RendererWireMock.server.stubFor(post(RendererWireMock.TRIAL).atPriority(1)
                .withRequestBody(containing("throws-on-load"))
                .willReturn(trial("passed", "passed", "failed")));
        RendererWireMock.server.stubFor(post(RendererWireMock.TRIAL).atPriority(1)
                .withRequestBody(containing("renderer-unreachable"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    private static ResponseDefinitionBuilder trial(String scene, String moves, String errors) {
        String body = """
                {"outcome": "rendered", "passed": 0, "total": 3, "jsErrors": 0, "renderMs": 900, "checks": [
                  {"id": "scene", "kind": "element", "description": "A canvas is drawn.", "outcome": "%s", "detail": "seen", "ms": 5},
                  {"id": "moves", "kind": "animates", "description": "It moves.", "outcome": "%s", "detail": "seen", "ms": 1000},
                  {"id": "no-errors", "kind": "no_errors", "description": "No uncaught error.", "outcome": "%s", "detail": "seen", "ms": 0}]}
                """.formatted(scene, moves, errors);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void aCheckTheAuthorsOwnPageFailsIsDroppedBeforeTheTaskIsPublished() throws Exception {
        String date = "2033-01-20";
        authorAnswersWithTheFirstPageMarked(date, "fails-scene", "req-author-proof",
                "Kite designer", "Limerick loom", "Pinball lite");
        double dropped = droppedChecks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        given().queryParam("date", date).when().get("/api/tasks").then().statusCode(200)
                .body("source", everyItem(is("llm")))
                .body("find { it.title == 'Kite designer' }.spec.checks.id", is(List.of("moves", "no-errors")))
                .body("find { it.title == 'Limerick loom' }.spec.checks.id", is(List.of("scene", "moves", "no-errors")))
                .body("spec.prompt", everyItem(not(containsString("reference-marker"))));
        assertThat(droppedChecks()).isEqualTo(dropped + 1);
        RendererWireMock.server.verify(exactly(3), postRequestedFor(urlEqualTo(RendererWireMock.TRIAL))
                .withHeader("x-cron-secret", equalTo("test-cron-secret-0123456789"))
                .withRequestBody(matchingJsonPath("$.html", containing("<canvas")))
                .withRequestBody(matchingJsonPath("$.checks[2].kind", equalTo("no_errors"))));
    }

    @Test
    void aReferencePageThatThrowsLeavesNoErrorCheckAndTheBankStandsIn() throws Exception {
        String date = "2033-01-21";
        authorAnswersWithTheFirstPageMarked(date, "throws-on-load", "req-author-throws",
                "Glacier timelapse", "Sonnet sorter", "Brick breaker");
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        assertTheBankStoodIn(date, before);
        assertThat(ledgerRow("req-author-throws")).containsExactly("success", "200", "true", null, "1");
    }

    @Test
    void withoutTheRendererTheChecksAreUnprovenAndTheBankStandsIn() throws Exception {
        String date = "2033-01-22";
        authorAnswersWithTheFirstPageMarked(date, "renderer-unreachable", "req-author-unproven",
                "Aurora painter", "Riddle wheel", "Snake duel");
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        assertTheBankStoodIn(date, before);
        // the trial stores nothing, so it was asked again before giving up; the author was called once
        assertThat(trialsOf("renderer-unreachable")).isEqualTo(3);
        OpenAiWireMock.server.verify(exactly(1), postRequestedFor(urlEqualTo(CHAT)).withRequestBody(containing(date)));
    }

    @Test
    void aTrialTheRendererRefusesIsNotAskedAgainAndTheBankStandsIn() throws Exception {
        RendererWireMock.server.stubFor(post(RendererWireMock.TRIAL).atPriority(1)
                .withRequestBody(containing("renderer-refuses"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"check 'scene' has no selector\"}")));
        String date = "2033-01-24";
        authorAnswersWithTheFirstPageMarked(date, "renderer-refuses", "req-author-refused",
                "Prism bender", "Couplet clock", "Rocket hopper");
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        assertTheBankStoodIn(date, before);
        // the same page and checks would be refused again: one trial, no retry
        assertThat(trialsOf("renderer-refuses")).isEqualTo(1);
    }

    @Test
    void aBusyRendererIsAskedAgainAndTheAuthoredTasksStand() throws Exception {
        RendererWireMock.server.stubFor(post(RendererWireMock.TRIAL).atPriority(1)
                .withRequestBody(containing("renderer-busy"))
                .inScenario("busy renderer").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1"))
                .willSetStateTo("recovered"));
        String date = "2033-01-25";
        authorAnswersWithTheFirstPageMarked(date, "renderer-busy", "req-author-busy",
                "Nebula mixer", "Quatrain quilt", "Lava jumper");
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        given().queryParam("date", date).when().get("/api/tasks").then().statusCode(200)
                .body("source", everyItem(is("llm")));
        assertThat(fallbacks()).isEqualTo(before);
        assertThat(trialsOf("renderer-busy")).isEqualTo(2);
    }

    @Test
    void anAnswerWithoutReferencePagesIsRefused() throws Exception {
        String date = "2033-01-23";
        Map<String, Object> noPage = task("Fern fractal", "simulation");
        noPage.remove("referencePage");
        String tasks = json.writeValueAsString(Map.of("tasks", List.of(
                noPage, task("Ode builder", "text-tool"), task("Maze runner", "game"))));
        stubAnswerFor(date, tasks, "req-author-no-page");
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        assertTheBankStoodIn(date, before);
        RendererWireMock.server.verify(exactly(0), postRequestedFor(urlEqualTo(RendererWireMock.TRIAL)));
    }

    /**
     * The author answers the day with three tasks (a simulation, a text tool, a game) whose first reference page
     * carries the marker the renderer's stubs answer by.
     */
    private void authorAnswersWithTheFirstPageMarked(String date, String marker, String requestId, String simulation,
                                                     String textTool, String game) throws Exception {
        Map<String, Object> marked = task(simulation, "simulation");
        marked.put("referencePage", page(marker));
        stubAnswerFor(date, json.writeValueAsString(Map.of("tasks", List.of(
                marked, task(textTool, "text-tool"), task(game, "game")))), requestId);
    }

    /** How many trials the renderer was asked for of the reference page carrying this marker. */
    private static int trialsOf(String marker) {
        return RendererWireMock.server.findAll(postRequestedFor(urlEqualTo(RendererWireMock.TRIAL))
                .withRequestBody(containing(marker))).size();
    }

    /** The day's tasks came from the bank, and the author's answer was given up once. */
    private static void assertTheBankStoodIn(String date, double fallbacksBefore) {
        given().queryParam("date", date).when().get("/api/tasks").then().statusCode(200)
                .body("source", everyItem(is("bank")));
        assertThat(fallbacks()).isEqualTo(fallbacksBefore + 1);
    }

    private static String page(String marker) {
        return "<!DOCTYPE html><html><head><title>ref</title></head><body><!-- " + marker + " reference-marker -->"
                + "<canvas width=\"300\" height=\"200\"></canvas><script>const c = document.querySelector('canvas')"
                + ".getContext('2d'); let x = 0; (function f() { c.clearRect(0, 0, 300, 200); c.fillRect(x++ % 300,"
                + " 90, 20, 20); requestAnimationFrame(f); })();</script></body></html>";
    }

    private static double droppedChecks() {
        return Arrays.stream(given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                        .extract().asString().split("\n"))
                .filter(l -> l.startsWith("autobench_task_author_checks_dropped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    @Test
    void aValidAnswerBecomesTheDaysTasksWithOneRecordedCall() throws Exception {
        String date = "2033-01-10";
        String tasks = json.writeValueAsString(Map.of("tasks", List.of(
                task("Tide pool explorer", "simulation"),
                task("Haiku garden", "text-tool"),
                task("Lantern maze", "game"))));
        stubAnswerFor(date, "```json\n" + tasks + "\n```", "req-author-ok");

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));
        GenerateCalls.generate(date).then().statusCode(200).body("created", is(0));

        given().queryParam("date", date).when().get("/api/tasks").then().statusCode(200)
                .body("source", everyItem(is("llm")))
                .body("title", is(List.of("Tide pool explorer", "Haiku garden", "Lantern maze")))
                .body("category", is(List.of("simulation", "text-tool", "game")))
                .body("spec.author", everyItem(is("openai/" + MODEL)))
                .body("spec.templateId", everyItem(nullValue()))
                .body("spec.prompt", everyItem(containsString("```html")));

        OpenAiWireMock.server.verify(exactly(1), postRequestedFor(urlEqualTo(CHAT))
                .withRequestBody(containing(date))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiWireMock.API_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo(MODEL)))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("16384")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("simulation"))));
        assertThat(ledgerRow("req-author-ok")).containsExactly("success", "200", "true", null, "1");
    }

    @Test
    void aGarbageAnswerFallsBackToTheBankAndIsCounted() {
        String date = "2033-01-11";
        stubAnswerFor(date, "Sure! Here are three fun ideas: a clock, a maze and a quiz.", "req-author-garbage");
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        assertTheBankStoodIn(date, before);
        assertThat(ledgerRow("req-author-garbage")).containsExactly("success", "200", "true", null, "1");
    }

    @Test
    void anAnswerOutsideTheSchemaFallsBackToTheBank() throws Exception {
        String date = "2033-01-12";
        String tasks = json.writeValueAsString(Map.of("tasks", List.of(
                task("Soup planner", "cooking"), task("Haiku garden", "text-tool"), task("Lantern maze", "game"))));
        stubAnswerFor(date, tasks, "req-author-schema");
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        assertTheBankStoodIn(date, before);
    }

    @Test
    void aFailedCallFallsBackToTheBankAndIsRecordedAsSuch() {
        String date = "2033-01-13";
        OpenAiWireMock.server.stubFor(post(CHAT).withRequestBody(containing(date))
                .willReturn(aResponse().withStatus(500).withHeader("x-request-id", "req-author-500")
                        .withBody("{\"error\":{\"message\":\"boom\"}}")));
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        assertTheBankStoodIn(date, before);
        // a 500 whose body is not an overload or rate limit may have run the model: billed unknown, as the
        // dispatcher records it (the budget counts it as spent)
        assertThat(ledgerRow("req-author-500")).containsExactly("error", "500", "null", null, "1");
    }

    @Test
    void theLedgerRowIsWrittenBeforeTheCallIsAnswered() throws Exception {
        String date = "2033-01-14";
        String tasks = json.writeValueAsString(Map.of("tasks", List.of(
                task("Orbit sketcher", "simulation"), task("Rhyme ladder", "text-tool"), task("Tile slider", "game"))));
        // the provider holds its answer long enough for the test to look at the ledger meanwhile
        OpenAiWireMock.server.stubFor(post(CHAT).withRequestBody(containing(date))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("x-request-id", "req-author-slow").withBody(answerBody(tasks, "req-author-slow"))
                        .withFixedDelay(45_000)));
        CompletableFuture<io.restassured.response.Response> generation =
                CompletableFuture.supplyAsync(() -> GenerateCalls.generate(date));
        try {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() ->
                    OpenAiWireMock.server.findAll(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(containing(date)))
                            .size() == 1);
            // the request has reached the provider and no answer has come back: the row is already committed
            assertThat(inFlightAuthorRows()).isEqualTo(1);
        } finally {
            generation.get(5, TimeUnit.MINUTES).then().statusCode(200).body("created", is(3));
        }
        assertThat(ledgerRow("req-author-slow")).containsExactly("success", "200", "true", null, "1");
        assertThat(inFlightAuthorRows()).isZero();
    }

    @Test
    void authorCallsAreMeteredLikeTheDispatchersCalls() throws Exception {
        String date = "2033-01-15";
        String tasks = json.writeValueAsString(Map.of("tasks", List.of(
                task("Comet chaser", "game"), task("Verse folder", "text-tool"), task("Sand timer", "simulation"))));
        double calls = meter("autobench_llm_calls_total", "outcome=\"success\"");
        double possiblyProcessed = meter("autobench_llm_calls_total", "outcome=\"possibly_processed\"");
        double inputTokens = meter("autobench_llm_tokens_total", "direction=\"input\"");
        double outputTokens = meter("autobench_llm_tokens_total", "direction=\"output\"");
        double answers = meter("autobench_llm_answers_total", "finish_reason=\"stop\"");
        double timed = meter("autobench_llm_call_duration_seconds_count", "");

        stubAnswerFor(date, tasks, "req-author-metered");
        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        assertThat(meter("autobench_llm_calls_total", "outcome=\"success\"")).isEqualTo(calls + 1);
        assertThat(meter("autobench_llm_tokens_total", "direction=\"input\"")).isEqualTo(inputTokens + 900);
        assertThat(meter("autobench_llm_tokens_total", "direction=\"output\"")).isEqualTo(outputTokens + 450);
        assertThat(meter("autobench_llm_answers_total", "finish_reason=\"stop\"")).isEqualTo(answers + 1);
        assertThat(meter("autobench_llm_call_duration_seconds_count", "")).isEqualTo(timed + 1);
        assertThat(meterLines()).anyMatch(l -> l.startsWith("autobench_llm_call_duration_seconds_bucket{")
                && l.contains("model=\"" + MODEL + "\""));

        String failing = "2033-01-16";
        OpenAiWireMock.server.stubFor(post(CHAT).withRequestBody(containing(failing))
                .willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
        GenerateCalls.generate(failing).then().statusCode(200).body("created", is(3));
        assertThat(meter("autobench_llm_calls_total", "outcome=\"possibly_processed\"")).isEqualTo(possiblyProcessed + 1);
    }

    @Test
    void anAuthorCallLeftInFlightByADeadGeneratorIsAbandonedAtTheNextCall() throws Exception {
        long stale;
        try (Connection c = owner(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO provider_calls (purpose, provider, api_model, attempt, outcome, started_at)
                VALUES ('task_author', 'openai', ?, 1, 'in_flight', now() - interval '3 hours') RETURNING id""")) {
            st.setString(1, MODEL);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                stale = rs.getLong(1);
            }
        }
        String date = "2033-01-17";
        stubAnswerFor(date, "no tasks today", "req-author-after-crash");
        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        try (Connection c = owner(); PreparedStatement st = c.prepareStatement(
                "SELECT outcome, billed, finished_at IS NOT NULL FROM provider_calls WHERE id = ?")) {
            st.setLong(1, stale);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("abandoned");
                assertThat(rs.getObject(2)).as("billed unknown").isNull();
                assertThat(rs.getBoolean(3)).isTrue();
            }
        }
        assertThat(inFlightAuthorRows()).isZero();
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl(), TestPostgres.user(), TestPostgres.password());
    }

    private static long inFlightAuthorRows() throws SQLException {
        try (Connection c = owner(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM provider_calls WHERE purpose = 'task_author' AND outcome = 'in_flight'");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> meterLines() {
        return Arrays.asList(given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .extract().asString().split("\n"));
    }

    /** The author model's series of that name with that label (0 while it does not exist yet). */
    private static double meter(String name, String label) {
        return meterLines().stream()
                .filter(l -> l.startsWith(name + "{") && l.contains("provider=\"openai\"")
                        && l.contains("model=\"" + MODEL + "\"") && l.contains("service=\"generator-service\"")
                        && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static Map<String, Object> task(String title, String category) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", title);
        task.put("category", category);
        task.put("difficulty", "medium");
        task.put("summary", "Build " + title.toLowerCase() + " as a lively single page with clear controls and a"
                + " polished look.");
        task.put("acceptanceCriteria", List.of("The main interaction works with mouse and keyboard.",
                "State changes are animated smoothly.", "A populated scene is visible on load without input."));
        task.put("checks", List.of(
                Map.of("id", "scene", "kind", "element", "description", "A canvas is drawn.", "selector", "canvas"),
                Map.of("id", "moves", "kind", "animates", "description", "It moves."),
                Map.of("id", "no-errors", "kind", "no_errors", "description", "No uncaught error.")));
        task.put("referencePage", page("passes"));
        return task;
    }

    private void stubAnswerFor(String date, String content, String requestId) {
        OpenAiWireMock.server.stubFor(post(CHAT).withRequestBody(containing(date))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("x-request-id", requestId).withBody(answerBody(content, requestId))));
    }

    private String answerBody(String content, String requestId) {
        try {
            return json.writeValueAsString(Map.of(
                    "id", "chatcmpl-" + requestId,
                    "object", "chat.completion",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 900, "completion_tokens", 450)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double fallbacks() {
        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return Arrays.stream(metrics.split("\n"))
                .filter(l -> l.startsWith("autobench_task_author_fallbacks_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    /** outcome, http_status, billed ("null" when unknown), submission_id, attempt of the ledger row with that request id. */
    private static List<String> ledgerRow(String requestId) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), TestPostgres.user(),
                TestPostgres.password());
             PreparedStatement st = c.prepareStatement("""
                     SELECT outcome, http_status, billed, submission_id, attempt FROM provider_calls
                     WHERE purpose = 'task_author' AND request_id = ?""")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("ledger row for %s", requestId).isTrue();
                List<String> row = Arrays.asList(rs.getString(1), rs.getString(2), String.valueOf(rs.getObject(3)),
                        rs.getString(4), rs.getString(5));
                assertThat(rs.next()).as("a single ledger row for %s", requestId).isFalse();
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
