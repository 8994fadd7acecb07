package dev.autobench.dispatcher.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.UUID;

/** The provider_calls ledger: one row per HTTP attempt, written before the request leaves. */
@ApplicationScoped
public class ProviderCallRepository {

    private final EntityManager em;

    ProviderCallRepository(EntityManager em) {
        this.em = em;
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

    /** Records the outcome; also over a row the reaper gave up on, because a late truth beats none. */
    public void finish(long id, String outcome, Integer httpStatus, Boolean billed, String requestId,
                       Integer inputTokens, Integer outputTokens, long latencyMs, String error) {
        em.createNativeQuery("""
                        UPDATE provider_calls SET finished_at = now(), outcome = :outcome,
                               http_status = CAST(:status AS integer), billed = CAST(:billed AS boolean),
                               request_id = CAST(:requestId AS text), input_tokens = CAST(:in AS integer),
                               output_tokens = CAST(:out AS integer), latency_ms = :latency,
                               error = CAST(:error AS text)
                        WHERE id = :id AND outcome IN ('in_flight', 'abandoned')""")
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
