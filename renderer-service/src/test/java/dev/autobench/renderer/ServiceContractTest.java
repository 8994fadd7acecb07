package dev.autobench.renderer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What every AutoBench service promises operators: health, Prometheus metrics, OpenAPI. */
@QuarkusTest
class ServiceContractTest {

    @Test
    void liveAndReadyWithTheDatabaseChecked() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // ready once a first browser has launched, in the background after start
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItem(containsString("Database"))));
    }

    @Test
    void prometheusMetricsCarryTheServiceTagAndHttpLatencyBuckets() {
        given().when().get("/api/no-such-endpoint").then().statusCode(404);
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("service=\"renderer-service\""))
                .body(containsString("http_server_requests_seconds_bucket"));
    }

    /** Pool exhaustion must be visible before requests fail: the connection pool's meters are published. */
    @Test
    void connectionPoolMetricsArePublished() {
        given().get("/q/health/ready").then().statusCode(200);
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("agroal_active_count{datasource=\"default\",service=\"renderer-service\""))
                .body(containsString("agroal_available_count{"))
                .body(containsString("agroal_awaiting_count{"))
                .body(containsString("agroal_blocking_time_max_milliseconds{"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }
}
