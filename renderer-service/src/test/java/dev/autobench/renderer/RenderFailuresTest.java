package dev.autobench.renderer;

import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Hostile and oversized answers fail cleanly, and the service goes on rendering. */
@QuarkusTest
class RenderFailuresTest {

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    Submissions submissions;

    @BeforeEach
    void setUp() {
        submissions = new Submissions(dataSource);
    }

    @Test
    void infiniteLoopIsKilledAtTheTimeoutAndTheNextPageStillRenders() {
        UUID hanging = submissions.succeeded(Pages.INFINITE_LOOP);
        UUID alongside = submissions.succeeded(Pages.text("rendered beside a hang"));

        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200)
                .body("failed", equalTo(1))
                .body("rendered", equalTo(1));

        Map<String, Object> failed = submissions.artifact(hanging);
        assertThat(failed.get("status")).isEqualTo("failed");
        assertThat(failed.get("failure_reason")).isEqualTo("timeout");
        assertThat(failed.get("screenshot_png")).isNull();
        assertThat(failed.get("html")).asString().contains("while (true)");
        assertThat(Integer.parseInt((String) failed.get("render_ms"))).isGreaterThanOrEqualTo(10_000);
        assertThat(submissions.artifact(alongside).get("status")).isEqualTo("rendered");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(chromiumProcessesOfThisService()).as("every browser of the run was killed").isZero());

        UUID next = submissions.succeeded(Pages.CANVAS);
        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200)
                .body("rendered", equalTo(1));
        assertThat(submissions.artifact(next).get("status")).isEqualTo("rendered");
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void oversizedAnswerFailsTooLargeWithoutRendering() {
        UUID huge = submissions.succeeded("<!DOCTYPE html><html><body><p>" + "x".repeat(600 * 1024) + "</p></body></html>");

        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200)
                .body("failed", equalTo(1));

        Map<String, Object> artifact = submissions.artifact(huge);
        assertThat(artifact.get("status")).isEqualTo("failed");
        assertThat(artifact.get("failure_reason")).isEqualTo("too_large");
        assertThat(artifact.get("html")).isNull();
        assertThat(Integer.parseInt((String) artifact.get("size_bytes"))).isGreaterThan(512 * 1024);
        assertThat(artifact.get("render_ms")).isNull();
    }

    @Test
    void javascriptOnlyAndSvgOnlyAnswersRenderAsPages() {
        UUID js = submissions.succeeded("""
                const c = document.createElement('canvas'); c.width = 400; c.height = 300;
                document.body.appendChild(c);
                const g = c.getContext('2d'); g.fillStyle = 'crimson'; g.fillRect(0, 0, 400, 300);""");
        UUID svg = submissions.succeeded("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + "<rect width=\"10\" height=\"10\" fill=\"navy\"/><circle cx=\"5\" cy=\"5\" r=\"3\" fill=\"gold\"/></svg>");

        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200);

        for (UUID submission : new UUID[]{js, svg}) {
            Map<String, Object> artifact = submissions.artifact(submission);
            assertThat(artifact.get("status")).isEqualTo("rendered");
            assertThat(artifact.get("blank")).isEqualTo("false");
            assertThat(artifact.get("js_error_count")).isEqualTo("0");
        }
    }

    /**
     * Browsers this JVM started, orphans included (their profile folder names its pid); other
     * renderers on the machine (a benchmark, another build) are not ours.
     */
    static long chromiumProcessesOfThisService() {
        String ours = "autobench-render-" + ProcessHandle.current().pid() + "-";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(ours))
                .count();
    }
}
