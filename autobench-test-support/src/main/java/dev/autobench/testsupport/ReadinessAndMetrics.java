package dev.autobench.testsupport;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every packaged service (the native executable under {@code -Dnative}) must show before its own flow is
 * worth testing: ready, with the database among its readiness checks, and its Prometheus meters published under
 * its service tag, with the connection pool's among them. Call it from each service's {@code @QuarkusIntegrationTest}.
 */
public final class ReadinessAndMetrics {

    /**
     * How long a service may take to become ready: a native executable starts in well under a second, but the
     * renderer's readiness waits for its first Chromium launch, and the machines that run these tests are shared.
     */
    public static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private ReadinessAndMetrics() {
    }

    /**
     * Waits until {@code /q/health/ready} answers 200 UP with a database check, then reads {@code /q/metrics}.
     *
     * @param service the service's name, the value of the {@code service} tag on each of its meters
     * @param meters  further text each service's metrics must contain (its own meters' names)
     */
    public static void assertReadyAndPublishingMetrics(String service, String... meters) {
        await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        var metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("service=\"" + service + "\""))
                .body(containsString("agroal_active_count{"));
        for (String meter : meters) {
            metrics.body(containsString(meter));
        }
    }
}
