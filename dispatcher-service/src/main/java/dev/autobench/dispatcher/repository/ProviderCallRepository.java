package dev.autobench.dispatcher.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.UUID;

/** The provider_calls ledger: one row per HTTP attempt, written before the request leaves. */
@ApplicationScoped
public class ProviderCallRepository {

    private final EntityManager em;

    ProviderCallRepository(EntityManager em) {
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

    public long begin(UUID submissionId, String provider, String apiModel, int attempt) {
        Object id = em.createNativeQuery("""
                        INSERT INTO provider_calls (submission_id, purpose, provider, api_model, attempt, outcome)
                        VALUES (:submission, 'submission', :provider, :apiModel, :attempt, 'in_flight')
                        RETURNING id""")
                .setParameter("submission", submissionId)
                .setParameter("provider", provider)
                .setParameter("apiModel", apiModel)
                .setParameter("attempt", attempt)
                .getSingleResult();
        return ((Number) id).longValue();
    }

    /**
     * Records the outcome; also over a row the reaper gave up on, because a late truth beats none. {@code costUsd}
     * is the list price of a billed answer (null when nothing was billed or the bill is unknown), so the ledger
     * alone sums the day's spend.
     */
    public void finish(long id, String outcome, Integer httpStatus, Boolean billed, String requestId,
                       Integer inputTokens, Integer outputTokens, long latencyMs, String error, String finishReason,
                       Integer cachedInputTokens, BigDecimal costUsd) {
        em.createNativeQuery("""
                        UPDATE provider_calls SET finished_at = now(), outcome = :outcome,
                               http_status = CAST(:status AS integer), billed = CAST(:billed AS boolean),
                               request_id = CAST(:requestId AS text), input_tokens = CAST(:in AS integer),
                               output_tokens = CAST(:out AS integer), latency_ms = :latency,
                               error = CAST(:error AS text), finish_reason = CAST(:finish AS text),
                               cached_input_tokens = CAST(:cached AS integer), cost_usd = CAST(:cost AS numeric)
                        WHERE id = :id AND outcome IN ('in_flight', 'abandoned')""")
                .setParameter("finish", SubmissionRepository.truncate(finishReason, 64))
                .setParameter("cached", cachedInputTokens)
                .setParameter("cost", costUsd)
                .setParameter("outcome", outcome)
                .setParameter("status", httpStatus)
                .setParameter("billed", billed)
                .setParameter("requestId", requestId)
                .setParameter("in", inputTokens)
                .setParameter("out", outputTokens)
                .setParameter("latency", (int) Math.min(Integer.MAX_VALUE, latencyMs))
                .setParameter("error", SubmissionRepository.truncate(error, 1000))
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Attempts of abandoned claims: whether they were billed is unknown, so billed stays null. */
    public int abandonInFlight(Collection<UUID> submissionIds) {
        if (submissionIds.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                        UPDATE provider_calls SET outcome = 'abandoned', finished_at = now(),
                               error = 'the calling process did not record an outcome before its lease expired'
                        WHERE submission_id IN (:ids) AND outcome = 'in_flight'""")
                .setParameter("ids", submissionIds)
                .executeUpdate();
    }
}
