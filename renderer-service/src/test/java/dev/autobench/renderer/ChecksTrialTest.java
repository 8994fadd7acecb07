package dev.autobench.renderer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * An authored task's checks tried on its author's reference page, in the same isolated browser as a submission:
 * a page that does the task passes them all, a picture of it fails the interactions, and nothing is stored.
 */
@QuarkusTest
class ChecksTrialTest {

    private static String body(String html, String checks) {
        return "{\"html\": " + json(html) + ", \"checks\": " + checks + "}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void aPageThatDoesTheTaskPassesEveryCheck() {
        given().header("x-cron-secret", RenderEndpointTest.SECRET).contentType(ContentType.JSON)
                .body(body(CheckPages.WORKING, CheckPages.CHECKS))
                .when().post("/api/checks/trial")
                .then().statusCode(200)
                .body("outcome", equalTo("rendered"))
                .body("total", equalTo(9)).body("passed", equalTo(9))
                .body("checks", hasSize(9))
                .body("checks.outcome", hasItem("passed"));
    }

    @Test
    void aScreenshotLikePageFailsTheInteractionsAndSaysWhy() {
        given().header("x-cron-secret", RenderEndpointTest.SECRET).contentType(ContentType.JSON)
                .body(body(CheckPages.SCREENSHOT_LIKE, CheckPages.CHECKS))
                .when().post("/api/checks/trial")
                .then().statusCode(200)
                .body("outcome", equalTo("rendered"))
                .body("checks.find { it.id == 'click' }.outcome", equalTo("failed"))
                .body("checks.find { it.id == 'type' }.outcome", equalTo("failed"))
                .body("checks.find { it.id == 'button' }.outcome", equalTo("passed"));
    }

    @Test
    void nothingIsStored() {
        Submissions submissions = new Submissions(dev.autobench.testsupport.PostgresTestResource.ownerDataSource());
        int before = submissions.count("SELECT count(*) FROM artifacts");
        given().header("x-cron-secret", RenderEndpointTest.SECRET).contentType(ContentType.JSON)
                .body(body(CheckPages.WORKING, CheckPages.ANIMATION_CHECKS))
                .when().post("/api/checks/trial").then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(submissions.count("SELECT count(*) FROM artifacts")).isEqualTo(before);
    }

    @Test
    void aTrialIsMeteredApartFromTheSubmissionsRenders() {
        double submissionRuns = meter("autobench_render_duration_seconds_count", "submission", "");
        double submissionChecks = meter("autobench_render_checks_total", "submission", "");
        double trialRuns = meter("autobench_render_duration_seconds_count", "trial", "outcome=\"rendered\"");
        double trialPassed = meter("autobench_render_checks_total", "trial", "outcome=\"passed\"");

        given().header("x-cron-secret", RenderEndpointTest.SECRET).contentType(ContentType.JSON)
                .body(body(CheckPages.WORKING, CheckPages.CHECKS))
                .when().post("/api/checks/trial").then().statusCode(200).body("passed", equalTo(9));

        assertThat(meter("autobench_render_duration_seconds_count", "trial", "outcome=\"rendered\""))
                .isEqualTo(trialRuns + 1);
        assertThat(meter("autobench_render_checks_total", "trial", "outcome=\"passed\"")).isEqualTo(trialPassed + 9);
        // what the dashboard reads of the submissions' renders did not move
        assertThat(meter("autobench_render_duration_seconds_count", "submission", "")).isEqualTo(submissionRuns);
        assertThat(meter("autobench_render_checks_total", "submission", "")).isEqualTo(submissionChecks);
    }

    /** The sum of a meter's series of that purpose carrying that label (0 while none exists). */
    private static double meter(String name, String purpose, String label) {
        return Arrays.stream(given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                        .extract().asString().split("\n"))
                .filter(l -> l.startsWith(name + "{") && l.contains("purpose=\"" + purpose + "\"")
                        && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        for (String bad : List.of("{}", "{\"html\": \"  \", \"checks\": " + CheckPages.CHECKS + "}",
                body(CheckPages.WORKING, "[]"),
                body(CheckPages.WORKING, "[{\"id\": \"Bad Id\", \"kind\": \"no_errors\", \"description\": \"x\"}]"),
                body(CheckPages.WORKING, "[{\"id\": \"x\", \"kind\": \"teleport\", \"description\": \"x\"}]"),
                "not json", "[]")) {
            given().header("x-cron-secret", RenderEndpointTest.SECRET).contentType(ContentType.JSON).body(bad)
                    .when().post("/api/checks/trial")
                    .then().statusCode(400).contentType(containsString("application/problem+json"));
        }
        String huge = "<p>" + "x".repeat(600 * 1024) + "</p>";
        given().header("x-cron-secret", RenderEndpointTest.SECRET).contentType(ContentType.JSON)
                .body(body(huge, CheckPages.ANIMATION_CHECKS))
                .when().post("/api/checks/trial")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("at most"));
        given().contentType(ContentType.JSON).body(body(CheckPages.WORKING, CheckPages.CHECKS))
                .when().post("/api/checks/trial").then().statusCode(401);
    }
}
