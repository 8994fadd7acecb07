package dev.autobench.dispatcher.dispatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.claim.LeaseReaper;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.autobench.dispatcher.support.FakeProviders.anthropicCalls;
import static dev.autobench.dispatcher.support.FakeProviders.deepSeekCalls;
import static dev.autobench.dispatcher.support.FakeProviders.googleCalls;
import static dev.autobench.dispatcher.support.FakeProviders.openAiCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Exactly once: each (task, model) pair is requested once, however often and concurrently dispatch runs. */
@QuarkusTest
class DispatchTest {

    static final String CRON = "test-cron-secret-0123456789";

    @InjectWireMock
    WireMockServer wiremock;

    @Inject
    LeaseReaper reaper;

    Db db;

    @BeforeEach
    void arrange() {
        db = Db.readyToDispatch(wiremock, Db.FOUR_MODELS, 5);
    }

    static ValidatableResponse dispatch() {
        return given().header("x-cron-secret", CRON).when().post("/api/dispatch").then();
    }

    @Test
    void threeTasksTimesFourModelsMakeExactlyTwelveRequestsAndSubmissions() {
        List<UUID> tasks = List.of(db.insertTask(1, "Bouncing balls"), db.insertTask(2, "Bar chart"),
                db.insertTask(3, "Word counter"));

        dispatch().statusCode(200)
                .body("tasks", equalTo(3)).body("calls", equalTo(12)).body("succeeded", equalTo(12))
                .body("failed", equalTo(0)).body("skipped", equalTo(0));

        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(12);
        wiremock.verify(exactly(3), openAiCalls()
                .withHeader("Authorization", equalTo("Bearer sk-test-openai-KEY-9f8e7d6c5b4a"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-5")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("32000"))));
        wiremock.verify(exactly(3), anthropicCalls()
                .withHeader("x-api-key", equalTo("sk-ant-test-anthropic-KEY-1a2b3c"))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("16000")))
                .withRequestBody(matchingJsonPath("$.system"))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user"))));
        wiremock.verify(exactly(3), postRequestedFor(urlEqualTo("/v1beta/models/gemini-2.5-pro:generateContent"))
                .withHeader("x-goog-api-key", equalTo("AIzaTestGeminiKEY0123456789"))
                .withRequestBody(matchingJsonPath("$.systemInstruction.parts[0].text"))
                .withRequestBody(matchingJsonPath("$.contents[0].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[0].text"))
                .withRequestBody(equalToJson("{\"generationConfig\":{\"maxOutputTokens\":32000}}", true, true)));
        wiremock.verify(exactly(3), deepSeekCalls()
                .withHeader("Authorization", equalTo("Bearer sk-test-deepseek-KEY-42424242"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("deepseek-chat")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("8000"))));

        assertThat(db.count("SELECT count(*) FROM submissions WHERE status = 'succeeded' AND code LIKE '<!DOCTYPE html>%'"))
                .isEqualTo(12);
        assertThat(db.count("SELECT count(*) FROM provider_calls WHERE outcome = 'success' AND attempt = 1 AND billed"))
                .isEqualTo(12);
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'dispatched' AND dispatched_at IS NOT NULL"))
                .isEqualTo(3);

        Map<String, Object> sonnet = db.submission(tasks.get(0), "claude-sonnet-4-5");
        assertThat(sonnet.get("input_tokens")).isEqualTo(1000);
        assertThat(sonnet.get("output_tokens")).isEqualTo(2000);
        // 1000 × $3 + 2000 × $15 per million tokens
        assertThat((BigDecimal) sonnet.get("cost_usd")).isEqualByComparingTo("0.033");
        assertThat(sonnet.get("provider_request_id")).isEqualTo("req-anthropic");
        assertThat(sonnet.get("latency_ms")).isNotNull();
        assertThat(sonnet.get("attempts")).isEqualTo(1);
        assertThat(db.submission(tasks.get(1), "gemini-2.5-pro").get("provider_request_id")).isEqualTo("resp-google");

        // the renderer is nudged with the cron secret
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> wiremock.verify(postRequestedFor(urlEqualTo("/api/render"))
                .withHeader("x-cron-secret", equalTo(CRON))));

        // a second run has nothing left to do
        dispatch().statusCode(200).body("tasks", equalTo(0)).body("calls", equalTo(0));
        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(12);
    }

    @Test
    void fiveConcurrentDispatchesStillMakeExactlyTwelveRequests() throws Exception {
        db.insertTask(1, "Bouncing balls");
        db.insertTask(2, "Bar chart");
        db.insertTask(3, "Word counter");

        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Map<String, Integer>>> runs = new ArrayList<>();
        Callable<Map<String, Integer>> run = () -> dispatch().statusCode(200).extract().jsonPath().getMap("");
        for (int i = 0; i < 5; i++) {
            runs.add(pool.submit(run));
        }
        int succeeded = 0;
        int skipped = 0;
        for (Future<Map<String, Integer>> f : runs) {
            succeeded += f.get().get("succeeded");
            skipped += f.get().get("skipped");
        }
        pool.shutdown();

        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(12);
        assertThat(db.count("SELECT count(*) FROM submissions")).isEqualTo(12);
        assertThat(db.count("SELECT count(*) FROM provider_calls")).isEqualTo(12);
        assertThat(succeeded).isEqualTo(12);
        // runs that started after the first finished see no generated task, the others skip claimed pairs
        assertThat(skipped).isLessThanOrEqualTo(48);
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'dispatched'")).isEqualTo(3);
    }

    @Test
    void anExpiredClaimOfACrashedProcessIsAbandonedAndNeverRequestedAgain() {
        UUID crashed = db.insertTask(1, "Crashed mid-call");
        UUID live = db.insertTask(2, "Held by a live replica");
        UUID gpt5 = db.modelId("gpt-5");
        // what a process killed during its call leaves behind: a claim and an in-flight ledger row
        UUID dead = (UUID) db.rows("""
                INSERT INTO submissions (task_id, model_id, status, claimed_by, claimed_at, lease_until, attempts)
                VALUES (?, ?, 'calling', 'dead-pod', now() - interval '20 minutes', now() - interval '1 minute', 1)
                RETURNING id""", crashed, gpt5).get(0).get("id");
        db.update("INSERT INTO provider_calls (submission_id, provider, api_model, attempt) VALUES (?, 'openai', 'gpt-5', 1)", dead);
        // another replica's claim still within its lease
        db.update("""
                INSERT INTO submissions (task_id, model_id, status, claimed_by, claimed_at, lease_until)
                VALUES (?, ?, 'calling', 'other-pod', now(), now() + interval '10 minutes')""", live, gpt5);

        assertThat(reaper.reap()).isEqualTo(1);

        Map<String, Object> abandoned = db.submission(crashed, "gpt-5");
        assertThat(abandoned.get("status")).isEqualTo("failed");
        assertThat(abandoned.get("error_code")).isEqualTo("abandoned");
        assertThat(db.ledger(crashed, "gpt-5")).singleElement()
                .satisfies(row -> assertThat(row.get("outcome")).isEqualTo("abandoned"));

        dispatch().statusCode(200).body("tasks", equalTo(2)).body("succeeded", equalTo(6)).body("skipped", equalTo(2));

        // neither the abandoned pair nor the live replica's pair was requested by this process
        wiremock.verify(exactly(0), openAiCalls());
        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(6);
        assertThat(db.submission(live, "gpt-5").get("status")).isEqualTo("calling");
        assertThat(db.rows("SELECT status FROM tasks WHERE id = ?", crashed).get(0).get("status")).isEqualTo("dispatched");
        assertThat(db.rows("SELECT status FROM tasks WHERE id = ?", live).get(0).get("status")).isEqualTo("generated");

        // a second reaper pass finds nothing new, and another dispatch still does not call the abandoned pair
        assertThat(reaper.reap()).isZero();
        dispatch().statusCode(200).body("calls", equalTo(0));
        wiremock.verify(exactly(0), openAiCalls());
    }

    @Test
    void aFailedRendererNudgeNeverFailsTheDispatch() {
        wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/render").atPriority(1)
                .willReturn(FakeProviders.status(503)));
        db.insertTask(1, "Bouncing balls");

        dispatch().statusCode(200).body("succeeded", equalTo(4));

        // tried, retried, given up (late nudges of earlier tests may land here too: hence "at least")
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                wiremock.verify(moreThanOrExactly(2), postRequestedFor(urlEqualTo("/api/render"))));
    }

    @Test
    void machineEndpointsNeedTheCronSecret() {
        given().when().post("/api/dispatch").then().statusCode(401);
        given().header("x-cron-secret", "wrong").when().post("/api/dispatch").then().statusCode(401);
        assertThat(FakeProviders.providerRequests(wiremock)).isZero();
    }
}
