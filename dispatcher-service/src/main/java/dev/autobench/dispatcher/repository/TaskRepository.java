package dev.autobench.dispatcher.repository;

import dev.autobench.dispatcher.domain.TaskToDispatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The dispatcher reads tasks (owned by the generator) and moves them from generated to dispatched. */
@ApplicationScoped
public class TaskRepository {

    private final EntityManager em;

    TaskRepository(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<TaskToDispatch> listGenerated() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, title, category, COALESCE(spec ->> 'prompt', spec ->> 'summary', title)
                FROM tasks WHERE status = 'generated' ORDER BY task_date, slot""").getResultList();
        return rows.stream()
                .map(r -> new TaskToDispatch((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    /** The dispatchable tasks among {@code ids}, and the status of every id that exists. */
    @SuppressWarnings("unchecked")
    public Map<UUID, String> statusOf(Collection<UUID> ids) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, status FROM tasks WHERE id IN (:ids)")
                .setParameter("ids", ids).getResultList();
        Map<UUID, String> status = new LinkedHashMap<>();
        rows.forEach(r -> status.put((UUID) r[0], (String) r[1]));
        return status;
    }

    /** The given tasks, in the order {@link #listGenerated()} would dispatch them. */
    @SuppressWarnings("unchecked")
    public List<TaskToDispatch> listByIds(Collection<UUID> ids) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, title, category, COALESCE(spec ->> 'prompt', spec ->> 'summary', title)
                FROM tasks WHERE id IN (:ids) ORDER BY task_date, slot""").setParameter("ids", ids).getResultList();
        return rows.stream()
                .map(r -> new TaskToDispatch((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public java.util.Optional<TaskToDispatch> find(UUID id) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, title, category, COALESCE(spec ->> 'prompt', spec ->> 'summary', title)
                FROM tasks WHERE id = :id""").setParameter("id", id).getResultList();
        return rows.stream().findFirst()
                .map(r -> new TaskToDispatch((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]));
    }

    /**
     * Marks a generated task dispatched once every given model has a terminal submission for it.
     * One statement, so concurrent dispatchers cannot both see "incomplete" and leave it behind.
     */
    public boolean markDispatchedIfComplete(UUID taskId, Collection<UUID> modelIds) {
        if (modelIds.isEmpty()) {
            return false;
        }
        return em.createNativeQuery("""
                        UPDATE tasks t SET status = 'dispatched', dispatched_at = now()
                        WHERE t.id = :taskId AND t.status = 'generated'
                          AND (SELECT count(*) FROM submissions s
                               WHERE s.task_id = t.id AND s.model_id IN (:models)
                                 AND s.status IN ('succeeded', 'failed')) = :expected""")
                .setParameter("taskId", taskId)
                .setParameter("models", modelIds)
                .setParameter("expected", (long) modelIds.size())
                .executeUpdate() == 1;
    }

    /** Today's (UTC) tasks by status, for the gauge. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> countByStatus(LocalDate day) {
        List<Object[]> rows = em.createNativeQuery("SELECT status, count(*) FROM tasks WHERE task_date = :day GROUP BY status")
                .setParameter("day", day).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}
