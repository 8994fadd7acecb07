package dev.autobench.dispatcher;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import dev.autobench.testsupport.PostgresTestResource;
import dev.autobench.testsupport.ReadinessAndMetrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.autobench.dispatcher.support.FakeProviders.anthropicCalls;
import static dev.autobench.dispatcher.support.FakeProviders.deepSeekCalls;
import static dev.autobench.dispatcher.support.FakeProviders.googleCalls;
import static dev.autobench.dispatcher.support.FakeProviders.openAiCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The built executable (the native one under {@code -Dnative}), started in the prod profile against the test
 * support's PostgreSQL as the dispatcher's own role and WireMock as the four providers: health, metrics, and one
 * task dispatched to a model of each provider in its own wire format, stored with tokens and cost.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = NativeDispatcherIT.ProdSettings.class, restrictToAnnotatedClass = true)
class NativeDispatcherIT {

    static final String SECRET = "native-it-cron-secret-0123456789";

    /** What the prod profile needs from its deployment: a long cron secret and the providers' keys. */
    public static class ProdSettings implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("autobench.cron-secret", SECRET,
                    "openai.api-key", "sk-native-openai-KEY-0011",
                    "anthropic.api-key", "sk-ant-native-anthropic-KEY-0022",
                    "gemini.api-key", "AIzaNativeGeminiKEY0033",
                    "deepseek.api-key", "sk-native-deepseek-KEY-0044");
        }

        @Override
        public void stop() {
        }
    }

    @InjectWireMock
    WireMockServer wiremock;

    @Test
    void isHealthyAndServesPrometheusMetrics() {
        // the health endpoints are not timed: a request of the API is
        given().when().get("/api/no-such-endpoint").then().statusCode(404);
        ReadinessAndMetrics.assertReadyAndPublishingMetrics("dispatcher-service", "http_server_requests_seconds_bucket");
    }

    @Test
    void refusesACallWithoutTheCronSecretWithAProblem() {
        given().when().post("/api/dispatch").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void dispatchesATaskToEachProviderInItsWireFormatAndStoresTheAnswers() {
        Db db = new Db(PostgresTestResource.ownerDataSource());
        db.reset(Db.FOUR_MODELS, 60);
        wiremock.resetAll();
        FakeProviders.stubAllSucceed(wiremock);
        UUID task = db.insertTask(1, "Bouncing balls");

        given().header("x-cron-secret", SECRET).when().post("/api/dispatch").then().statusCode(200)
                .body("tasks", org.hamcrest.Matchers.equalTo(1)).body("calls", org.hamcrest.Matchers.equalTo(4))
                .body("succeeded", org.hamcrest.Matchers.equalTo(4)).body("failed", org.hamcrest.Matchers.equalTo(0));

        wiremock.verify(exactly(1), openAiCalls()
                .withHeader("Authorization", equalTo("Bearer sk-native-openai-KEY-0011"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-5")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user"))));
        wiremock.verify(exactly(1), anthropicCalls()
                .withHeader("x-api-key", equalTo("sk-ant-native-anthropic-KEY-0022"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5"))));
        wiremock.verify(exactly(1), googleCalls()
                .withHeader("x-goog-api-key", equalTo("AIzaNativeGeminiKEY0033"))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[0].text")));
        wiremock.verify(exactly(1), deepSeekCalls()
                .withHeader("Authorization", equalTo("Bearer sk-native-deepseek-KEY-0044"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("deepseek-chat"))));

        assertThat(db.count("SELECT count(*) FROM submissions WHERE task_id = ? AND status = 'succeeded' "
                + "AND code LIKE '<!DOCTYPE html>%'", task)).isEqualTo(4);
        Map<String, Object> sonnet = db.submission(task, "claude-sonnet-4-5");
        assertThat(sonnet.get("output_tokens")).isEqualTo(2000);
        assertThat((BigDecimal) sonnet.get("cost_usd")).isEqualByComparingTo("0.033");
        assertThat(sonnet.get("provider_request_id")).isEqualTo("req-anthropic");

        // the renderer is nudged with the cron secret
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> wiremock.verify(postRequestedFor(urlEqualTo("/api/render"))
                .withHeader("x-cron-secret", equalTo(SECRET))));
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*autobench_llm_calls_total\\{[^}]*provider=\"anthropic\"[^}]*} [1-9].*"));
    }
}
