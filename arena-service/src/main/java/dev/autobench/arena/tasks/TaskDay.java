package dev.autobench.arena.tasks;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;

/** The tasks of one UTC day. */
@RegisterForReflection
public record TaskDay(LocalDate date, List<TaskSummary> tasks) {
}
