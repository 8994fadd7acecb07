package dev.autobench.dispatcher.profiled;


import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
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

import static dev.autobench.dispatcher.support.FakeProviders.openAi;
import static dev.autobench.dispatcher.support.FakeProviders.openAiCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The per-provider circuit opens after repeated failures; pairs met by the open circuit are released unsent and
 * dispatched again automatically once it lets calls through; deliberate retries need the admin token.
 */
@QuarkusTest
@TestProfile(OperationsProfile.class)
class CircuitBreakerTest {

    static final String CRON = "test-cron-secret-0123456789";
    static final String ADMIN = "Bearer test-admin-token-0123456789";

    @InjectWireMock
    WireMockServer wiremock;

    @Inject
    CircuitBreakerMaintenance circuits;

    Db db;

    @BeforeEach
    void arrange() {
        circuits.resetAll();
        db = Db.readyToDispatch(wiremock, List.of("gpt-5"), 5);
    }

    @Test
    void anOpenCircuitReleasesThePairWhichIsDispatchedAgainAutomaticallyOnce() {
        List<UUID> first = List.of(db.insertTask(1, "A"), db.insertTask(2, "B"), db.insertTask(3, "C"), db.insertTask(4, "D"));
        for (String title : List.of("A", "B", "C", "D")) {
            wiremock.stubFor(FakeProviders.forTask(openAi(), "# Task: " + title + "\\n").willReturn(FakeProviders.status(500)));
        }

        dispatch().body("failed", equalTo(4)).body("calls", equalTo(4));
        assertThat(circuitState()).isEqualTo("1.0");

        // the circuit is open: the new pair is not sent, not failed, but given back
        UUID blocked = db.insertTask(5, "E");
        dispatch().body("calls", equalTo(0)).body("failed", equalTo(0));
        assertThat(db.submission(blocked, "gpt-5").get("error_code")).isNull();

        // once the circuit lets a trial through, the scheduled re-dispatch calls it, exactly once, by itself
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(db.submission(blocked, "gpt-5").get("status")).isEqualTo("succeeded"));
        assertThat(db.ledger(blocked, "gpt-5")).singleElement().satisfies(r -> {
            assertThat(r.get("attempt")).isEqualTo(1);
            assertThat(r.get("outcome")).isEqualTo("success");
        });
        assertThat(wiremock.countRequestsMatching(openAiCalls().withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("# Task: E\\n")).build()).getCount()).isEqualTo(1);
        assertThat(db.rows("SELECT status FROM tasks WHERE id = ?", blocked).get(0).get("status")).isEqualTo("dispatched");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(circuitState()).isEqualTo("0.0"));

        // a pair whose failure may have been billed (a 500: possibly processed) is re-called only with an explicit force
        wiremock.resetAll();
        FakeProviders.stubAllSucceed(wiremock);
        retry(first.get(0), "gpt-5").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("force"));
        assertThat(db.ledger(first.get(0), "gpt-5")).hasSize(1);
        // a deliberate, forced retry: attempts continue their numbering
        retry(first.get(0), "gpt-5", true).statusCode(200)
                .body("status", equalTo("succeeded")).body("attempts", equalTo(2)).body("model", equalTo("gpt-5"));
        assertThat(db.ledger(first.get(0), "gpt-5")).extracting(r -> r.get("outcome"))
                .containsExactly("error", "success");
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
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"model\":\"gpt-5\"}")
                .when().post("/api/dispatch/retry").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("taskId", task.toString(), "model", "gpt-5"))
                .when().post("/api/dispatch/retry").then().statusCode(401);
        // the cron secret does not suffice: re-calling a pair costs money, so it is an operator's decision
        given().header("x-cron-secret", CRON).contentType(ContentType.JSON)
                .body(Map.of("taskId", task.toString(), "model", "gpt-5"))
                .when().post("/api/dispatch/retry").then().statusCode(401);
        assertThat(wiremock.countRequestsMatching(openAiCalls().build()).getCount()).isEqualTo(1);
    }

    static io.restassured.response.ValidatableResponse dispatch() {
        return given().header("x-cron-secret", CRON).when().post("/api/dispatch").then().statusCode(200);
    }

    static io.restassured.response.ValidatableResponse retry(UUID task, String model) {
        return retry(task, model, null);
    }

    static io.restassured.response.ValidatableResponse retry(UUID task, String model, Boolean force) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("taskId", task.toString(), "model", model));
        if (force != null) {
            body.put("force", force);
        }
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/dispatch/retry").then();
    }

    static String circuitState() {
        String metrics = given().accept("text/plain").get("/q/metrics").then().extract().asString();
        return metrics.lines().filter(l -> l.startsWith("autobench_provider_circuit_state{") && l.contains("provider=\"openai\""))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElseThrow();
    }
}
