package dev.autobench.arena;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What every AutoBench service promises operators: health, Prometheus metrics, OpenAPI. */
@QuarkusTest
class ServiceContractTest {

    @Test
    void liveAndReadyWithTheDatabaseChecked() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetricsCarryTheServiceTagAndHttpLatencyBuckets() {
        given().when().get("/api/no-such-endpoint").then().statusCode(404);
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("service=\"arena-service\""))
                .body(containsString("http_server_requests_seconds_bucket"));
    }

    /** Pool exhaustion must be visible before requests fail: the connection pool's meters are published. */
    @Test
    void connectionPoolMetricsArePublished() {
        given().get("/q/health/ready").then().statusCode(200);
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("agroal_active_count{datasource=\"default\",service=\"arena-service\""))
                .body(containsString("agroal_available_count{"))
                .body(containsString("agroal_awaiting_count{"))
                .body(containsString("agroal_blocking_time_max_milliseconds{"));
    }

    /** The arena's schedules (leaderboard refresh, lag, open matches) are timed, failures by exception. */
    @Test
    void scheduledMethodsAreTimed() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).untilAsserted(() ->
                given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                        .body(containsString("scheduled_methods_seconds_count{class=\"dev.autobench.arena.leaderboard.LeaderboardService\""
                                + ",exception=\"none\",method=\"scheduled\",service=\"arena-service\"")));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }
}
