package dev.autobench.dispatcher.dispatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.claim.LeaseReaper;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.autobench.dispatcher.support.FakeProviders.anthropic;
import static dev.autobench.dispatcher.support.FakeProviders.forTask;
import static dev.autobench.dispatcher.support.FakeProviders.openAi;
import static dev.autobench.dispatcher.support.FakeProviders.openAiCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Claims and their tokens: a stalled answer is cut at the deadline and never re-sent, an answer that
 * arrives after its claim was reaped is stored unless the pair was re-claimed since, and a retry waiting
 * for a slot of its provider's bulkhead takes its claim only once it runs.
 */
@QuarkusTest
class ClaimTest {

    static final String ADMIN = "Bearer test-admin-token-0123456789";
    static final String PAGE = "```html\\n<p>late but paid for</p>\\n```";

    @InjectWireMock
    WireMockServer wiremock;

    @Inject
    LeaseReaper reaper;

    Db db;

    @BeforeEach
    void arrange() {
        db = Db.readyToDispatch(wiremock, List.of("gpt-5", "claude-sonnet-4-5"), 60);
    }

    @Test
    void headersThenAStallAreCutAtTheDeadlineAndThePairIsNotCalledAgain() {
        db.reset(List.of("gpt-5"), 2);
        UUID task = db.insertTask(1, "Stalled");
        wiremock.stubFor(forTask(openAi(), "Stalled").willReturn(FakeProviders.openAiAnswer(PAGE)
                .withChunkedDribbleDelay(5, 30_000)));

        dispatch().body("failed", equalTo(1)).body("calls", equalTo(1));

        Map<String, Object> pair = db.submission(task, "gpt-5");
        assertThat(pair.get("status")).isEqualTo("failed");
        assertThat(pair.get("error_code")).isEqualTo("timeout");
        assertThat(db.ledger(task, "gpt-5")).singleElement().satisfies(r -> {
            assertThat(r.get("outcome")).isEqualTo("timeout");
            assertThat(r.get("billed")).isNull();
        });
        dispatch().body("calls", equalTo(0));
        assertThat(wiremock.countRequestsMatching(openAiCalls().build()).getCount()).isEqualTo(1);
    }

    @Test
    void aLateAnswerToAReapedClaimIsStoredUnlessThePairWasReclaimedSince() {
        UUID task = db.insertTask(1, "Slow");
        wiremock.stubFor(forTask(openAi(), "Slow").willReturn(FakeProviders.openAiAnswer(PAGE).withFixedDelay(8000)));
        wiremock.stubFor(forTask(anthropic(), "Slow").willReturn(FakeProviders.anthropicAnswer(PAGE).withFixedDelay(8000)));

        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> dispatch());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("SELECT count(*) FROM provider_calls WHERE outcome = 'in_flight'") == 2);
        // both leases run out while the answers are on their way; the reaper gives up on both claims
        db.update("UPDATE submissions SET lease_until = now() - interval '1 second' WHERE task_id = ?", task);
        reaper.reap();
        assertThat(db.submission(task, "gpt-5").get("error_code")).isEqualTo("abandoned");
        // one pair is re-claimed meanwhile (a new token): its stale holder must not complete it
        db.update("""
                UPDATE submissions SET status = 'calling', error_code = NULL, error_message = NULL, finished_at = NULL,
                       claim_token = gen_random_uuid(), lease_until = now() + interval '1 hour'
                WHERE task_id = ? AND model_id = ?""", task, db.modelId("claude-sonnet-4-5"));
        run.join();

        Map<String, Object> late = db.submission(task, "gpt-5");
        assertThat(late.get("status")).as("the paid-for late answer is kept").isEqualTo("succeeded");
        assertThat((String) late.get("code")).contains("late but paid for");
        assertThat(db.ledger(task, "gpt-5")).singleElement().satisfies(r -> assertThat(r.get("outcome")).isEqualTo("success"));
        Map<String, Object> reclaimed = db.submission(task, "claude-sonnet-4-5");
        assertThat(reclaimed.get("status")).as("the re-claim wins over the stale answer").isEqualTo("calling");
        assertThat(reclaimed.get("code")).isNull();
        db.update("UPDATE submissions SET status = 'failed', error_code = 'abandoned', lease_until = NULL WHERE task_id = ?", task);
    }

    @Test
    void aRetryQueuedBehindAFullBulkheadIsClaimedOnlyWhenItRuns() {
        db.reset(List.of("gpt-5"), 60);
        UUID retried = db.insertTask(1, "Limited");
        wiremock.stubFor(forTask(openAi(), "Limited").willReturn(FakeProviders.status(429).withHeader("Retry-After", "0")));
        dispatch().body("failed", equalTo(1));
        assertThat(db.submission(retried, "gpt-5").get("error_code")).isEqualTo("rate_limited");

        // sixteen slow calls fill the provider's bulkhead (16 slots)
        List<UUID> busy = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            busy.add(db.insertTask(10 + i, "Busy " + i));
        }
        wiremock.stubFor(openAi().atPriority(5).willReturn(FakeProviders.openAiAnswer(PAGE).withFixedDelay(5000)));
        wiremock.stubFor(forTask(openAi(), "Limited").willReturn(FakeProviders.openAiAnswer(PAGE)));
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> dispatch());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("SELECT count(*) FROM provider_calls WHERE outcome = 'in_flight'") == 16);

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("taskId", retried.toString(), "model", "gpt-5"))
                .when().post("/api/dispatch/retry").then().statusCode(200).body("status", equalTo("succeeded"));
        run.join();

        Timestamp firstSlotFreed = (Timestamp) db.rows("""
                SELECT min(pc.finished_at) AS t FROM provider_calls pc JOIN submissions s ON s.id = pc.submission_id
                WHERE s.task_id::text = ANY(?)""", (Object) busy.stream().map(UUID::toString).toArray(String[]::new)).get(0).get("t");
        Map<String, Object> pair = db.submission(retried, "gpt-5");
        Map<String, Object> call = db.ledger(retried, "gpt-5").get(3);
        assertThat(call.get("outcome")).isEqualTo("success");
        assertThat(((Timestamp) pair.get("claimed_at")).toInstant())
                .as("claimed by the worker once a slot was free, not before queueing")
                .isAfterOrEqualTo(firstSlotFreed.toInstant());
        assertThat(((Timestamp) call.get("started_at")).toInstant()).isAfterOrEqualTo(firstSlotFreed.toInstant());
    }

    static io.restassured.response.ValidatableResponse dispatch() {
        return given().header("x-cron-secret", DispatchTest.CRON).when().post("/api/dispatch").then().statusCode(200);
    }
}
