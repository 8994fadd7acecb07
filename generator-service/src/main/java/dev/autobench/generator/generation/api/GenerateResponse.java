package dev.autobench.generator.generation.api;

import dev.autobench.generator.task.api.TaskSummary;
import dev.autobench.generator.generation.GenerationResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;

/** The day's tasks after a generate call; {@code created} is 0 when the day was already complete. */
@RegisterForReflection
public record GenerateResponse(LocalDate date, int created, List<TaskSummary> tasks) {

    static GenerateResponse of(GenerationResult result) {
        return new GenerateResponse(result.date(), result.created(),
                result.tasks().stream().map(TaskSummary::of).toList());
    }
}
