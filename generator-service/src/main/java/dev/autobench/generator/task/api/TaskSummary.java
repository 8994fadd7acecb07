package dev.autobench.generator.rest;

import dev.autobench.generator.domain.Task;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** A task as the generate endpoint reports it. */
@RegisterForReflection
public record TaskSummary(UUID id, int slot, String title, String category, String status) {

    static TaskSummary of(Task t) {
        return new TaskSummary(t.id, t.slot, t.title, t.category, t.status);
    }
}
