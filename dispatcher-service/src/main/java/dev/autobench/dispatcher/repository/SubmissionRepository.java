package dev.autobench.dispatcher.repository;

import dev.autobench.dispatcher.domain.AbandonedClaim;
import dev.autobench.dispatcher.domain.PairState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Submissions are claimed and completed by single conditional statements: the database, not the JVM,
 * decides who may call a provider, so two replicas (or one run twice) can never both call.
 */
@ApplicationScoped
public class SubmissionRepository {

    private final EntityManager em;

    SubmissionRepository(EntityManager em) {
        this.em = em;
    }

    /** The claim: only the transaction whose insert wins gets an id back, and only it may call. */
    @SuppressWarnings("unchecked")
    public Optional<UUID> claim(UUID taskId, UUID modelId, String owner, Duration lease) {
        List<UUID> ids = em.createNativeQuery("""
                        INSERT INTO submissions (task_id, model_id, status, claimed_by, claimed_at, lease_until)
                        VALUES (:task, :model, 'calling', :owner, now(), now() + make_interval(secs => :lease))
                        ON CONFLICT (task_id, model_id) DO NOTHING
                        RETURNING id""")
                .setParameter("task", taskId)
                .setParameter("model", modelId)
                .setParameter("owner", owner)
                .setParameter("lease", (double) lease.toSeconds())
                .getResultList();
        return ids.stream().findFirst();
    }

    /** Re-opens a failed pair for a deliberate retry; returns the last attempt number, empty if it was not failed. */
    @SuppressWarnings("unchecked")
    public Optional<Integer> reclaimFailed(UUID taskId, UUID modelId, String owner, Duration lease) {
        List<Integer> attempts = em.createNativeQuery("""
                        UPDATE submissions SET status = 'calling', claimed_by = :owner, claimed_at = now(),
                               lease_until = now() + make_interval(secs => :lease), error_code = NULL,
                               error_message = NULL, finished_at = NULL
                        WHERE task_id = :task AND model_id = :model AND status = 'failed'
                        RETURNING attempts""")
                .setParameter("task", taskId)
                .setParameter("model", modelId)
                .setParameter("owner", owner)
                .setParameter("lease", (double) lease.toSeconds())
                .getResultList();
        return attempts.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    public Optional<PairState> findPair(UUID taskId, UUID modelId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, status, error_code, attempts FROM submissions WHERE task_id = :task AND model_id = :model""")
                .setParameter("task", taskId).setParameter("model", modelId).getResultList();
        return rows.stream().findFirst()
                .map(r -> new PairState((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue()));
    }

    public void recordAttempt(UUID submissionId, int attempt) {
        em.createNativeQuery("UPDATE submissions SET attempts = GREATEST(attempts, :attempt) WHERE id = :id")
                .setParameter("attempt", attempt).setParameter("id", submissionId).executeUpdate();
    }

    /** Stores the code; a no-op (false) if the claim was lost meanwhile (the reaper abandoned it). */
    public boolean succeed(UUID id, String owner, String answer, String code, int inputTokens, int outputTokens,
                           BigDecimal cost, long latencyMs, String requestId) {
        return em.createNativeQuery("""
                        UPDATE submissions SET status = 'succeeded', answer = :answer, code = :code,
                               input_tokens = :in, output_tokens = :out, cost_usd = :cost, latency_ms = :latency,
                               provider_request_id = CAST(:requestId AS text), finished_at = now(), lease_until = NULL
                        WHERE id = :id AND status = 'calling' AND claimed_by = :owner""")
                .setParameter("answer", answer)
                .setParameter("code", code)
                .setParameter("in", inputTokens)
                .setParameter("out", outputTokens)
                .setParameter("cost", cost)
                .setParameter("latency", (int) Math.min(Integer.MAX_VALUE, latencyMs))
                .setParameter("requestId", requestId)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .executeUpdate() == 1;
    }

    /** Fails the claim with a reason; tokens and cost are kept when the provider answered (no_code). */
    public boolean fail(UUID id, String owner, String errorCode, String message, String answer, Integer inputTokens,
                        Integer outputTokens, BigDecimal cost, Long latencyMs, String requestId) {
        return em.createNativeQuery("""
                        UPDATE submissions SET status = 'failed', error_code = :code, error_message = :message,
                               answer = CAST(:answer AS text), input_tokens = CAST(:in AS integer),
                               output_tokens = CAST(:out AS integer), cost_usd = CAST(:cost AS numeric),
                               latency_ms = CAST(:latency AS integer), provider_request_id = CAST(:requestId AS text),
                               finished_at = now(), lease_until = NULL
                        WHERE id = :id AND status = 'calling' AND claimed_by = :owner""")
                .setParameter("code", errorCode)
                .setParameter("message", truncate(message, 1000))
                .setParameter("answer", answer)
                .setParameter("in", inputTokens)
                .setParameter("out", outputTokens)
                .setParameter("cost", cost)
                .setParameter("latency", latencyMs == null ? null : (int) Math.min(Integer.MAX_VALUE, latencyMs))
                .setParameter("requestId", requestId)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .executeUpdate() == 1;
    }

    /** Fails claims whose lease ran out: their process died or hung. */
    @SuppressWarnings("unchecked")
    public List<AbandonedClaim> abandonExpired() {
        List<Object[]> rows = em.createNativeQuery("""
                        UPDATE submissions SET status = 'failed', error_code = 'abandoned',
                               error_message = 'claim by ' || COALESCE(claimed_by, '?') || ' expired at '
                                               || to_char(lease_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                                               || ' without a result; not called again automatically',
                               finished_at = now(), lease_until = NULL
                        WHERE status = 'calling' AND lease_until < now()
                        RETURNING id, task_id""")
                .getResultList();
        return rows.stream().map(r -> new AbandonedClaim((UUID) r[0], (UUID) r[1])).toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Long> countByStatus() {
        List<Object[]> rows = em.createNativeQuery("SELECT status, count(*) FROM submissions GROUP BY status").getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
