package dev.autobench.arena.tasks;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;

/** Every day that has tasks, newest first: the gallery's index. */
@RegisterForReflection
public record TaskDates(List<Day> dates) {

    @RegisterForReflection
    public record Day(LocalDate date, int tasks) {
    }
}
