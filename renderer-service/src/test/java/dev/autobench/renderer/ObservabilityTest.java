package dev.autobench.renderer;

import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/** What the SRE dashboard and the readiness probe read. */
@QuarkusTest
class ObservabilityTest {

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Test
    void renderMetricsArePublishedUnderTheirContractNames() {
        new Submissions(dataSource).succeeded(Pages.THROWS);
        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200);

        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*autobench_renders_total\\{[^}]*outcome=\"rendered\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*autobench_render_duration_seconds_bucket\\{[^}]*outcome=\"rendered\"[^}]*purpose=\"submission\".*"))
                .body(matchesPattern("(?s).*autobench_render_js_errors_total\\{[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*autobench_render_queue_depth\\{[^}]*} 0\\.0.*"))
                .body(matchesPattern("(?s).*autobench_renderer_chromium_available\\{[^}]*} 1\\.0.*"));
    }

    @Test
    void readinessSaysChromiumIsAvailable() {
        // ready once a first browser has launched, in the background after start
        await().atMost(java.time.Duration.ofSeconds(90)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'Chromium' }.status", org.hamcrest.Matchers.equalTo("UP"))
                        .body("checks.find { it.name == 'Chromium' }.data.chromium", org.hamcrest.Matchers.equalTo("available"))
                        .body("checks.find { it.name == 'Chromium' }.data.path", containsString("chromium"))
                        .body("checks.name", hasItem("Chromium")));
    }
}
