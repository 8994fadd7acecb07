package dev.autobench.dispatcher.profiled;


import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import dev.autobench.testsupport.PostgresTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static dev.autobench.dispatcher.support.FakeProviders.openAi;
import static dev.autobench.dispatcher.support.FakeProviders.openAiCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The per-provider circuit opens after repeated failures, fails pairs without calling, and closes again. */
@QuarkusTest
@TestProfile(OperationsProfile.class)
class CircuitBreakerTest {

    static final String CRON = "test-cron-secret-0123456789";

    @InjectWireMock
    WireMockServer wiremock;

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Inject
    CircuitBreakerMaintenance circuits;

    Db db;

    @BeforeEach
    void arrange() {
        circuits.resetAll();
        db = new Db(dataSource);
        db.reset(List.of("gpt-5"), 5);
        wiremock.resetAll();
        FakeProviders.stubAllSucceed(wiremock);
    }

    @Test
    void opensAfterRepeatedFailuresAndClosesAgainAfterItsDelay() {
        wiremock.stubFor(openAi().atPriority(1).willReturn(FakeProviders.status(500)));
        List<UUID> first = List.of(db.insertTask(1, "A"), db.insertTask(2, "B"), db.insertTask(3, "C"), db.insertTask(4, "D"));

        dispatch().body("failed", equalTo(4)).body("calls", equalTo(4));
        assertThat(circuitState()).isEqualTo("1.0");

        UUID blocked = db.insertTask(5, "E");
        db.insertTask(6, "F");
        dispatch().body("failed", equalTo(2)).body("calls", equalTo(0));
        assertThat(wiremock.countRequestsMatching(openAiCalls().build()).getCount()).isEqualTo(4);
        Map<String, Object> prevented = db.submission(blocked, "gpt-5");
        assertThat(prevented.get("error_code")).isEqualTo("circuit_open");
        assertThat(prevented.get("attempts")).isEqualTo(0);
        assertThat(db.ledger(blocked, "gpt-5")).isEmpty();

        // the provider recovers; once the delay has passed a trial call goes through and closes the circuit
        wiremock.resetAll();
        FakeProviders.stubAllSucceed(wiremock);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                retry(blocked, "gpt-5").statusCode(200).body("status", equalTo("succeeded")));
        assertThat(circuitState()).isEqualTo("0.0");
        assertThat(db.ledger(blocked, "gpt-5")).singleElement().satisfies(r -> assertThat(r.get("attempt")).isEqualTo(1));

        // a deliberate retry of a pair that failed on the provider: attempts continue their numbering
        retry(first.get(0), "gpt-5").statusCode(200)
                .body("status", equalTo("succeeded")).body("attempts", equalTo(2)).body("model", equalTo("gpt-5"));
        assertThat(db.ledger(first.get(0), "gpt-5")).extracting(r -> r.get("outcome"))
                .containsExactly("retryable_error", "success");
    }

    @Test
    void retryRefusesWhatIsNotAFailedPair() {
        UUID task = db.insertTask(1, "A");
        dispatch().body("succeeded", equalTo(1));

        retry(task, "gpt-5").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("succeeded"));
        retry(task, "no-such-model").statusCode(404).contentType("application/problem+json");
        retry(UUID.randomUUID(), "gpt-5").statusCode(404).contentType("application/problem+json");
        UUID undispatched = db.insertTask(2, "B");
        retry(undispatched, "gpt-5").statusCode(404).body("detail", containsString("no submission"));
        given().header("x-cron-secret", CRON).contentType(ContentType.JSON).body("{\"model\":\"gpt-5\"}")
                .when().post("/api/dispatch/retry").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("taskId", task.toString(), "model", "gpt-5"))
                .when().post("/api/dispatch/retry").then().statusCode(401);
        assertThat(wiremock.countRequestsMatching(openAiCalls().build()).getCount()).isEqualTo(1);
    }

    static io.restassured.response.ValidatableResponse dispatch() {
        return given().header("x-cron-secret", CRON).when().post("/api/dispatch").then().statusCode(200);
    }

    static io.restassured.response.ValidatableResponse retry(UUID task, String model) {
        return given().header("x-cron-secret", CRON).contentType(ContentType.JSON)
                .body(Map.of("taskId", task.toString(), "model", model))
                .when().post("/api/dispatch/retry").then();
    }

    static String circuitState() {
        String metrics = given().accept("text/plain").get("/q/metrics").then().extract().asString();
        return metrics.lines().filter(l -> l.startsWith("autobench_provider_circuit_state{") && l.contains("provider=\"openai\""))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElseThrow();
    }
}
