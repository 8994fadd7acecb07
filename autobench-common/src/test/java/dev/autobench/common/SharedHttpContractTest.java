package dev.autobench.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class SharedHttpContractTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void machineEndpointWithoutSecretIs401Problem() {
        given().when().post("/test/machine")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", containsString("x-cron-secret"))
                .body("instance", equalTo("/test/machine"));
    }

    @Test
    void machineEndpointWithWrongSecretIs401() {
        given().header("x-cron-secret", "test-cron-secret-012345678X")
                .when().post("/test/machine")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void machineEndpointWithSecretPasses() {
        given().header("x-cron-secret", "test-cron-secret-0123456789")
                .when().post("/test/machine")
                .then().statusCode(200).body("ok", equalTo("machine"));
    }

    @Test
    void adminEndpointNeedsTheBearerToken() {
        given().when().post("/test/admin").then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer wrong").when().post("/test/admin").then().statusCode(401);
        given().header("x-cron-secret", "test-cron-secret-0123456789")
                .when().post("/test/admin").then().statusCode(401);
        given().header("Authorization", "Bearer test-admin-token-0123456789")
                .when().post("/test/admin").then().statusCode(200).body("ok", equalTo("admin"));
    }

    @Test
    void publicEndpointsNeedNothing() {
        given().when().get("/test/public").then().statusCode(200);
    }

    @Test
    void malformedJsonIs400Problem() {
        given().contentType("application/json").body("{\"name\": ")
                .when().post("/test/body")
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        given().contentType("application/json").body("{\"name\": \"x\", \"count\": \"many\"}")
                .when().post("/test/body")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("count"));
    }

    @Test
    void invalidFieldsAre400WithViolations() {
        given().contentType("application/json").body("{\"name\": \"\", \"count\": 0}")
                .when().post("/test/body")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("count"));
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().when().get("/test/nowhere").then().statusCode(404).contentType(PROBLEM);
        given().when().delete("/test/public").then().statusCode(405).contentType(PROBLEM);
        given().contentType("text/plain").body("x").when().post("/test/body").then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void deliberateRefusalKeepsItsStatusAndDetail() {
        given().when().get("/test/refuse").then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("already there"));
    }

    @Test
    void databaseOutageIs503WithRetryAfter() {
        given().when().get("/test/db-down").then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", "5");
    }

    @Test
    void unexpectedErrorsLeakNoInternals() {
        given().when().get("/test/boom").then().statusCode(500).contentType(PROBLEM)
                .body("detail", not(containsString("secret internals")));
    }

    @Test
    void bodyOverTheLimitIs413Problem() {
        given().contentType("application/json").body("{\"name\": \"" + "x".repeat(2048) + "\", \"count\": 1}")
                .when().post("/test/body")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }
}
