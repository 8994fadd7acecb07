package dev.autobench.renderer;

import dev.autobench.renderer.chromium.PngImage;
import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** POST /api/render with Chromium really running. */
@QuarkusTest
class RenderEndpointTest {

    static final String SECRET = "test-cron-secret-0123456789";

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    Submissions submissions;

    @BeforeEach
    void setUp() {
        submissions = new Submissions(dataSource);
    }

    @Test
    void refusesCallersWithoutTheCronSecret() {
        given().when().post("/api/render").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("x-cron-secret", "wrong-secret-wrong-secret").when().post("/api/render").then().statusCode(401);
    }

    @Test
    void theQueueCountsWhatWaitsAndWhatALiveRendererHoldsAndRenderingEmptiesTheWaitingPart() {
        long rendering = queue("rendering");
        UUID waiting = submissions.succeeded(Pages.text("waiting"));
        UUID held = submissions.succeeded(Pages.text("held by a live renderer"));
        submissions.execute("INSERT INTO artifacts (submission_id, status, claimed_by, lease_until) "
                + "VALUES (?, 'rendering', 'live-renderer', now() + interval '1 hour')", held);
        assertThat(queue("waiting")).isGreaterThanOrEqualTo(1);
        assertThat(queue("rendering")).isEqualTo(rendering + 1);

        render();

        assertThat(submissions.artifact(waiting).get("status")).isEqualTo("rendered");
        assertThat(submissions.artifact(waiting).get("render_attempts")).isEqualTo("1");
        assertThat(queue("waiting")).isZero();
        assertThat(queue("rendering")).isEqualTo(rendering + 1);
    }

    private long queue(String part) {
        return given().header("x-cron-secret", SECRET).when().get("/api/render/queue").then().statusCode(200)
                .extract().jsonPath().getLong(part);
    }

    @Test
    void canvasPageBecomesANonBlankScreenshotOfTheViewport() throws Exception {
        UUID submission = submissions.succeeded(Pages.CANVAS);

        render();

        Map<String, Object> artifact = submissions.artifact(submission);
        assertThat(artifact.get("status")).isEqualTo("rendered");
        assertThat(artifact.get("screenshot_status")).isEqualTo("captured");
        byte[] png = (byte[]) artifact.get("screenshot_png");
        PngImage image = PngImage.decode(png);
        assertThat(image.width()).isEqualTo(1280);
        assertThat(image.height()).isEqualTo(800);
        assertThat(image.isUniform(0)).isFalse();
        assertThat(artifact.get("blank")).isEqualTo("false");
        assertThat(artifact.get("viewport_width")).isEqualTo("1280");
        assertThat(artifact.get("js_error_count")).isEqualTo("0");
        String html = (String) artifact.get("html");
        assertThat(html).contains("Content-Security-Policy").contains("getContext('2d')");
        assertThat(artifact.get("sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8))));
        assertThat(artifact.get("size_bytes")).isEqualTo(String.valueOf(html.getBytes(StandardCharsets.UTF_8).length));
        assertThat(Integer.parseInt((String) artifact.get("render_ms"))).isPositive();
    }

    @Test
    void emptyPageIsRecordedAsBlank() {
        UUID submission = submissions.succeeded(Pages.BLANK);

        render();

        Map<String, Object> artifact = submissions.artifact(submission);
        assertThat(artifact.get("status")).isEqualTo("rendered");
        assertThat(artifact.get("blank")).isEqualTo("true");
    }

    @Test
    void pageThatThrowsIsRenderedWithItsErrorRecorded() {
        UUID submission = submissions.succeeded(Pages.THROWS);

        render();

        Map<String, Object> artifact = submissions.artifact(submission);
        assertThat(artifact.get("status")).isEqualTo("rendered");
        assertThat(artifact.get("js_error_count")).isEqualTo("1");
        assertThat((String) artifact.get("js_errors")).contains("TypeError: boom: renderer test");
        assertThat((String) artifact.get("console_errors")).contains("about to fail");
        assertThat(artifact.get("blank")).isEqualTo("false");
    }

    private void render() {
        given().header("x-cron-secret", SECRET).when().post("/api/render").then().statusCode(200)
                .body("rendered", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }
}
