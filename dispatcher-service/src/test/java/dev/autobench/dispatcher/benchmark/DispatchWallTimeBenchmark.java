package dev.autobench.dispatcher.benchmark;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;

/**
 * Not a test: prints how long a dispatch of 3 tasks × 20 models takes when every call takes 1 s, beside the
 * sum of the calls' latencies (what a sequential dispatcher would need). Excluded from the normal build; run
 * {@code ./mvnw -B -o -pl dispatcher-service test -Dgroups=benchmark -DexcludedGroups=none -Dtest=DispatchWallTimeBenchmark}.
 */
@Tag("benchmark")
@QuarkusTest
class DispatchWallTimeBenchmark {

    static final int DELAY_MS = 1000;

    @InjectWireMock
    WireMockServer wiremock;

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Test
    void threeTasksTimesTwentyModelsWithOneSecondCalls() {
        Db db = new Db(dataSource);
        db.reset(List.of(), 30);
        String[] providers = {"openai", "anthropic", "google", "deepseek"};
        for (int i = 1; i <= 20; i++) {
            String provider = providers[i % 4];
            db.update("""
                    INSERT INTO models (slug, provider, api_model, display_name, active, input_usd_per_mtok,
                                        output_usd_per_mtok, max_output_tokens, timeout_seconds)
                    VALUES (?, ?, ?, ?, true, 1, 2, 4096, 30)""",
                    "bench-" + provider + "-" + i, provider, "bench-model-" + i, "Bench " + i);
        }
        wiremock.resetAll();
        FakeProviders.stubAllSucceed(wiremock);
        wiremock.stubFor(FakeProviders.openAi().atPriority(1).willReturn(FakeProviders.openAiAnswer("```html\\n<p>x</p>\\n```").withFixedDelay(DELAY_MS)));
        wiremock.stubFor(FakeProviders.anthropic().atPriority(1).willReturn(FakeProviders.anthropicAnswer("```html\\n<p>x</p>\\n```").withFixedDelay(DELAY_MS)));
        wiremock.stubFor(FakeProviders.google().atPriority(1).willReturn(FakeProviders.googleAnswer("```html\\n<p>x</p>\\n```").withFixedDelay(DELAY_MS)));
        wiremock.stubFor(FakeProviders.deepSeek().atPriority(1).willReturn(FakeProviders.openAiAnswer("```html\\n<p>x</p>\\n```").withFixedDelay(DELAY_MS)));

        // warm-up (class loading, JIT, connection pools, REST Assured) so the figure is about dispatching
        db.insertTask(9, "Warm-up");
        given().header("x-cron-secret", "test-cron-secret-0123456789").when().post("/api/dispatch").then().statusCode(200);
        db.update("DELETE FROM provider_calls");
        db.update("DELETE FROM submissions");
        db.insertTask(1, "Bench one");
        db.insertTask(2, "Bench two");
        db.insertTask(3, "Bench three");

        long start = System.nanoTime();
        io.restassured.response.Response response = given().header("x-cron-secret", "test-cron-secret-0123456789")
                .when().post("/api/dispatch");
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> summary = response.then().statusCode(200).extract().jsonPath().getMap("");
        long sumMs = db.count("SELECT coalesce(sum(latency_ms), 0) FROM submissions");
        long slowestMs = db.count("SELECT coalesce(max(latency_ms), 0) FROM submissions");

        System.out.printf("%n=== dispatch benchmark: 3 tasks x 20 models, %d ms per call ===%n", DELAY_MS);
        System.out.printf("summary            %s%n", summary);
        System.out.printf("dispatch wall time %6d ms%n", wallMs);
        System.out.printf("sequential sum     %6d ms  (sum of the 60 call latencies)%n", sumMs);
        System.out.printf("slowest call       %6d ms%n", slowestMs);
        System.out.printf("request start spread %4d ms  (first to last HTTP attempt started)%n",
                db.count("SELECT (extract(epoch FROM max(started_at) - min(started_at)) * 1000)::bigint FROM provider_calls"));
        System.out.printf("wall / one call    %6.2f  (target <= 1.5)%n", wallMs / (double) DELAY_MS);
        System.out.printf("wall / slowest     %6.2f  (overhead of claiming, ledger and storing under this load)%n",
                wallMs / (double) slowestMs);
        System.out.printf("cpus %d, load average %.1f%n%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        db.reset(Db.FOUR_MODELS, 5);
    }
}
