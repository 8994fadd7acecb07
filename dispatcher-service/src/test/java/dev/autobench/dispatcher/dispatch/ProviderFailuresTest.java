package dev.autobench.dispatcher.dispatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.autobench.dispatcher.support.FakeProviders.anthropic;
import static dev.autobench.dispatcher.support.FakeProviders.deepSeek;
import static dev.autobench.dispatcher.support.FakeProviders.forTask;
import static dev.autobench.dispatcher.support.FakeProviders.google;
import static dev.autobench.dispatcher.support.FakeProviders.openAi;
import static dev.autobench.dispatcher.support.FakeProviders.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every way a provider can fail, each on one (task, model) pair while all the others succeed: each ends
 * in the right terminal state, with the right number of ledger rows, and only unbilled failures retried.
 */
@QuarkusTest
class ProviderFailuresTest {

    static final List<String> KEYS = List.of("sk-test-openai-KEY-9f8e7d6c5b4a", "sk-ant-test-anthropic-KEY-1a2b3c",
            "AIzaTestGeminiKEY0123456789", "sk-test-deepseek-KEY-42424242");

    @InjectWireMock
    WireMockServer wiremock;

    Db db;
    UUID t1;
    UUID t2;
    UUID t3;
    UUID t4;

    @BeforeEach
    void arrange() {
        db = Db.readyToDispatch(wiremock, Db.FOUR_MODELS, 5);
        t1 = db.insertTask(1, "Task One");
        t2 = db.insertTask(2, "Task Two");
        t3 = db.insertTask(3, "Task Three");
        t4 = db.insertTask(4, "Task Four");
    }

