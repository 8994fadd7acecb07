package dev.autobench.arena;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The operators' contract of every service (health, metrics, OpenAPI), for the arena-service, and its schedules. */
@QuarkusTest
class ServiceContractTest extends dev.autobench.testsupport.ServiceContractTest {

    @Override
    protected String service() {
        return "arena-service";
    }

    /** The arena's schedules (leaderboard refresh, lag, open matches) are timed, failures by exception. */
    @Test
    void scheduledMethodsAreTimed() {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                        .body(containsString("scheduled_methods_seconds_count{class=\"dev.autobench.arena.leaderboard.LeaderboardService\""
                                + ",exception=\"none\",method=\"scheduled\",service=\"arena-service\"")));
    }
}
