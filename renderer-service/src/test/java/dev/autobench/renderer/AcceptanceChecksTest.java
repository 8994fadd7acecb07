package dev.autobench.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task's acceptance checks run in the page's own browser after the screenshot, on hand-made pages: the page that
 * does the task passes every check, a picture of it fails the interactions, a page that throws fails the error
 * check, and a page that hangs is cut at the limit without keeping the next page from being checked.
 */
@QuarkusTest
class AcceptanceChecksTest {

    private final ObjectMapper json = new ObjectMapper();
    private Submissions submissions;

    @BeforeEach
    void setUp() {
        submissions = new Submissions(PostgresTestResource.ownerDataSource());
    }

    @Test
    void aPageThatMeetsItsTaskPassesEveryCheck() throws Exception {
        UUID submission = submissions.succeeded(CheckPages.WORKING, CheckPages.CHECKS);

        render();

        Map<String, Object> artifact = submissions.artifact(submission);
        assertThat(artifact.get("status")).isEqualTo("rendered");
        assertThat(artifact.get("screenshot_status")).isEqualTo("captured");
        Map<String, String> outcomes = outcomes(artifact);
        assertThat(outcomes).as(String.valueOf(artifact.get("checks"))).containsExactly(
                Map.entry("button", "passed"), Map.entry("canvas", "passed"), Map.entry("title", "passed"),
                Map.entry("click", "passed"), Map.entry("keys", "passed"), Map.entry("type", "passed"),
                Map.entry("drag", "passed"), Map.entry("responsive", "passed"), Map.entry("errors", "passed"));
        assertThat(artifact.get("checks_passed")).isEqualTo("9");
        assertThat(artifact.get("checks_total")).isEqualTo("9");
        JsonNode first = json.readTree((String) artifact.get("checks")).get(0);
        assertThat(first.path("description").asText()).isEqualTo("a + button");
        assertThat(first.path("kind").asText()).isEqualTo("element");
    }

    @Test
    void aStaticScreenshotLikePageFailsTheInteractionChecksAndPassesTheRest() throws Exception {
        UUID submission = submissions.succeeded(CheckPages.SCREENSHOT_LIKE, CheckPages.CHECKS);

        render();

        Map<String, Object> artifact = submissions.artifact(submission);
        Map<String, String> outcomes = outcomes(artifact);
        assertThat(outcomes).as(String.valueOf(artifact.get("checks"))).containsExactly(
                Map.entry("button", "passed"), Map.entry("canvas", "passed"), Map.entry("title", "passed"),
                Map.entry("click", "failed"), Map.entry("keys", "failed"), Map.entry("type", "failed"),
                Map.entry("drag", "failed"), Map.entry("responsive", "passed"), Map.entry("errors", "passed"));
        assertThat(artifact.get("checks_passed")).isEqualTo("5");
        assertThat((String) artifact.get("checks")).contains("nothing changed after clicking button#plus");
    }

    @Test
    void aPageThatThrowsFailsTheErrorCheckWithTheError() throws Exception {
        UUID submission = submissions.succeeded(CheckPages.THROWS_ON_CLICK, CheckPages.CHECKS);

        render();

        Map<String, Object> artifact = submissions.artifact(submission);
        Map<String, String> outcomes = outcomes(artifact);
        assertThat(outcomes.get("errors")).as(String.valueOf(artifact.get("checks"))).isEqualTo("failed");
        assertThat(outcomes.get("keys")).isEqualTo("passed");
        assertThat((String) artifact.get("checks")).contains("1 uncaught error").contains("TypeError");
    }

    @Test
    void anEndlessLoopIsCutAtTheLimitAndMarkedAndTheNextPageIsStillChecked() throws Exception {
        UUID hangsOnClick = submissions.succeeded(CheckPages.LOOPS_ON_CLICK, CheckPages.CHECKS);
        UUID hangsAtLoad = submissions.succeeded(Pages.INFINITE_LOOP, CheckPages.CHECKS);
        UUID next = submissions.succeeded(CheckPages.WORKING, CheckPages.CHECKS);

        render();

        Map<String, Object> clicked = submissions.artifact(hangsOnClick);
        assertThat(clicked.get("status")).isEqualTo("rendered");
        Map<String, String> outcomes = outcomes(clicked);
        assertThat(outcomes).as(String.valueOf(clicked.get("checks"))).containsExactly(
                Map.entry("button", "passed"), Map.entry("canvas", "passed"), Map.entry("title", "passed"),
                Map.entry("click", "timed_out"), Map.entry("keys", "not_run"), Map.entry("type", "not_run"),
                Map.entry("drag", "not_run"), Map.entry("responsive", "failed"), Map.entry("errors", "passed"));
        assertThat((String) clicked.get("checks")).contains("cut at the time limit");

        Map<String, Object> loaded = submissions.artifact(hangsAtLoad);
        assertThat(loaded.get("status")).isEqualTo("failed");
        assertThat(loaded.get("failure_reason")).isEqualTo("timeout");
        assertThat(outcomes(loaded).values()).containsOnly("not_run");
        assertThat(loaded.get("checks_passed")).isEqualTo("0");
        assertThat(loaded.get("checks_total")).isEqualTo("9");

        assertThat(outcomes(submissions.artifact(next)).values()).containsOnly("passed");
    }

    @Test
    void aPageThatMovesOnItsOwnPassesAKeyCheckOnlyWhenItListensForKeys() throws Exception {
        UUID steered = submissions.succeeded(CheckPages.ANIMATED_STEERED, CheckPages.ANIMATION_CHECKS);
        UUID deaf = submissions.succeeded(CheckPages.ANIMATED_DEAF, CheckPages.ANIMATION_CHECKS);

        render();

        Map<String, Object> steeredArtifact = submissions.artifact(steered);
        assertThat(outcomes(steeredArtifact)).as(String.valueOf(steeredArtifact.get("checks")))
                .containsExactly(Map.entry("moves", "passed"), Map.entry("keys", "passed"), Map.entry("errors", "passed"));
        Map<String, Object> deafArtifact = submissions.artifact(deaf);
        assertThat(outcomes(deafArtifact)).as(String.valueOf(deafArtifact.get("checks")))
                .containsExactly(Map.entry("moves", "passed"), Map.entry("keys", "failed"), Map.entry("errors", "passed"));
        assertThat((String) deafArtifact.get("checks")).contains("moves on its own but listens for none");
    }

    @Test
    void aTaskWithoutChecksGetsNoResults() {
        UUID submission = submissions.succeeded(CheckPages.WORKING);

        render();

        Map<String, Object> artifact = submissions.artifact(submission);
        assertThat(artifact.get("status")).isEqualTo("rendered");
        assertThat(artifact.get("checks")).isNull();
        assertThat(artifact.get("checks_total")).isNull();
    }

    @Test
    void checkOutcomesAndDurationsArePublishedAsMetrics() {
        submissions.succeeded(CheckPages.SCREENSHOT_LIKE, CheckPages.CHECKS);
        render();

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("autobench_render_checks_total\\{[^}]*outcome=\"passed\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("autobench_render_checks_total\\{[^}]*outcome=\"failed\"[^}]*} [1-9]");
        assertThat(metrics).contains("autobench_render_checks_total{outcome=\"timed_out\"")
                .contains("autobench_render_check_duration_seconds_bucket{kind=\"click\"");
    }

    private Map<String, String> outcomes(Map<String, Object> artifact) throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (JsonNode result : json.readTree((String) artifact.get("checks"))) {
            outcomes.put(result.path("id").asText(), result.path("outcome").asText());
        }
        return outcomes;
    }

    private static void render() {
        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200);
    }
}