    @Test
    void eachFailureEndsInItsTerminalStateWhileTheOthersSucceed() throws Exception {
        db.update("UPDATE models SET timeout_seconds = 2 WHERE slug = 'claude-sonnet-4-5'");
        // OpenAI: 429 + Retry-After then success; Cloudflare's 524 after the model ran; connection reset; 401 echoing the key
        wiremock.stubFor(forTask(openAi(), "Task One").inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(429).withHeader("Retry-After", "1")).willSetStateTo("cleared"));
        wiremock.stubFor(forTask(openAi(), "Task One").inScenario("rate").whenScenarioStateIs("cleared")
                .willReturn(FakeProviders.openAiAnswer("```html\\n<p>after the wait</p>\\n```")));
        wiremock.stubFor(forTask(openAi(), "Task Two").willReturn(aResponse().withStatus(524)
                .withHeader("Content-Type", "text/html").withBody("<html><title>api.openai.com | 524: A timeout occurred"
                        + "</title></html>")));
        wiremock.stubFor(forTask(openAi(), "Task Three").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wiremock.stubFor(forTask(openAi(), "Task Four").willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEYS.get(0) + "\"}}")));
        // Anthropic: 529 overloaded always; a hang past the model's 2 s timeout
        wiremock.stubFor(forTask(anthropic(), "Task One").willReturn(status(529)));
        wiremock.stubFor(forTask(anthropic(), "Task Two").willReturn(
                FakeProviders.anthropicAnswer("```html\\n<p>too late</p>\\n```").withFixedDelay(5000)));
        // Google: malformed JSON; empty content
        wiremock.stubFor(forTask(google(), "Task One").willReturn(okJson("{\"candidates\": [ {\"content\": ")));
        // a reasoning model that spent its whole budget thinking: no text, but every token billed
        wiremock.stubFor(forTask(google(), "Task Two").willReturn(okJson("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":""}]},"finishReason":"MAX_TOKENS"}],
                 "usageMetadata":{"promptTokenCount":900,"candidatesTokenCount":0,"thoughtsTokenCount":31900}}""")));
        // DeepSeek: prose without code; 429 on every attempt
        wiremock.stubFor(forTask(deepSeek(), "Task One").willReturn(
                FakeProviders.openAiAnswer("I would use a canvas and a loop, but here is no code.")));
        wiremock.stubFor(forTask(deepSeek(), "Task Two").willReturn(status(429).withHeader("Retry-After", "0")));

        given().header("x-cron-secret", DispatchTest.CRON).when().post("/api/dispatch").then().statusCode(200)
                .body("tasks", equalTo(4)).body("succeeded", equalTo(7)).body("failed", equalTo(9))
                .body("calls", equalTo(21));

        assertFinal(t1, "gpt-5", "succeeded", null, "retryable_error", "success");
        List<Map<String, Object>> rate = db.ledger(t1, "gpt-5");
        assertThat(rate.get(0).get("http_status")).isEqualTo(429);
        assertThat(rate.get(0).get("billed")).isEqualTo(false);
        Duration waited = Duration.between(((Timestamp) rate.get(0).get("finished_at")).toInstant(),
                ((Timestamp) rate.get(1).get("started_at")).toInstant());
        assertThat(waited).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofMillis(900));

        assertFinal(t2, "gpt-5", "failed", "possibly_processed", "error");
        assertThat(db.ledger(t2, "gpt-5").get(0).get("http_status")).isEqualTo(524);
        assertThat(db.ledger(t2, "gpt-5").get(0).get("billed")).as("the model may have run behind the gateway").isNull();
        assertFinal(t3, "gpt-5", "failed", "possibly_processed", "error");
        assertThat(db.ledger(t3, "gpt-5").get(0).get("billed")).as("a reset after sending may be billed").isNull();
        assertFinal(t4, "gpt-5", "failed", "unauthorized", "error");

        assertFinal(t1, "claude-sonnet-4-5", "failed", "provider_error", "retryable_error", "retryable_error", "retryable_error");
        assertThat(db.ledger(t1, "claude-sonnet-4-5")).allSatisfy(r -> assertThat(r.get("http_status")).isEqualTo(529));
        assertFinal(t2, "claude-sonnet-4-5", "failed", "timeout", "timeout");
        assertFinal(t3, "claude-sonnet-4-5", "succeeded", null, "success");

        assertFinal(t1, "gemini-2.5-pro", "failed", "invalid_response", "error");
        assertThat(db.ledger(t1, "gemini-2.5-pro").get(0).get("billed")).isEqualTo(true);
        assertFinal(t2, "gemini-2.5-pro", "failed", "truncated", "error");
        Map<String, Object> thought = db.submission(t2, "gemini-2.5-pro");
        assertThat(thought.get("input_tokens")).isEqualTo(900);
        assertThat(thought.get("output_tokens")).isEqualTo(31900);
        assertThat(thought.get("cost_usd").toString()).as("900 × $1.25 + 31,900 × $10 per million").isEqualTo("0.320125");
        assertThat(db.ledger(t2, "gemini-2.5-pro")).singleElement().satisfies(r -> {
            assertThat(r.get("billed")).isEqualTo(true);
            assertThat(r.get("output_tokens")).isEqualTo(31900);
            assertThat(r.get("finish_reason")).isEqualTo("max_tokens");
            assertThat(r.get("cost_usd").toString()).as("the ledger alone sums the day's spend").isEqualTo("0.320125");
        });
        assertThat(db.ledger(t1, "gemini-2.5-pro").get(0).get("cost_usd")).as("an unparsable answer is billed too")
                .isNotNull();
        assertThat(db.ledger(t1, "deepseek-chat").get(0).get("cost_usd")).as("a complete answer's price").isNotNull();
        assertThat(db.ledger(t2, "gpt-5").get(0).get("cost_usd")).as("a 524's bill is unknown").isNull();

        assertFinal(t1, "deepseek-chat", "failed", "no_code", "success");
        Map<String, Object> prose = db.submission(t1, "deepseek-chat");
        assertThat((String) prose.get("answer")).contains("here is no code");
        assertThat(prose.get("output_tokens")).isEqualTo(2000);
        assertFinal(t2, "deepseek-chat", "failed", "rate_limited", "retryable_error", "retryable_error", "retryable_error");

        for (UUID task : List.of(t3, t4)) {
            for (String slug : List.of("claude-sonnet-4-5", "gemini-2.5-pro", "deepseek-chat")) {
                if (!(task.equals(t3) && slug.equals("claude-sonnet-4-5"))) {
                    assertFinal(task, slug, "succeeded", null, "success");
                }
            }
        }
        assertThat(db.count("SELECT count(*) FROM provider_calls WHERE outcome = 'in_flight' OR finished_at IS NULL")).isZero();
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'dispatched'")).isEqualTo(4);

        // nothing is retried by a second run: every pair is terminal
        int before = FakeProviders.providerRequests(wiremock);
        given().header("x-cron-secret", DispatchTest.CRON).when().post("/api/dispatch").then().statusCode(200)
                .body("calls", equalTo(0));
        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(before);

        // the keys appear nowhere: not in stored errors, not in the ledger, not in metrics, not in the logs
        String stored = db.rows("SELECT string_agg(coalesce(error_message, ''), ' ') AS e FROM submissions").get(0).get("e")
                + " " + db.rows("SELECT string_agg(coalesce(error, ''), ' ') AS e FROM provider_calls").get(0).get("e");
        assertThat(stored).contains("[redacted]");
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern(
                "autobench_llm_answers_total\\{finish_reason=\"max_tokens\",model=\"gemini-2.5-pro\"[^}]*\\} 1.0");
        String logs = Files.readString(Path.of("target/dispatcher-tests.log"));
        for (String key : KEYS) {
            assertThat(stored).doesNotContain(key);
            assertThat(metrics).doesNotContain(key);
            assertThat(logs).doesNotContain(key);
        }
    }

    @Test
    void metricsUseTheAgreedNames() {
        given().header("x-cron-secret", DispatchTest.CRON).when().post("/api/dispatch").then().statusCode(200)
                .body("succeeded", equalTo(16));

        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("autobench_llm_calls_total\\{[^}]*model=\"gpt-5\"[^}]*outcome=\"success\"[^}]*provider=\"openai\"")
                .containsPattern("autobench_llm_call_duration_seconds_bucket\\{[^}]*model=\"claude-sonnet-4-5\"")
                .containsPattern("autobench_llm_tokens_total\\{direction=\"input\",model=\"gemini-2.5-pro\"")
                .containsPattern("autobench_llm_cost_usd_total\\{model=\"deepseek-chat\",provider=\"deepseek\"")
                .containsPattern("autobench_provider_circuit_state\\{provider=\"openai\"[^}]*\\} 0.0")
                .containsPattern("autobench_submissions\\{[^}]*status=\"succeeded\",?\\} 16.0")
                .containsPattern("autobench_tasks_today\\{[^}]*status=\"dispatched\",?\\} 4.0")
                .containsPattern("autobench_dispatch_runs_total\\{outcome=\"completed\"");
    }

    private void assertFinal(UUID task, String slug, String status, String errorCode, String... ledgerOutcomes) {
        Map<String, Object> s = db.submission(task, slug);
        assertThat(s.get("status")).as(slug + " status").isEqualTo(status);
        assertThat(s.get("error_code")).as(slug + " error").isEqualTo(errorCode);
        assertThat(s.get("attempts")).as(slug + " attempts").isEqualTo(ledgerOutcomes.length);
        assertThat(db.ledger(task, slug)).extracting(r -> (String) r.get("outcome")).as(slug + " ledger")
                .containsExactly(ledgerOutcomes);
    }
}
