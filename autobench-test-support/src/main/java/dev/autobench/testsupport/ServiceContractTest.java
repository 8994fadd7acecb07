package dev.autobench.testsupport;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every AutoBench service promises operators: health, Prometheus metrics, OpenAPI. Each service's
 * {@code @QuarkusTest ServiceContractTest} extends this and names itself; a service adds its own promises there.
 */
public abstract class ServiceContractTest {

    /** The value of the {@code service} tag the service puts on every meter, e.g. {@code generator-service}. */
    protected abstract String service();

    @Test
    void liveAndReadyWithTheDatabaseChecked() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // awaited: a service may become ready a little after start (the renderer once a first browser launched)
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
                .body(containsString("service=\"" + service() + "\""))
                .body(containsString("http_server_requests_seconds_bucket"));
    }

    /** Pool exhaustion must be visible before requests fail: the connection pool's meters are published. */
    @Test
    void connectionPoolMetricsArePublished() {
        given().get("/q/health/ready").then().statusCode(200);
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("agroal_active_count{datasource=\"default\",service=\"" + service() + "\""))
                .body(containsString("agroal_available_count{"))
                .body(containsString("agroal_awaiting_count{"))
                .body(containsString("agroal_blocking_time_max_milliseconds{"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3."));
    }
}
