package dev.autobench.generator;

import dev.autobench.testsupport.ReadinessAndMetrics;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The packaged service (the native executable under {@code -Dnative}, failsafe) against the embedded PostgreSQL
 * ({@link TestDatabase}): what a native image can lose that the JVM keeps. The Flyway migrations it validates at
 * start, the task bank and check sets read from the classpath, the records Jackson writes and reads by reflection
 * (the bank's YAML, the jsonb spec, the REST views), the meters.
 */
@QuarkusIntegrationTest
class GeneratorNativeIT {

    @Test
    void readyWithTheSchemaValidatedAndMetricsPublished() {
        ReadinessAndMetrics.assertReadyAndPublishingMetrics("generator-service", "autobench_tasks_generated_total");
    }

    @Test
    void aDaysTasksAreDrawnFromTheBankWithTheirChecksAndReadBack() {
        Response generated = GenerateCalls.generate("2031-03-14");
        generated.then().statusCode(200)
                .body("created", equalTo(3))
                .body("tasks", hasSize(3))
                .body("tasks.status", everyItem(equalTo("generated")));

        Response read = given().queryParam("date", "2031-03-14").when().get("/api/tasks");
        read.then().statusCode(200).body("", hasSize(3))
                .body("source", everyItem(equalTo("bank")));
        List<Map<String, Object>> specs = read.jsonPath().getList("spec");
        assertThat(specs).allSatisfy(spec -> {
            assertThat((String) spec.get("templateId")).as("drawn from a bank template").isNotBlank();
            assertThat((String) spec.get("prompt")).contains("## Automatic checks");
            assertThat((List<?>) spec.get("checks")).as("the check set of the template").isNotEmpty();
            assertThat((List<?>) spec.get("acceptanceCriteria")).hasSizeGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void badInputIsAProblemNotAServerError() {
        given().header("x-cron-secret", GenerateCalls.SECRET).queryParam("date", "2031-02-30")
                .when().post("/api/generate")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
    }
}
