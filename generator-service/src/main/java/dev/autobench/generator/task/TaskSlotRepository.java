package dev.autobench.generator.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.generator.drafting.TaskDraft;
import dev.autobench.generator.drafting.TemplateUsage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hibernate.query.NativeQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes {@code tasks}; every write goes through the (task_date, slot) invariant. */
@ApplicationScoped
public class TaskSlotRepository implements PanacheRepositoryBase<Task, UUID> {

    /**
     * First key of the two-key advisory lock space, so the generator's per-date locks can never
     * collide with another service's advisory locks; the second key is the epoch day.
     */
    static final String LOCK_NAMESPACE = "autobench.generator.date";

    private final ObjectMapper json;

    public TaskSlotRepository(ObjectMapper json) {
        this.json = json;
    }

    public List<Task> forDate(LocalDate date) {
        return list("taskDate = ?1 order by slot", date);
    }

    /**
     * Serialises every generator working on {@code date} (threads, replicas, the scheduler and a
     * CronJob) until the current transaction ends. Requires an active transaction.
     */
    public void lockDate(LocalDate date) {
        getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(:ns), :day)) AS l")
                .setParameter("ns", LOCK_NAMESPACE)
                .setParameter("day", Math.toIntExact(date.toEpochDay()))
                .getSingleResult();
    }

    /**
     * Takes the slot with a {@code pending} row (no title, category or spec yet) unless it is
     * taken; returns whether a row was created.
     */
    public boolean insertPendingIfAbsent(LocalDate date, int slot) {
        int rows = getEntityManager().createNativeQuery("""
                        INSERT INTO tasks (task_date, slot, status) VALUES (:date, :slot, :status)
                        ON CONFLICT (task_date, slot) DO NOTHING""")
                .setParameter("date", date)
                .setParameter("slot", slot)
                .setParameter("status", TaskStatus.PENDING)
                .executeUpdate();
        return rows == 1;
    }

    /**
     * Stores a pending task's draft and makes it {@code generated} in one statement; returns
     * whether the row was still pending (another generator may have completed it first).
     */
    public boolean completePending(UUID id, TaskDraft draft, Instant now) {
        int rows = getEntityManager().createNativeQuery("""
                        UPDATE tasks SET title = :title, category = :category, difficulty = :difficulty,
                                         template_id = :templateId, source = :source, spec = CAST(:spec AS jsonb),
                                         checks = CAST(:checks AS jsonb), status = :generated, generated_at = :now
                        WHERE id = :id AND status = :pending""")
                .unwrap(NativeQuery.class)
                .setParameter("id", id)
                .setParameter("title", draft.spec().title())
                .setParameter("category", draft.spec().category())
                .setParameter("difficulty", draft.spec().difficulty().wire())
                .setParameter("templateId", draft.templateId(), String.class) // null for authored tasks
                .setParameter("source", draft.origin().wire())
                .setParameter("spec", toJson(draft))
                .setParameter("checks", checksJson(draft))
                .setParameter("generated", TaskStatus.GENERATED)
                .setParameter("pending", TaskStatus.PENDING)
                .setParameter("now", now)
                .executeUpdate();
        return rows == 1;
    }

    /** Reads the day again from the database, not from this transaction's cache of entities. */
    public List<Task> reloadDate(LocalDate date) {
        getEntityManager().flush();
        getEntityManager().clear();
        return forDate(date);
    }

    /** Bank templates used on other days less than {@code days} away from {@code date}. */
    public List<TemplateUsage> templateUsageAround(LocalDate date, int days) {
        if (days <= 1) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        select new dev.autobench.generator.drafting.TemplateUsage(t.templateId, t.category, t.title,
                                                                                 t.taskDate)
                        from Task t
                        where t.templateId is not null and t.taskDate between :from and :to and t.taskDate <> :date""",
                        TemplateUsage.class)
                .setParameter("from", date.minusDays(days - 1L))
                .setParameter("to", date.plusDays(days - 1L))
                .setParameter("date", date)
                .getResultList();
    }

    public Optional<Instant> lastGeneratedAt() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(t.generatedAt) from Task t", Instant.class)
                .getSingleResult());
    }

    private String toJson(TaskDraft draft) {
        try {
            return json.writeValueAsString(draft.spec());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the spec of '" + draft.spec().title() + "'", e);
        }
    }

    /** The renderer's copy of the checks: it may read this column of a task, not its spec. */
    private String checksJson(TaskDraft draft) {
        try {
            return json.writeValueAsString(draft.spec().checks() == null ? java.util.List.of() : draft.spec().checks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the checks of '" + draft.spec().title() + "'", e);
        }
    }
}
