package dev.autobench.dispatcher.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * The day's call budget as the ledger counts it. The ledger's rows themselves are written by llm-clients'
 * {@code ProviderCallLedger}, the one writer of {@code provider_calls}.
 */
@ApplicationScoped
public class TaskDayCallCounter {

    private final EntityManager em;

    TaskDayCallCounter(EntityManager em) {
        this.em = em;
    }

    /**
     * Calls of the pair's task day that count against the daily budget: every submission attempt for a task of
     * that date that was or may have been billed, in flight included (refused 429/529 and unsent attempts are
     * billed = false). Per task day rather than per wall-clock day, so a backfilled day has its own budget.
     * Serialised per task day by a transaction-scoped advisory lock, so two concurrent attempts cannot both take
     * the last call.
     */
    public long lockAndCountTaskDay(UUID submissionId) {
        em.createNativeQuery("""
                        SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('autobench-daily-call-budget'),
                               (SELECT t.task_date - DATE '2000-01-01' FROM submissions s JOIN tasks t ON t.id = s.task_id
                                WHERE s.id = :submission))) AS l""")
                .setParameter("submission", submissionId)
                .getSingleResult();
        Object n = em.createNativeQuery("""
                        SELECT count(*) FROM provider_calls pc
                        JOIN submissions s ON s.id = pc.submission_id JOIN tasks t ON t.id = s.task_id
                        WHERE pc.purpose = 'submission' AND pc.billed IS DISTINCT FROM false
                          AND t.task_date = (SELECT t2.task_date FROM submissions s2 JOIN tasks t2 ON t2.id = s2.task_id
                                             WHERE s2.id = :submission)""")
                .setParameter("submission", submissionId)
                .getSingleResult();
        return ((Number) n).longValue();
    }
}
