package dev.autobench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edges of "exactly once", through the packaged dispatcher (its jar, prod profile, its own database role)
 * against WireMock answering in each provider's real wire format: one scenario per rule. The scenarios share one
 * dispatcher; each has tasks of its own (on a task date of its own, so each has a daily call budget of its own),
 * dispatched by id, and WireMock answers per task title.
 *
 * <p>Dispatch settings of this stack: two attempts per pair, a 5 s cap on provider-asked waits, a 2 s reaper and
 * deferred dispatch, two calls at a time per provider, a circuit that opens on 2 faults of the last 4 calls for
 * 20 s (no provider meets two faults before the circuit scenario). deepseek-chat and gpt-5 time out after 5 s,
 * so their lease is 2 × 5 s + 5 s + 1 s = 16 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExactlyOnceAtTheEdgesE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GPT5_LEASE = Duration.ofSeconds(16);
    private static final LocalDate FIRST_DAY = LocalDate.of(2001, 1, 1);
    private static final String GPT5 = "model=\"gpt-5\"";
    private static final String LENGTH = "finish_reason=\"length\"";
    private static final String OUTPUT = "direction=\"output\"";

    private static AutoBenchStack stack;
    private static WireMockServer wiremock;
    private static int days;

    @BeforeAll
    static void startDispatcher() throws Exception {
        stack = new AutoBenchStack(Map.ofEntries(
                Map.entry("AUTOBENCH_DISPATCH_MAX_ATTEMPTS", "2"),
                Map.entry("AUTOBENCH_DISPATCH_INITIAL_BACKOFF", "200ms"),
                Map.entry("AUTOBENCH_DISPATCH_MAX_BACKOFF", "1s"),
                Map.entry("AUTOBENCH_DISPATCH_RETRY_AFTER_CAP", "5s"),
                Map.entry("AUTOBENCH_DISPATCH_LEASE_MARGIN", "1s"),
                Map.entry("AUTOBENCH_DISPATCH_REAPER_EVERY", "2s"),
                Map.entry("AUTOBENCH_DISPATCH_DEFERRED_EVERY", "2s"),
                Map.entry("AUTOBENCH_DISPATCH_BULKHEAD_PER_PROVIDER", "2"),
                Map.entry("AUTOBENCH_DISPATCH_CIRCUIT_REQUEST_VOLUME_THRESHOLD", "4"),
                Map.entry("AUTOBENCH_DISPATCH_CIRCUIT_FAILURE_RATIO", "0.5"),
                Map.entry("AUTOBENCH_DISPATCH_CIRCUIT_DELAY", "20s"),
                // as in the Deployment: a stopping dispatcher waits for its running dispatch
                Map.entry("QUARKUS_SHUTDOWN_TIMEOUT", "120s")),
                Map.of(), Set.of("dispatcher-service"));
        wiremock = stack.providers.server();
        // through the admin API, as an operator would: short timeouts where a scenario waits for one
        editModel("deepseek-chat", Map.of("timeoutSeconds", 5));
        editModel("gpt-5", Map.of("timeoutSeconds", 5));
        editModel("gemini-2.5-pro", Map.of("timeoutSeconds", 60));
    }

    @AfterAll
    static void stopDispatcher() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void a524AfterTheModelRanIsNotRetriedAndHasItsOwnErrorCode() throws Exception {
        UUID task = insertTask("EOE gateway timeout");
        // Cloudflare in front of OpenAI gives up after its own timeout while the completion runs on
        wiremock.stubFor(forTask(openAi(), "EOE gateway timeout").willReturn(aResponse().withStatus(524)
                .withFixedDelay(1000).withHeader("Content-Type", "text/html; charset=UTF-8")
                .withHeader("cf-ray", "8f1e2d3c4b5a6978-FRA").withHeader("Server", "cloudflare")
                .withBody("<!DOCTYPE html><html><head><title>api.openai.com | 524: A timeout occurred</title></head>"
                        + "<body><h1>A timeout occurred</h1><p>Error code 524</p></body></html>")));

        Response run = dispatch(task);
        assertThat(run.jsonPath().getInt("calls")).isEqualTo(4);
        assertThat(requests(openAiCalls(), "EOE gateway timeout")).isEqualTo(1);
        Map<String, Object> pair = submission(task, "gpt-5");
        assertThat(pair.get("status")).isEqualTo("failed");
        assertThat(pair.get("error_code")).isEqualTo("possibly_processed");
        assertThat(ledger(task, "gpt-5")).singleElement().satisfies(call -> {
            assertThat(call.get("http_status")).isEqualTo(524);
            assertThat(call.get("outcome")).isEqualTo("error");
            assertThat(call.get("billed")).as("the model may have run behind the gateway").isNull();
            assertThat(call.get("request_id")).isEqualTo("8f1e2d3c4b5a6978-FRA");
        });

        // neither a second dispatch nor a retry without force calls it again
        assertThat(dispatch(task).jsonPath().getInt("calls")).isZero();
        Response retry = retry(task, "gpt-5", false);
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.jsonPath().getString("detail")).contains("possibly_processed").contains("force");
        Response withCronSecret = RestAssured.given().header("x-cron-secret", AutoBenchStack.CRON_SECRET)
                .contentType("application/json").body(Map.of("taskId", task.toString(), "model", "gpt-5", "force", true))
                .post(stack.dispatcher.url("/api/dispatch/retry"));
        assertThat(withCronSecret.statusCode()).as("a re-call needs the admin token, not the CronJobs' secret")
                .isEqualTo(401);
        assertThat(requests(openAiCalls(), "EOE gateway timeout")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void a529OverloadedAndAGeminiRateLimitAreRetriedAfterTheDelayTheProviderAsked() throws Exception {
        UUID task = insertTask("EOE overloaded");
        wiremock.stubFor(forTask(anthropic(), "EOE overloaded").inScenario("claude").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                        .withHeader("request-id", "req_011CUz529")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))
                .willSetStateTo("answered"));
        wiremock.stubFor(forTask(anthropic(), "EOE overloaded").inScenario("claude").whenScenarioStateIs("answered")
                .willReturn(json(anthropicAnswer(page("after an overload")))));
        wiremock.stubFor(forTask(gemini(), "EOE overloaded").inScenario("gemini").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody("""
                                {"error":{"code":429,"message":"You exceeded your current quota, please check your plan \
                                and billing details.","status":"RESOURCE_EXHAUSTED","details":[\
                                {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":\
                                "generativelanguage.googleapis.com/generate_content_paid_tier_input_token_count",\
                                "quotaId":"GenerateContentPaidTierInputTokensPerModelPerMinute"}]},\
                                {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3s"}]}}"""))
                .willSetStateTo("answered"));
        wiremock.stubFor(forTask(gemini(), "EOE overloaded").inScenario("gemini").whenScenarioStateIs("answered")
                .willReturn(json(geminiAnswer(page("after a rate limit"), "STOP", 400, 900))));

        Response run = dispatch(task);
        assertThat(run.jsonPath().getInt("succeeded")).isEqualTo(4);
        assertThat(run.jsonPath().getInt("calls")).isEqualTo(6);

        assertThat(submission(task, "claude-sonnet-4-5").get("status")).isEqualTo("succeeded");
        List<Map<String, Object>> claude = ledger(task, "claude-sonnet-4-5");
        assertThat(claude).extracting(r -> r.get("outcome")).containsExactly("retryable_error", "success");
        assertThat(claude.get(0).get("http_status")).isEqualTo(529);
        assertThat(claude.get(0).get("billed")).as("the provider refused the work").isEqualTo(false);
        assertThat(requests(anthropicCalls(), "EOE overloaded")).isEqualTo(2);

        assertThat(submission(task, "gemini-2.5-pro").get("status")).isEqualTo("succeeded");
        List<Map<String, Object>> google = ledger(task, "gemini-2.5-pro");
        assertThat(google).extracting(r -> r.get("outcome")).containsExactly("retryable_error", "success");
        Duration waited = Duration.between(((Timestamp) google.get(0).get("finished_at")).toInstant(),
                ((Timestamp) google.get(1).get("started_at")).toInstant());
        assertThat(waited).as("the RetryInfo delay in Gemini's body (3s), not the 200 ms backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(requests(geminiCalls(), "EOE overloaded")).isEqualTo(2);
    }

    @Test
    @Order(3)
    void aServerThatSendsHeadersThenStallsIsCutAtTheDeadlineAndNotCalledAgain() throws Exception {
        UUID task = insertTask("EOE stalled body");
        // the status line and headers at once, then the body a few bytes at a time over a minute
        wiremock.stubFor(forTask(deepSeek(), "EOE stalled body").willReturn(json(openAiAnswer("deepseek-chat",
                page("too late"), "stop", 500, 900)).withChunkedDribbleDelay(20, 60_000)));

        long start = System.nanoTime();
        Response run = dispatch(task);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(run.jsonPath().getInt("calls")).isEqualTo(4);
        assertThat(took).as("the dispatch did not wait for the dribbling body").isLessThan(Duration.ofSeconds(55));

        Map<String, Object> pair = submission(task, "deepseek-chat");
        assertThat(pair.get("status")).isEqualTo("failed");
        assertThat(pair.get("error_code")).isEqualTo("timeout");
        assertThat(ledger(task, "deepseek-chat")).singleElement().satisfies(call -> {
            assertThat(call.get("outcome")).isEqualTo("timeout");
            assertThat(call.get("billed")).isNull();
            assertThat((Integer) call.get("latency_ms")).as("cut at the model's 5 s deadline, long before the body ends")
                    .isBetween(4_500, 40_000);
        });
        assertThat(dispatch(task).jsonPath().getInt("calls")).isZero();
        assertThat(requests(deepSeekCalls("deepseek-chat"), "EOE stalled body")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void anEmptyBilledAnswerHasItsTokensAndCostInTheLedgerAndTheMetrics() throws Exception {
        UUID task = insertTask("EOE thinking only");
        // a reasoning model that spent its whole output budget thinking: 200, no text, finish_reason length
        wiremock.stubFor(forTask(openAi(), "EOE thinking only").willReturn(json(openAiAnswer("gpt-5", "", "length",
                900, 32_000))));
        double answersBefore = E2eSupport.metric(stack.dispatcher, "autobench_llm_answers_total", LENGTH, GPT5);
        double costBefore = E2eSupport.metric(stack.dispatcher, "autobench_llm_cost_usd_total", GPT5);
        double outputBefore = E2eSupport.metric(stack.dispatcher, "autobench_llm_tokens_total", OUTPUT, GPT5);

        dispatch(task);

        Map<String, Object> pair = submission(task, "gpt-5");
        assertThat(pair.get("status")).isEqualTo("failed");
        assertThat(pair.get("error_code")).as("cut off at the token limit").isEqualTo("truncated");
        BigDecimal price = new BigDecimal("0.321125"); // 900 × $1.25 + 32,000 × $10 per million
        assertThat((BigDecimal) pair.get("cost_usd")).isEqualByComparingTo(price);
        assertThat(ledger(task, "gpt-5")).singleElement().satisfies(call -> {
            assertThat(call.get("billed")).isEqualTo(true);
            assertThat(call.get("input_tokens")).isEqualTo(900);
            assertThat(call.get("output_tokens")).isEqualTo(32_000);
            assertThat(call.get("finish_reason")).isEqualTo("length");
            assertThat((BigDecimal) call.get("cost_usd")).isEqualByComparingTo(price);
        });
        assertThat(E2eSupport.metric(stack.dispatcher, "autobench_llm_answers_total", LENGTH, GPT5)).isEqualTo(answersBefore + 1);
        assertThat(E2eSupport.metric(stack.dispatcher, "autobench_llm_tokens_total", OUTPUT, GPT5)).isEqualTo(outputBefore + 32_000);
        assertThat(E2eSupport.metric(stack.dispatcher, "autobench_llm_cost_usd_total", GPT5) - costBefore)
                .isCloseTo(0.321125, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(requests(openAiCalls(), "EOE thinking only")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aRetryQueuedBehindAFullBulkheadNeverCallsAfterItsLease() throws Exception {
        UUID retried = insertTask("EOE limited");
        wiremock.stubFor(forTask(openAi(), "EOE limited").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after-ms", "50")
                .withHeader("x-ratelimit-remaining-requests", "0")
                .withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-5 on requests per min (RPM): Limit 500, "
                        + "Used 500, Requested 1.\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")));
        dispatch(retried);
        assertThat(submission(retried, "gpt-5").get("error_code")).isEqualTo("rate_limited");
        assertThat(requests(openAiCalls(), "EOE limited")).isEqualTo(2);
        wiremock.stubFor(forTask(openAi(), "EOE limited").willReturn(json(openAiAnswer("gpt-5",
                page("retried on purpose"), "stop", 500, 900))));

        // gpt-5-mini (seeded inactive; switched on here with a 120 s timeout) fills both slots of OpenAI's bulkhead
        // for 40 s, far longer than gpt-5's lease
        editModel("gpt-5-mini", Map.of("active", true, "timeoutSeconds", 120));
        try {
            List<UUID> busy = List.of(insertTask("EOE busy one"), insertTask("EOE busy two"));
            for (String title : List.of("EOE busy one", "EOE busy two")) {
                wiremock.stubFor(forTask(openAi(), title).atPriority(2)
                        .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-5-mini")))
                        .willReturn(json(openAiAnswer("gpt-5-mini", page("slow thinker"), "stop", 500, 900))
                                .withFixedDelay(40_000)));
            }
            CompletableFuture<Response> busyRun = CompletableFuture.supplyAsync(() -> dispatch(busy.toArray(UUID[]::new)));
            await().atMost(Duration.ofMinutes(2)).until(() -> stack.count("""
                    SELECT count(*) FROM provider_calls WHERE outcome = 'in_flight' AND api_model = 'gpt-5-mini'""")
                    == 2);

            Instant asked = dbNow();
            Response retry = retry(retried, "gpt-5", false);
            assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(200);
            assertThat(retry.jsonPath().getString("status")).isEqualTo("succeeded");
            busyRun.join();

            Instant firstSlotFreed = ((Timestamp) stack.rows("""
                    SELECT min(finished_at) AS t FROM provider_calls WHERE api_model = 'gpt-5-mini'""")
                    .get(0).get("t")).toInstant();
            Map<String, Object> pair = submission(retried, "gpt-5");
            Instant claimed = ((Timestamp) pair.get("claimed_at")).toInstant();
            assertThat(Duration.between(asked, claimed)).as("waited in the queue longer than a lease lasts")
                    .isGreaterThan(GPT5_LEASE);
            assertThat(claimed).as("claimed by the worker once a slot was free, not before queueing")
                    .isAfterOrEqualTo(firstSlotFreed);
            List<Map<String, Object>> calls = ledger(retried, "gpt-5");
            assertThat(calls).extracting(r -> r.get("outcome")).containsExactly("retryable_error", "retryable_error", "success");
            Instant sent = ((Timestamp) calls.get(2).get("started_at")).toInstant();
            assertThat(Duration.between(claimed, sent)).as("sent within its lease").isLessThan(GPT5_LEASE);
            assertThat(pair.get("status")).isEqualTo("succeeded");
            assertThat(requests(openAiCalls(), "EOE limited")).isEqualTo(3);
        } finally {
            editModel("gpt-5-mini", Map.of("active", false));
        }
    }

    @Test
    @Order(6)
    void aLateAnswerToAReapedClaimNobodyReclaimedIsStored() throws Exception {
        UUID task = insertTask("EOE late answer");
        wiremock.stubFor(forTask(gemini(), "EOE late answer").willReturn(json(geminiAnswer(page("late but paid for"),
                "STOP", 400, 900)).withFixedDelay(30_000)));

        CompletableFuture<Response> run = CompletableFuture.supplyAsync(() -> dispatch(task));
        await().atMost(Duration.ofMinutes(2)).until(() -> !ledger(task, "gemini-2.5-pro").isEmpty());
        // the claim's lease runs out while the answer is on its way (as when the dispatcher stalled): the reaper
        // gives up on it, and nobody claims the pair again
        try (Connection c = stack.db(); PreparedStatement st = c.prepareStatement("""
                UPDATE submissions SET lease_until = now() - interval '1 second'
                WHERE task_id = ? AND status = 'calling' AND model_id = (SELECT id FROM models WHERE slug = 'gemini-2.5-pro')""")) {
            st.setObject(1, task);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(25)).until(() -> "abandoned".equals(submission(task, "gemini-2.5-pro").get("error_code")));
        assertThat(run.isDone()).as("the answer is still on its way").isFalse();
        run.join();

        Map<String, Object> pair = submission(task, "gemini-2.5-pro");
        assertThat(pair.get("status")).as("the paid-for late answer is kept").isEqualTo("succeeded");
        assertThat((String) pair.get("code")).contains("late but paid for");
        assertThat(ledger(task, "gemini-2.5-pro")).singleElement().satisfies(call -> {
            assertThat(call.get("outcome")).isEqualTo("success");
            assertThat(call.get("billed")).isEqualTo(true);
            assertThat(call.get("output_tokens")).isEqualTo(900);
        });
        assertThat(requests(geminiCalls(), "EOE late answer")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void anOpenCircuitLeavesThePairToALaterAutomaticDispatchWithOneRequestInTotal() throws Exception {
        // two calls (at once: Google's bulkhead has two slots) fail in a way that says Google is unhealthy: with two
        // faults among its last four calls its circuit opens for 20 s
        List<UUID> trippers = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String title = "EOE tripper " + i;
            trippers.add(insertTask(title));
            wiremock.stubFor(forTask(gemini(), title).willReturn(aResponse().withStatus(500)
                    .withHeader("Content-Type", "application/json; charset=UTF-8")
                    .withBody("{\"error\":{\"code\":500,\"message\":\"An internal error has occurred. Please retry or "
                            + "report in https://developers.generativeai.google/guide/troubleshooting\",\"status\":\"INTERNAL\"}}")));
        }
        dispatch(trippers.toArray(UUID[]::new));
        assertThat(E2eSupport.metric(stack.dispatcher, "autobench_provider_circuit_state", "provider=\"google\"")).as("open")
                .isEqualTo(1.0);

        UUID task = insertTask("EOE circuit open");
        wiremock.stubFor(forTask(gemini(), "EOE circuit open").willReturn(json(geminiAnswer(page("after the outage"),
                "STOP", 400, 900))));
        Response run = dispatch(task);
        assertThat(run.jsonPath().getInt("deferred")).isEqualTo(1);
        assertThat(run.jsonPath().getInt("calls")).isEqualTo(3);
        assertThat(requests(geminiCalls(), "EOE circuit open")).as("nothing sent while open").isZero();
        assertThat(submission(task, "gemini-2.5-pro").get("status")).as("given back, not failed").isEqualTo("queued");
        assertThat(ledger(task, "gemini-2.5-pro")).isEmpty();

        // no one calls the dispatcher again: its own deferred dispatch calls the pair once the circuit lets calls through
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "succeeded".equals(submission(task, "gemini-2.5-pro").get("status")));
        assertThat(requests(geminiCalls(), "EOE circuit open")).as("one request in total").isEqualTo(1);
        assertThat(ledger(task, "gemini-2.5-pro")).singleElement()
                .satisfies(call -> assertThat(call.get("outcome")).isEqualTo("success"));
        await().atMost(Duration.ofMinutes(1)).until(() ->
                "dispatched".equals(stack.rows("SELECT status FROM tasks WHERE id = '" + task + "'").get(0).get("status")));
        for (int i = 1; i <= 2; i++) {
            assertThat(requests(geminiCalls(), "EOE tripper " + i)).as("a possibly processed failure is not re-sent")
                    .isEqualTo(1);
        }
    }

    @Test
    @Order(8)
    void aDispatcherAskedToStopClaimsNothingNewAndStoresTheCallsInFlight() throws Exception {
        List<String> titles = List.of("EOE stopping one", "EOE stopping two", "EOE stopping three");
        List<UUID> tasks = new ArrayList<>();
        for (String title : titles) {
            tasks.add(insertTask(title));
            wiremock.stubFor(forTask(anthropic(), title).willReturn(json(anthropicAnswer(page("finished while stopping")))
                    .withFixedDelay(15_000)));
        }
        // Anthropic's bulkhead has two slots: two of the three pairs are in flight, the third waits for a slot, unclaimed
        CompletableFuture<Response> run = CompletableFuture.supplyAsync(() -> dispatch(tasks.toArray(UUID[]::new)));
        await().atMost(Duration.ofMinutes(2)).until(() -> stack.count(
                "SELECT count(*) FROM provider_calls WHERE outcome = 'in_flight' AND provider = 'anthropic'") == 2);

        int exit = stack.dispatcher.terminate(Duration.ofMinutes(3));
        assertThat(exit).as("stopped by its SIGTERM, not killed").isIn(0, 143);

        Response summary = run.join();
        // each provider's bulkhead holds two pairs: a third waiting for a slot when the stop came was not claimed
        int unclaimed = 0;
        int answered = 0;
        for (int i = 0; i < tasks.size(); i++) {
            for (String slug : List.of("gpt-5", "claude-sonnet-4-5", "gemini-2.5-pro", "deepseek-chat")) {
                Map<String, Object> pair = submission(tasks.get(i), slug);
                if (pair.isEmpty()) {
                    unclaimed++;
                    assertThat(ledger(tasks.get(i), slug)).as("never sent").isEmpty();
                } else {
                    answered++;
                    assertThat(pair.get("status")).as(slug).isEqualTo("succeeded");
                    assertThat(ledger(tasks.get(i), slug)).singleElement()
                            .satisfies(call -> assertThat(call.get("outcome")).isEqualTo("success"));
                }
            }
            String claude = titles.get(i);
            assertThat(requests(anthropicCalls(), claude)).isEqualTo(submission(tasks.get(i), "claude-sonnet-4-5").isEmpty() ? 0 : 1);
        }
        assertThat(stack.count("SELECT count(*) FROM submissions s JOIN models m ON m.id = s.model_id WHERE "
                + "m.slug = 'claude-sonnet-4-5' AND s.status = 'succeeded' AND s.task_id IN ('" + tasks.get(0) + "', '"
                + tasks.get(1) + "', '" + tasks.get(2) + "')")).as("the two calls in flight finished and were stored")
                .isEqualTo(2);
        assertThat(summary.jsonPath().getInt("skipped")).as("left for the next dispatch").isEqualTo(unclaimed)
                .isPositive();
        assertThat(summary.jsonPath().getInt("succeeded")).isEqualTo(answered);
        assertThat(summary.jsonPath().getInt("calls")).isEqualTo(answered);
    }

    // ---- the dispatcher's API, as the CronJob and an operator call it

    private static Response dispatch(UUID... taskIds) {
        Response response = RestAssured.given().header("x-cron-secret", AutoBenchStack.CRON_SECRET)
                .contentType("application/json").body(Map.of("taskIds", List.of(taskIds)))
                .post(stack.dispatcher.url("/api/dispatch"));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response;
    }

    private static Response retry(UUID task, String model, boolean force) {
        return RestAssured.given().header("Authorization", "Bearer " + AutoBenchStack.ADMIN_TOKEN)
                .contentType("application/json").body(Map.of("taskId", task.toString(), "model", model, "force", force))
                .post(stack.dispatcher.url("/api/dispatch/retry"));
    }

    /** Changes some fields of a model through {@code PUT /api/models/{slug}}, keeping the others. */
    private static void editModel(String slug, Map<String, Object> changes) throws Exception {
        JsonNode models = JSON.readTree(RestAssured.get(stack.dispatcher.url("/api/models")).asString());
        for (JsonNode model : models) {
            if (model.path("slug").asText().equals(slug)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = JSON.convertValue(model, Map.class);
                body.putAll(changes);
                RestAssured.given().header("Authorization", "Bearer " + AutoBenchStack.ADMIN_TOKEN)
                        .contentType("application/json").body(body).put(stack.dispatcher.url("/api/models/" + slug))
                        .then().statusCode(200);
                return;
            }
        }
        throw new IllegalStateException("no model " + slug);
    }

    // ---- the database, read and arranged as the owner

    /** A generated task of its own date (slot 1), so every scenario has a daily call budget of its own. */
    private static UUID insertTask(String title) throws Exception {
        String prompt = "You are taking part in AutoBench.\n\n# Task: " + title + "\nCategory: widget · Difficulty: easy\n\n"
                + "Build " + title + " as one HTML page.";
        try (Connection c = stack.db(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO tasks (task_date, slot, title, category, spec, status, generated_at)
                VALUES (?, 1, ?, 'widget', jsonb_build_object('title', ?::text, 'prompt', ?::text), 'generated', now())
                RETURNING id""")) {
            st.setObject(1, FIRST_DAY.plusDays(days++));
            st.setString(2, title);
            st.setString(3, title);
            st.setString(4, prompt);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static Map<String, Object> submission(UUID task, String slug) throws Exception {
        List<Map<String, Object>> rows = stack.rows("SELECT s.* FROM submissions s JOIN models m ON m.id = s.model_id "
                + "WHERE s.task_id = '" + task + "' AND m.slug = '" + slug + "'");
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private static List<Map<String, Object>> ledger(UUID task, String slug) throws Exception {
        return stack.rows("SELECT pc.* FROM provider_calls pc JOIN submissions s ON s.id = pc.submission_id "
                + "JOIN models m ON m.id = s.model_id WHERE s.task_id = '" + task + "' AND m.slug = '" + slug
                + "' ORDER BY pc.attempt");
    }

    private static Instant dbNow() throws Exception {
        return ((Timestamp) stack.rows("SELECT now() AS t").get(0).get("t")).toInstant();
    }

    // ---- the providers, each in its own wire format

    private static MappingBuilder openAi() {
        return post(urlPathEqualTo("/v1/chat/completions"));
    }

    private static MappingBuilder anthropic() {
        return post(urlPathEqualTo("/v1/messages"));
    }

    private static MappingBuilder gemini() {
        return post(urlPathMatching("/v1beta/models/[^/]+:generateContent"));
    }

    private static MappingBuilder deepSeek() {
        return post(urlPathEqualTo("/chat/completions"));
    }

    private static RequestPatternBuilder openAiCalls() {
        return postRequestedFor(urlPathEqualTo("/v1/chat/completions"));
    }

    private static RequestPatternBuilder anthropicCalls() {
        return postRequestedFor(urlPathEqualTo("/v1/messages"));
    }

    private static RequestPatternBuilder geminiCalls() {
        return postRequestedFor(urlPathMatching("/v1beta/models/[^/]+:generateContent"));
    }

    private static RequestPatternBuilder deepSeekCalls(String model) {
        return postRequestedFor(urlPathEqualTo("/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }

    /** One (task, provider) pair's own answer: ahead of the providers' default answers. */
    private static MappingBuilder forTask(MappingBuilder provider, String title) {
        return provider.atPriority(1).withRequestBody(containing(title));
    }

    private static int requests(RequestPatternBuilder calls, String title) {
        return wiremock.findAll(calls.withRequestBody(containing(title))).size();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String page(String label) {
        return "Here it is.\n\n```html\n<!DOCTYPE html><html><body><h1>" + label + "</h1></body></html>\n```\n";
    }

    private static String openAiAnswer(String model, String content, String finishReason, int in, int out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-eoe").put("object", "chat.completion").put("created", 1764300000).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", content);
        ObjectNode usage = root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out)
                .put("total_tokens", in + out);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", content.isEmpty() ? out : 0);
        return root.toString();
    }

    private static String anthropicAnswer(String text) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_eoe").put("type", "message").put("role", "assistant").put("model", "claude-sonnet-4-5")
                .put("stop_reason", "end_turn");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.putObject("usage").put("input_tokens", 430).put("output_tokens", 880);
        return root.toString();
    }

    private static String geminiAnswer(String text, String finishReason, int in, int out) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        candidate.put("finishReason", finishReason).put("index", 0);
        ObjectNode content = candidate.putObject("content");
        content.put("role", "model");
        content.putArray("parts").addObject().put("text", text);
        root.putObject("usageMetadata").put("promptTokenCount", in).put("candidatesTokenCount", out)
                .put("totalTokenCount", in + out);
        root.put("modelVersion", "gemini-2.5-pro");
        return root.toString();
    }
}
