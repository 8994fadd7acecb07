package dev.autobench.dispatcher.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The dispatcher reads tasks (owned by the generator) and moves them from generated to dispatched. */
@ApplicationScoped
public class DispatchableTaskRepository {

    private final EntityManager em;

    DispatchableTaskRepository(EntityManager em) {
        this.em = em;
    }

    public List<TaskToDispatch> listGenerated() {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT id, title, category, COALESCE(spec ->> 'prompt', spec ->> 'summary', title) AS prompt
                FROM tasks WHERE status = 'generated' ORDER BY task_date, slot""", Tuple.class).getResultList();
        return rows.stream()
                .map(DispatchableTaskRepository::taskOf)
                .toList();
    }

    /** The dispatchable tasks among {@code ids}, and the status of every id that exists. */
    public Map<UUID, String> statusOf(Collection<UUID> ids) {
        List<Tuple> rows = em.createNativeQuery("SELECT id, status FROM tasks WHERE id IN (:ids)", Tuple.class)
                .setParameter("ids", ids).getResultList();
        Map<UUID, String> status = new LinkedHashMap<>();
        rows.forEach(r -> status.put(r.get("id", UUID.class), r.get("status", String.class)));
        return status;
    }

    /** The given tasks, in the order {@link #listGenerated()} would dispatch them. */
    public List<TaskToDispatch> listByIds(Collection<UUID> ids) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT id, title, category, COALESCE(spec ->> 'prompt', spec ->> 'summary', title) AS prompt
                FROM tasks WHERE id IN (:ids) ORDER BY task_date, slot""", Tuple.class).setParameter("ids", ids)
                .getResultList();
        return rows.stream()
                .map(DispatchableTaskRepository::taskOf)
                .toList();
    }

    public java.util.Optional<TaskToDispatch> find(UUID id) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT id, title, category, COALESCE(spec ->> 'prompt', spec ->> 'summary', title) AS prompt
                FROM tasks WHERE id = :id""", Tuple.class).setParameter("id", id).getResultList();
        return rows.stream().findFirst()
                .map(DispatchableTaskRepository::taskOf);
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
    public Map<String, Long> countByStatus(LocalDate day) {
        List<Tuple> rows = em.createNativeQuery(
                        "SELECT status, count(*) AS n FROM tasks WHERE task_date = :day GROUP BY status", Tuple.class)
                .setParameter("day", day).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put(r.get("status", String.class), r.get("n", Number.class).longValue()));
        return counts;
    }

    private static TaskToDispatch taskOf(Tuple row) {
        return new TaskToDispatch(row.get("id", UUID.class), row.get("title", String.class),
                row.get("category", String.class), row.get("prompt", String.class));
    }
}
