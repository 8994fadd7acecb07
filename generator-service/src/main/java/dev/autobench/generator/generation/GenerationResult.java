package dev.autobench.generator.generation;

import dev.autobench.generator.task.Task;
import dev.autobench.generator.task.TaskOrigin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A day's tasks after a generation run, and how many of them this run created, by origin. */
public record GenerationResult(LocalDate date, List<Task> tasks, Map<TaskOrigin, Integer> createdByOrigin) {

    public GenerationResult {
        tasks = List.copyOf(tasks);
        createdByOrigin = Map.copyOf(createdByOrigin);
    }

    public int created() {
        return createdByOrigin.values().stream().mapToInt(Integer::intValue).sum();
    }
}
