package dev.autobench.generator.author;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.generator.GenerateCalls;
import dev.autobench.testsupport.PostgresTestResource;
import dev.autobench.testsupport.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

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
            return List.of(new TestResourceEntry(OpenAiWireMock.class));
        }
    }

    private final ObjectMapper json = new ObjectMapper();

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
                .body("spec.prompt", everyItem(org.hamcrest.Matchers.containsString("```html")));

        OpenAiWireMock.server.verify(exactly(1), postRequestedFor(urlEqualTo(CHAT))
                .withRequestBody(containing(date))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiWireMock.API_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo(MODEL)))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("4096")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("simulation"))));
        assertThat(ledgerRow("req-author-ok")).containsExactly("success", "200", "true", null, "1");
    }

    @Test
    void aGarbageAnswerFallsBackToTheBankAndIsCounted() {
        String date = "2033-01-11";
        stubAnswerFor(date, "Sure! Here are three fun ideas: a clock, a maze and a quiz.", "req-author-garbage");
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        given().queryParam("date", date).when().get("/api/tasks").then().statusCode(200)
                .body("source", everyItem(is("bank")));
        assertThat(fallbacks()).isEqualTo(before + 1);
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

        given().queryParam("date", date).when().get("/api/tasks").then().statusCode(200)
                .body("source", everyItem(is("bank")));
        assertThat(fallbacks()).isEqualTo(before + 1);
    }

    @Test
    void aFailedCallFallsBackToTheBankAndIsRecordedAsSuch() {
        String date = "2033-01-13";
        OpenAiWireMock.server.stubFor(post(CHAT).withRequestBody(containing(date))
                .willReturn(aResponse().withStatus(500).withHeader("x-request-id", "req-author-500")
                        .withBody("{\"error\":{\"message\":\"boom\"}}")));
        double before = fallbacks();

        GenerateCalls.generate(date).then().statusCode(200).body("created", is(3));

        given().queryParam("date", date).when().get("/api/tasks").then().statusCode(200)
                .body("source", everyItem(is("bank")));
        assertThat(fallbacks()).isEqualTo(before + 1);
        // a 500 whose body is not an overload or rate limit may have run the model: recorded as possibly billed
        assertThat(ledgerRow("req-author-500")).containsExactly("error", "500", "true", null, "1");
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
        return task;
    }

    private void stubAnswerFor(String date, String content, String requestId) {
        String body;
        try {
            body = json.writeValueAsString(Map.of(
                    "id", "chatcmpl-" + requestId,
                    "object", "chat.completion",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 900, "completion_tokens", 450)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        OpenAiWireMock.server.stubFor(post(CHAT).withRequestBody(containing(date))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("x-request-id", requestId).withBody(body)));
    }

    private static double fallbacks() {
        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return Arrays.stream(metrics.split("\n"))
                .filter(l -> l.startsWith("autobench_task_author_fallbacks_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    /** outcome, http_status, billed, submission_id, attempt of the ledger row with that request id. */
    private static List<String> ledgerRow(String requestId) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), TestPostgres.user(),
                TestPostgres.password());
             PreparedStatement st = c.prepareStatement("""
                     SELECT outcome, http_status, billed, submission_id, attempt FROM provider_calls
                     WHERE purpose = 'task_author' AND request_id = ?""")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("ledger row for %s", requestId).isTrue();
                List<String> row = Arrays.asList(rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3)),
                        rs.getString(4), rs.getString(5));
                assertThat(rs.next()).as("a single ledger row for %s", requestId).isFalse();
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
