package dev.autobench.generator.generation;

import dev.autobench.generator.MutableClock;
import dev.autobench.generator.TasksTable;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Inject;
import dev.autobench.generator.GenerateCalls;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The meters an SRE dashboard is built on, under their exact Prometheus names. */
@QuarkusTest
class GeneratorMetricsTest {

    @Inject
    TaskGenerationService generation;

    @Test
    void everyMeterIsExposedFromTheStart() {
        String metrics = scrape();
        assertThat(sample(metrics, "autobench_tasks_generated_total", "source=\"bank\"")).isPresent();
        assertThat(sample(metrics, "autobench_tasks_generated_total", "source=\"llm\"")).isPresent();
        for (String reason : new String[]{"database", "source", "internal"}) {
            assertThat(sample(metrics, "autobench_task_generation_failures_total", "reason=\"" + reason + "\""))
                    .isPresent();
        }
        assertThat(sample(metrics, "autobench_task_author_fallbacks_total", "")).isPresent();
        assertThat(sample(metrics, "autobench_task_generation_last_success_timestamp_seconds", "")).isPresent();
    }

    @Test
    void aGenerationCountsItsTasksBySourceAndMovesTheLastSuccessGauge() {
        double before = sample(scrape(), "autobench_tasks_generated_total", "source=\"bank\"").orElseThrow();

        GenerateCalls.generate("2030-06-06").then().statusCode(200);
        GenerateCalls.generate("2030-06-06").then().statusCode(200);

        String metrics = scrape();
        assertThat(sample(metrics, "autobench_tasks_generated_total", "source=\"bank\"").orElseThrow())
                .isEqualTo(before + 3);
        assertThat(sample(metrics, "autobench_task_generation_last_success_timestamp_seconds", "").orElseThrow())
                .isGreaterThanOrEqualTo((double) MutableClock.START.getEpochSecond());
    }

    @Test
    void aRestartTakesTheLastSuccessFromTheDatabase() {
        java.time.Instant future = java.time.Instant.parse("2099-01-01T00:00:00Z");
        TasksTable.insertGeneratedAt(java.time.LocalDate.parse("1990-01-01"), future);

        generation.restoreLastSuccess(new StartupEvent());

        assertThat(sample(scrape(), "autobench_task_generation_last_success_timestamp_seconds", "").orElseThrow())
                .isEqualTo((double) future.getEpochSecond());
    }

    private static String scrape() {
        return given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    static Optional<Double> sample(String metrics, String name, String label) {
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(label))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
