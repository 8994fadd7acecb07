package dev.autobench.renderer;

import dev.autobench.renderer.chromium.PngImage;
import dev.autobench.testsupport.PostgresTestResource;
import dev.autobench.testsupport.ReadinessAndMetrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The built executable (the native one under {@code -Dnative}), started in the prod profile against the test
 * support's PostgreSQL as the renderer's own role: it becomes ready only after a real Chromium launch, serves its
 * metrics, and renders a stored submission to an artifact with a screenshot and the task's checks run.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = NativeRendererIT.ProdSettings.class, restrictToAnnotatedClass = true)
class NativeRendererIT {

    static final String SECRET = "native-it-cron-secret-0123456789";

    /** What the prod profile needs from its deployment: a long cron secret; the poller off so the test renders. */
    public static class ProdSettings implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("autobench.cron-secret", SECRET, "autobench.renderer.poll-interval", "off");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void becomesReadyOnceChromiumHasLaunchedAndPublishesMetrics() {
        ReadinessAndMetrics.assertReadyAndPublishingMetrics("renderer-service", "jvm_threads_live_threads");
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'Chromium' }.data.chromium", equalTo("available"));
    }

    @Test
    void refusesACallWithoutTheCronSecretWithAProblem() {
        given().when().post("/api/render").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void rendersAStoredSubmissionToAnArtifactWithAScreenshotAndItsChecksRun() throws Exception {
        Submissions submissions = new Submissions(PostgresTestResource.ownerDataSource());
        UUID submission = submissions.succeeded(CheckPages.WORKING, CheckPages.CHECKS);

        given().header("x-cron-secret", SECRET).when().post("/api/render").then().statusCode(200)
                .body("rendered", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        Map<String, Object> artifact = submissions.artifact(submission);
        assertThat(artifact).isNotNull();
        assertThat(artifact.get("status")).isEqualTo("rendered");
        assertThat(artifact.get("screenshot_status")).isEqualTo("captured");
        PngImage image = PngImage.decode((byte[]) artifact.get("screenshot_png"));
        assertThat(image.width()).isEqualTo(1280);
        assertThat(image.height()).isEqualTo(800);
        assertThat(image.isUniform(0)).isFalse();
        assertThat(artifact.get("checks_total")).isEqualTo("9");
        assertThat(artifact.get("checks_passed")).as(String.valueOf(artifact.get("checks"))).isEqualTo("9");

        given().header("x-cron-secret", SECRET).when().get("/api/render/queue").then().statusCode(200)
                .body("waiting", equalTo(0));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*autobench_renders_total\\{[^}]*outcome=\"rendered\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*autobench_render_checks_total\\{[^}]*outcome=\"passed\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*autobench_renderer_chromium_available\\{[^}]*} 1\\.0.*"));
    }
}
