package dev.autobench.renderer;

import javax.sql.DataSource;
import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * A browser that cannot start keeps the renderer from saying it is ready; once it can, a page whose first
 * browser crashed at start is rendered in a fresh one, and the artifact and the metrics say it took two.
 */
@QuarkusTest
@TestProfile(FlakyChromiumProfile.class)
class BrowserRetryTest {

    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Test
    void notReadyUntilABrowserLaunchWorksThenACrashedFirstLaunchIsRetriedAndRendered() throws Exception {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'Chromium' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'Chromium' }.data.chromium", equalTo("available"))
                        .body("checks.find { it.name == 'Chromium' }.data.launch", containsString("simulated launch failure")));

        Files.delete(FlakyChromiumProfile.BROKEN);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'Chromium' }.status", equalTo("UP")));

        Submissions submissions = new Submissions(dataSource);
        UUID page = submissions.succeeded(Pages.CANVAS);
        Files.writeString(FlakyChromiumProfile.FAIL_NEXT, "");
        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200)
                .body("rendered", equalTo(1)).body("failed", equalTo(0));

        assertThat(Files.exists(FlakyChromiumProfile.FAIL_NEXT)).as("the first launch of the render failed").isFalse();
        Map<String, Object> artifact = submissions.artifact(page);
        assertThat(artifact.get("status")).isEqualTo("rendered");
        assertThat(artifact.get("screenshot_status")).isEqualTo("captured");
        assertThat(artifact.get("render_attempts")).isEqualTo("2");
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*autobench_render_retries_total\\{[^}]*reason=\"launch\"[^}]*} 1\\.0.*"))
                .body(matchesPattern("(?s).*autobench_render_retries_total\\{[^}]*reason=\"before_load\"[^}]*} 0\\.0.*"));
    }
}
