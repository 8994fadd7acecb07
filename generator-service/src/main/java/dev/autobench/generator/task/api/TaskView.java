package dev.autobench.generator.task.api;

import dev.autobench.generator.task.Task;
import dev.autobench.generator.task.TaskSpec;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.UUID;

/** A task with its full specification. */
@RegisterForReflection
public record TaskView(UUID id, LocalDate date, int slot, String title, String category, String difficulty,
                       String source, String status, TaskSpec spec) {

    static TaskView of(Task t) {
        return new TaskView(t.id, t.taskDate, t.slot, t.title, t.category, t.difficulty, t.source, t.status, t.spec);
    }
}
