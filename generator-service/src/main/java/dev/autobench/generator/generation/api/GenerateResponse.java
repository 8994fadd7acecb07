package dev.autobench.generator.rest;

import dev.autobench.generator.service.GenerationResult;
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
