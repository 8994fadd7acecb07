package dev.autobench.dispatcher.dispatch.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/dispatch}'s optional body: the tasks to dispatch (as the generator's response lists
 * them). Absent, empty or {@code {}}: every generated task. The cap keeps one request to a few days'
 * tasks; a larger backlog is dispatched without ids.
 */
@RegisterForReflection
public record DispatchRequest(@Size(min = 1, max = MAX_TASK_IDS) List<@NotNull UUID> taskIds) {

    public static final int MAX_TASK_IDS = 100;
}
