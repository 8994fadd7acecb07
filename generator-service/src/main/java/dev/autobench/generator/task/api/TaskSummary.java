package dev.autobench.generator.task.api;

import dev.autobench.generator.task.Task;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** A task as the generate endpoint reports it. */
@RegisterForReflection
public record TaskSummary(UUID id, int slot, String title, String category, String status) {

    public static TaskSummary of(Task t) {
        return new TaskSummary(t.id, t.slot, t.title, t.category, t.status);
    }
}
