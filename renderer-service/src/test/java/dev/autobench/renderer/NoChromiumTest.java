package dev.autobench.renderer;

import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** Without Chromium the service says so, stays ready, and still stores every hardened page. */
@QuarkusTest
@TestProfile(NoChromiumProfile.class)
class NoChromiumTest {

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Test
    void hardenedPageIsStoredWithoutAScreenshot() {
        Submissions submissions = new Submissions(dataSource);
        UUID submission = submissions.succeeded(Pages.CANVAS);

        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200)
                .body("rendered", equalTo(1)).body("failed", equalTo(0));

        Map<String, Object> artifact = submissions.artifact(submission);
        assertThat(artifact.get("status")).isEqualTo("rendered");
        assertThat(artifact.get("screenshot_status")).isEqualTo("unavailable");
        assertThat(artifact.get("screenshot_png")).isNull();
        assertThat((String) artifact.get("html")).contains("Content-Security-Policy");
        assertThat((String) artifact.get("sha256")).hasSize(64);
    }

    @Test
    void readinessStaysUpAndSaysChromiumIsMissing() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Chromium' }.data.chromium", equalTo("missing"))
                .body("checks.find { it.name == 'Chromium' }.data.detail", containsString("/nonexistent/chromium"));
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*autobench_renderer_chromium_available\\{[^}]*} 0\\.0.*"));
    }
}
