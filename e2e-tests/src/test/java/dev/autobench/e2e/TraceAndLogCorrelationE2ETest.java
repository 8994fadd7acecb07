package dev.autobench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One dispatch, followed through the packaged services the way an SRE would: from the dispatcher's
 * JSON log line to the renderer's lines of the same submissions (by trace id and submission id),
 * and through the traces both services export over OTLP to a stand-in collector: the dispatch's
 * server span, its nudge to the renderer, the renderer's handling of that nudge and the JDBC
 * statements of both, in one trace. Also the day's spend gauge against the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TraceAndLogCorrelationE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static WireMockServer collector;
    private static AutoBenchStack stack;
    private static String dispatchTraceId;

    @BeforeAll
    static void startStackWithACollector() throws Exception {
        collector = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        collector.start();
        collector.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")));
        // only the endpoint is set: that alone turns tracing on (TracingSwitch)
        Map<String, String> tracing = Map.of(
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.baseUrl(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms");
        Map<String, String> renderer = new java.util.HashMap<>(tracing);
        // the nudge alone renders: no poll can take the work outside the dispatch's trace
        renderer.put("AUTOBENCH_RENDERER_POLL_INTERVAL", "off");
        stack = new AutoBenchStack(tracing, Map.of(), renderer);
        keepOneActiveModel();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.stop();
        }
    }

    private static void keepOneActiveModel() throws Exception {
        JsonNode models = JSON.readTree(RestAssured.get(stack.dispatcher.url("/api/models")).asString());
        boolean kept = false;
        for (JsonNode model : models) {
            if (!model.path("active").asBoolean()) {
                continue;
            }
            boolean keep = !kept && model.path("provider").asText().equals("openai");
            kept |= keep;
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.convertValue(model, Map.class);
            body.put("active", keep);
            body.put("timeoutSeconds", 10);
            RestAssured.given().header("Authorization", "Bearer " + AutoBenchStack.ADMIN_TOKEN)
                    .contentType("application/json").body(body)
                    .put(stack.dispatcher.url("/api/models/" + model.path("slug").asText()))
                    .then().statusCode(200);
        }
        assertThat(kept).as("an active OpenAI model").isTrue();
    }

    @Test
    @Order(1)
    void aDispatchLogLineLeadsToTheRenderOfEachOfItsSubmissions() throws Exception {
        stack.cron(stack.generator, "/api/generate?date=" + TODAY).then().statusCode(200);
        Response dispatched = stack.cron(stack.dispatcher, "/api/dispatch");
        dispatched.then().statusCode(200);
        assertThat(dispatched.jsonPath().getInt("succeeded")).isEqualTo(3);
        // the dispatcher's nudge renders them; nobody else calls the renderer in this test
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                stack.count("SELECT count(*) FROM artifacts WHERE status = 'rendered'") == 3);

        JsonNode dispatchLine = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> lines("dispatcher-service").stream()
                        .filter(l -> l.path("message").asText().startsWith("dispatch: ")).findFirst(),
                        Optional::isPresent).orElseThrow();
        JsonNode mdc = dispatchLine.path("mdc");
        assertThat(mdc.path("dispatch_run").asText()).as("dispatch_run on %s", dispatchLine).isNotBlank();
        dispatchTraceId = mdc.path("traceId").asText();
        assertThat(dispatchTraceId).as("traceId on %s", dispatchLine).matches("[0-9a-f]{32}");

        Set<String> submissions = stack.rows("SELECT submission_id::text AS s FROM artifacts WHERE status = 'rendered'")
                .stream().map(r -> (String) r.get("s")).collect(Collectors.toSet());
        assertThat(submissions).hasSize(3);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<JsonNode> renders = lines("renderer-service").stream()
                    .filter(l -> l.path("message").asText().contains(": rendered in ")).toList();
            // each submission's render line carries its submission_id and the dispatch's trace id
            assertThat(renders).extracting(l -> l.path("mdc").path("submission_id").asText())
                    .containsExactlyInAnyOrderElementsOf(submissions);
            assertThat(renders).allSatisfy(l ->
                    assertThat(l.path("mdc").path("traceId").asText()).as("%s", l).isEqualTo(dispatchTraceId));
        });
    }

    @Test
    @Order(2)
    void theDispatchTraceSpansTheNudgeTheRendererAndBothDatabases() {
        assertThat(dispatchTraceId).as("set by the dispatch test").isNotNull();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<OtlpSpans.Span> trace = exported().stream()
                    .filter(s -> s.traceId().equals(dispatchTraceId)).toList();
            OtlpSpans.Span dispatch = one(trace, s -> s.service().equals("dispatcher-service")
                    && s.kind() == OtlpSpans.SERVER && s.name().contains("/api/dispatch"));
            assertThat(dispatch.parentSpanId()).as("the dispatch request starts the trace").isEmpty();
            List<OtlpSpans.Span> nudges = trace.stream().filter(s -> s.service().equals("dispatcher-service")
                    && s.kind() == OtlpSpans.CLIENT && String.valueOf(s.attributes().get("url.full")).contains("/api/render"))
                    .toList();
            assertThat(nudges).as("the nudge's client span in %s", trace).isNotEmpty();
            Set<String> nudgeIds = nudges.stream().map(OtlpSpans.Span::spanId).collect(Collectors.toSet());
            List<OtlpSpans.Span> renderRequests = trace.stream().filter(s -> s.service().equals("renderer-service")
                    && s.kind() == OtlpSpans.SERVER && s.name().contains("/api/render")).toList();
            assertThat(renderRequests).as("the renderer's server span in %s", trace).isNotEmpty()
                    .allSatisfy(s -> assertThat(nudgeIds).contains(s.parentSpanId()));
            for (String service : List.of("dispatcher-service", "renderer-service")) {
                assertThat(trace).as("JDBC spans of %s in the dispatch's trace", service)
                        .anySatisfy(s -> {
                            assertThat(s.service()).isEqualTo(service);
                            assertThat(s.attributes().get("db.system")).isEqualTo("postgresql");
                        });
            }
            assertThat(trace).as("the renderer stored its artifacts inside the trace")
                    .anySatisfy(s -> {
                        assertThat(s.service()).isEqualTo("renderer-service");
                        assertThat(String.valueOf(s.attributes().get("db.statement"))
                                + s.attributes().get("db.query.text")).containsIgnoringCase("artifacts");
                    });
        });
    }

    @Test
    @Order(3)
    void theDaysSpendGaugeEqualsTheDatabasesCostOfTodaysAnswers() throws Exception {
        double stored = ((Number) stack.rows("""
                SELECT coalesce(sum(cost_usd), 0) AS c FROM submissions
                WHERE finished_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'""")
                .get(0).get("c")).doubleValue();
        assertThat(stored).as("the fake answers report tokens, so they cost something").isPositive();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(gauge("autobench_provider_spend_today_usd", "provider=\"openai\""))
                        .isCloseTo(stored, org.assertj.core.data.Offset.offset(1e-6)));
        assertThat(gauge("autobench_provider_spend_today_usd", "provider=\"anthropic\"")).isZero();
        assertThat(gauge("autobench_provider_spend_daily_budget_usd", "")).as("no budget set").isNaN();
    }

    private static double gauge(String name, String label) {
        String scrape = RestAssured.given().accept("text/plain").get(stack.dispatcher.url("/q/metrics"))
                .then().statusCode(200).extract().asString();
        return scrape.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .mapToDouble(v -> v.equals("NaN") ? Double.NaN : Double.parseDouble(v))
                .findFirst().orElseThrow(() -> new AssertionError(name + " {" + label + "} not exposed"));
    }

    private static OtlpSpans.Span one(List<OtlpSpans.Span> spans, java.util.function.Predicate<OtlpSpans.Span> which) {
        List<OtlpSpans.Span> found = spans.stream().filter(which).toList();
        assertThat(found).as("exactly one such span in %s", spans).hasSize(1);
        return found.get(0);
    }

    private static List<OtlpSpans.Span> exported() {
        List<OtlpSpans.Span> spans = new ArrayList<>();
        for (LoggedRequest request : collector.findAll(anyRequestedFor(anyUrl()))) {
            spans.addAll(OtlpSpans.parse(request.getBody()));
        }
        return spans;
    }

    /** The service's JSON log lines (the packaged services run the prod profile: one JSON object a line). */
    private static List<JsonNode> lines(String service) throws IOException {
        Path log = stack.logs.resolve(service + ".log");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
