package dev.autobench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixed daily cost as shipped: the packaged generator and dispatcher with all four provider keys and nothing
 * else configured (the seeded catalog, the default budget, retries and timeouts untouched), and the day's flow as the
 * CronJobs run it: generate, then dispatch the task ids the generator handed back.
 */
class DefaultCatalogDayE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static AutoBenchStack stack;

    @BeforeAll
    static void startShippedDefaults() throws Exception {
        stack = new AutoBenchStack(Map.of(), Map.of(), Set.of("generator-service", "dispatcher-service"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void withAllFourKeysAndTheShippedDefaultsADayIsExactlyTwelveRequests() throws Exception {
        JsonNode models = JSON.readTree(RestAssured.get(stack.dispatcher.url("/api/models")).asString());
        Map<String, String> activeByProvider = new TreeMap<>();
        List<String> inactive = new ArrayList<>();
        for (JsonNode model : models) {
            if (model.path("active").asBoolean()) {
                assertThat(activeByProvider.put(model.path("provider").asText(), model.path("slug").asText()))
                        .as("a second active model of " + model.path("provider").asText()).isNull();
            } else {
                inactive.add(model.path("slug").asText());
            }
        }
        assertThat(activeByProvider).containsExactlyInAnyOrderEntriesOf(Map.of("openai", "gpt-5",
                "anthropic", "claude-sonnet-4-5", "google", "gemini-2.5-pro", "deepseek", "deepseek-chat"));
        assertThat(inactive).as("the rest of the catalog is seeded, inactive").isNotEmpty();

        Response generated = stack.cron(stack.generator, "/api/generate?date=" + TODAY);
        assertThat(generated.statusCode()).as(generated.asString()).isEqualTo(200);
        List<String> taskIds = generated.jsonPath().getList("tasks.id", String.class);
        assertThat(taskIds).hasSize(3);

        Response dispatched = RestAssured.given().header("x-cron-secret", AutoBenchStack.CRON_SECRET)
                .contentType("application/json").body(Map.of("taskIds", taskIds))
                .post(stack.dispatcher.url("/api/dispatch"));
        assertThat(dispatched.statusCode()).as(dispatched.asString()).isEqualTo(200);
        assertThat(dispatched.jsonPath().getInt("calls")).isEqualTo(12);
        assertThat(dispatched.jsonPath().getInt("succeeded")).isEqualTo(12);

        // the CronJob's own call, with no body, and a repeated one find nothing left to call
        for (int run = 0; run < 2; run++) {
            Response again = stack.cron(stack.dispatcher, "/api/dispatch");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.jsonPath().getInt("calls")).isZero();
        }

        List<LoggedRequest> requests = stack.providers.requests();
        assertThat(requests).hasSize(12);
        Map<String, Long> perModel = requests.stream()
                .collect(Collectors.groupingBy(ProviderFakes::modelOf, TreeMap::new, Collectors.counting()));
        assertThat(perModel).containsExactlyInAnyOrderEntriesOf(Map.of("gpt-5", 3L, "claude-sonnet-4-5", 3L,
                "gemini-2.5-pro", 3L, "deepseek-chat", 3L));
        assertThat(requests.stream().collect(Collectors.groupingBy(r -> ProviderFakes.modelOf(r) + "|"
                + ProviderFakes.promptOf(r), Collectors.counting())).values()).as("each pair once").allMatch(n -> n == 1);

        assertThat(stack.count("SELECT count(*) FROM provider_calls WHERE outcome = 'success' AND cost_usd > 0"))
                .as("every call priced in the ledger").isEqualTo(12);
        assertThat(stack.count("SELECT count(*) FROM tasks WHERE status = 'dispatched'")).isEqualTo(3);
        BigDecimal ledger = (BigDecimal) stack.rows("SELECT sum(cost_usd) AS c FROM provider_calls").get(0).get("c");
        BigDecimal submissions = (BigDecimal) stack.rows("SELECT sum(cost_usd) AS c FROM submissions").get(0).get("c");
        assertThat(ledger).isEqualByComparingTo(submissions);

        assertThat(E2eSupport.metric(stack.dispatcher, "autobench_dispatch_daily_call_budget")).as("active models × 3 tasks").isEqualTo(12.0);
        assertThat(E2eSupport.metric(stack.dispatcher, "autobench_dispatch_daily_calls")).isEqualTo(12.0);
        assertThat(E2eSupport.metric(stack.dispatcher, "autobench_dispatch_daily_calls_refused")).isZero();
    }
}
