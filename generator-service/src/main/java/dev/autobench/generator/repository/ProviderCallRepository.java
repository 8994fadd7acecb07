package dev.autobench.generator.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;

/**
 * The provider-call ledger, as far as the task author writes to it: the dispatcher's rules, one row
 * per HTTP attempt, written and committed BEFORE the request leaves (so a crash mid-call still shows
 * a call that may have been billed), then its outcome. Each statement commits on its own: a call
 * stays on record even when the day's generation rolls back afterwards.
 */
@ApplicationScoped
public class ProviderCallRepository {

    static final String PURPOSE_TASK_AUTHOR = "task_author";

    private final EntityManager em;

    ProviderCallRepository(EntityManager em) {
        this.em = em;
    }

    /** The in-flight row of an attempt about to be sent; returns its id. */
    public long begin(String provider, String apiModel) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        INSERT INTO provider_calls (purpose, provider, api_model, attempt, outcome)
                        VALUES (:purpose, :provider, :apiModel, 1, 'in_flight') RETURNING id""")
                .setParameter("purpose", PURPOSE_TASK_AUTHOR)
                .setParameter("provider", provider)
                .setParameter("apiModel", apiModel)
                .getSingleResult()).longValue());
    }

    /** The attempt's outcome; a row already given up as abandoned still takes it (a late truth beats none). */
    public void finish(long id, String outcome, Integer httpStatus, Boolean billed, String requestId,
                       Integer inputTokens, Integer outputTokens, long latencyMs, String error, String finishReason,
                       Integer cachedInputTokens) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        UPDATE provider_calls SET finished_at = now(), outcome = :outcome,
                               http_status = CAST(:status AS integer), billed = CAST(:billed AS boolean),
                               request_id = CAST(:requestId AS text), input_tokens = CAST(:in AS integer),
                               output_tokens = CAST(:out AS integer), latency_ms = :latency,
                               error = CAST(:error AS text), finish_reason = CAST(:finish AS text),
                               cached_input_tokens = CAST(:cached AS integer)
                        WHERE id = :id AND purpose = :purpose AND outcome IN ('in_flight', 'abandoned')""")
                .setParameter("outcome", outcome)
                .setParameter("status", httpStatus)
                .setParameter("billed", billed)
                .setParameter("requestId", truncate(requestId, 200))
                .setParameter("in", inputTokens)
                .setParameter("out", outputTokens)
                .setParameter("latency", (int) Math.min(Integer.MAX_VALUE, latencyMs))
                .setParameter("error", truncate(error, 1000))
                .setParameter("finish", truncate(finishReason, 64))
                .setParameter("cached", cachedInputTokens)
                .setParameter("id", id)
                .setParameter("purpose", PURPOSE_TASK_AUTHOR)
                .executeUpdate());
    }

    /**
     * Author calls left in flight by a generator that died mid-call: no outcome will come, and whether
     * they were billed is unknown, so billed stays null. Only rows older than {@code olderThan}, which
     * is longer than any author call may last.
     */
    public int abandonInFlight(Duration olderThan) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        UPDATE provider_calls SET outcome = 'abandoned', finished_at = now(),
                               error = 'the generator did not record an outcome; it stopped during the call'
                        WHERE purpose = :purpose AND outcome = 'in_flight'
                          AND started_at < now() - CAST(:age AS interval)""")
                .setParameter("purpose", PURPOSE_TASK_AUTHOR)
                .setParameter("age", olderThan.toSeconds() + " seconds")
                .executeUpdate());
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
