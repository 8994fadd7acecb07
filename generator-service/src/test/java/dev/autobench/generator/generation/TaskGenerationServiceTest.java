package dev.autobench.generator.generation;

import dev.autobench.generator.drafting.TaskSourceException;
import dev.autobench.generator.metrics.GeneratorMetrics;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TaskGenerationServiceTest {

    @Test
    void failuresAreCountedByWhatCausedThem() {
        assertThat(TaskGenerationService.reasonOf(new TaskSourceException("bank empty", null)))
                .isEqualTo(GeneratorMetrics.FailureReason.SOURCE);
        assertThat(TaskGenerationService.reasonOf(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("pool exhausted"))))
                .isEqualTo(GeneratorMetrics.FailureReason.DATABASE);
        assertThat(TaskGenerationService.reasonOf(new jakarta.persistence.PersistenceException("constraint")))
                .isEqualTo(GeneratorMetrics.FailureReason.DATABASE);
        assertThat(TaskGenerationService.reasonOf(new NullPointerException()))
                .isEqualTo(GeneratorMetrics.FailureReason.INTERNAL);
    }
}
