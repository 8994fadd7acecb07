package dev.autobench.generator.generation;

import dev.autobench.generator.drafting.DraftRequest;
import dev.autobench.generator.drafting.TaskDraft;
import dev.autobench.generator.config.GeneratorConfig;
import dev.autobench.generator.task.Task;
import dev.autobench.generator.task.TaskOrigin;
import dev.autobench.generator.task.TaskStatus;
import dev.autobench.generator.task.TaskSlotRepository;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Completes a day's {@code pending} tasks (taken by {@link SlotReservation}) in one transaction:
 * drafts them all, then stores each draft and its spec, making the row {@code generated}. The
 * per-date advisory lock makes concurrent callers queue: the first one drafts and completes, the
 * others find nothing pending once it commits, so a slot is drafted (and the LLM author called)
 * once. {@code ON CONFLICT DO NOTHING} on (task_date, slot) when taking a slot, and
 * {@code WHERE status = 'pending'} when completing one, are the last line of defence should
 * anything ever write without the lock.
 */
@ApplicationScoped
public class DailyTaskWriter {

    private final TaskSlotRepository tasks;
    private final TaskDrafter drafter;
    private final GeneratorConfig config;
    private final Clock clock;

    public DailyTaskWriter(TaskSlotRepository tasks, TaskDrafter drafter, GeneratorConfig config, Clock clock) {
        this.tasks = tasks;
        this.drafter = drafter;
        this.config = config;
        this.clock = clock;
    }

    // long enough for the LLM author's one call; callers queued on the lock wait inside theirs
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "autobench.generator.transaction-timeout")
    public GenerationResult fill(LocalDate date) {
        tasks.lockDate(date);
        List<Task> existing = tasks.forDate(date);
        List<Task> pending = existing.stream().filter(t -> TaskStatus.PENDING.equals(t.status)).toList();
        if (pending.isEmpty()) {
            return new GenerationResult(date, existing, Map.of());
        }
        Set<String> takenCategories = existing.stream()
                .filter(t -> !TaskStatus.PENDING.equals(t.status))
                .map(t -> t.category)
                .collect(Collectors.toSet());
        List<TaskDraft> drafts = drafter.draft(new DraftRequest(date, pending.size(), takenCategories,
                tasks.templateUsageAround(date, config.noRepeatDays())));

        Map<TaskOrigin, Integer> created = new EnumMap<>(TaskOrigin.class);
        var now = clock.instant();
        for (int i = 0; i < drafts.size(); i++) {
            TaskDraft draft = drafts.get(i);
            if (tasks.completePending(pending.get(i).id, draft, now)) {
                created.merge(draft.origin(), 1, Integer::sum);
            }
        }
        return new GenerationResult(date, tasks.reloadDate(date), created);
    }

    /** The slots of 1..tasksPerDay that have no row yet. */
    static List<Integer> emptySlots(List<Task> existing, int tasksPerDay) {
        Set<Integer> taken = existing.stream().map(t -> t.slot).collect(Collectors.toSet());
        List<Integer> empty = new ArrayList<>();
        for (int slot = 1; slot <= tasksPerDay; slot++) {
            if (!taken.contains(slot)) {
                empty.add(slot);
            }
        }
        return empty;
    }
}
