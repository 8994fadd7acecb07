package dev.autobench.generator.generation;

import dev.autobench.generator.config.GeneratorConfig;
import dev.autobench.generator.task.Task;
import dev.autobench.generator.task.TaskSlotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * Takes a day's empty slots as {@code pending} rows in a short transaction of its own, committed
 * before anything is drafted: should drafting or the process fail, the pending rows stay and the
 * next generation of that date completes them ({@link DailyTaskWriter}) instead of leaving a hole
 * or writing a second task into the slot.
 */
@ApplicationScoped
public class SlotReservation {

    private final TaskSlotRepository tasks;
    private final GeneratorConfig config;

    public SlotReservation(TaskSlotRepository tasks, GeneratorConfig config) {
        this.tasks = tasks;
        this.config = config;
    }

    @Transactional
    public void reserve(LocalDate date) {
        tasks.lockDate(date);
        List<Task> existing = tasks.forDate(date);
        for (int slot : DailyTaskWriter.emptySlots(existing, config.tasksPerDay())) {
            tasks.insertPendingIfAbsent(date, slot);
        }
    }
}
