package dev.autobench.llm.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * The provider-call ledger ({@code provider_calls}), the one writer for every service that calls a model: one row
 * per HTTP attempt, written BEFORE the request leaves (so a crash mid-call still shows a call that may have been
 * billed), then its outcome. Each method runs in the caller's transaction: the caller commits the row before it
 * sends, and decides what else commits with it (the dispatcher its lease renewal and budget check).
 */
@ApplicationScoped
public class ProviderCallLedger {

    /** The purpose of a dispatcher attempt answering a submission. */
    public static final String SUBMISSION = "submission";
    /** The purpose of a generator call that writes the day's tasks. */
    public static final String TASK_AUTHOR = "task_author";

    private final EntityManager em;

    ProviderCallLedger(EntityManager em) {
        this.em = em;
    }

    /** The in-flight row of an attempt about to be sent; returns its id. */
    public long begin(CallStart call) {
        var insert = call.submissionId() == null
                ? em.createNativeQuery("""
                        INSERT INTO provider_calls (purpose, provider, api_model, attempt, outcome)
                        VALUES (:purpose, :provider, :apiModel, :attempt, 'in_flight') RETURNING id""")
                : em.createNativeQuery("""
                        INSERT INTO provider_calls (submission_id, purpose, provider, api_model, attempt, outcome)
                        VALUES (:submission, :purpose, :provider, :apiModel, :attempt, 'in_flight') RETURNING id""")
                .setParameter("submission", call.submissionId());
        return ((Number) insert
                .setParameter("purpose", call.purpose())
                .setParameter("provider", call.provider())
                .setParameter("apiModel", call.apiModel())
                .setParameter("attempt", call.attempt())
                .getSingleResult()).longValue();
    }

    /**
     * Records the outcome; also over a row already given up as abandoned, because a late truth beats none. The
     * cost column is written only when there is a cost: the generator, which has no price list, may not update it.
     */
    public boolean finish(long id, AttemptOutcome outcome) {
        String cost = outcome.costUsd() == null ? "" : ", cost_usd = CAST(:cost AS numeric)";
        var update = em.createNativeQuery("""
                        UPDATE provider_calls SET finished_at = now(), outcome = :outcome,
                               http_status = CAST(:status AS integer), billed = CAST(:billed AS boolean),
                               request_id = CAST(:requestId AS text), input_tokens = CAST(:in AS integer),
                               output_tokens = CAST(:out AS integer), latency_ms = :latency,
                               error = CAST(:error AS text), finish_reason = CAST(:finish AS text),
                               cached_input_tokens = CAST(:cached AS integer)%s
                        WHERE id = :id AND outcome IN ('in_flight', 'abandoned')""".formatted(cost))
                .setParameter("outcome", outcome.outcome())
                .setParameter("status", outcome.httpStatus())
                .setParameter("billed", outcome.billed())
                .setParameter("requestId", truncate(outcome.requestId(), 200))
                .setParameter("in", outcome.inputTokens())
                .setParameter("out", outcome.outputTokens())
                .setParameter("latency", (int) outcome.latencyMillis())
                .setParameter("error", truncate(outcome.error(), 1000))
                .setParameter("finish", truncate(outcome.finishReason(), 64))
                .setParameter("cached", outcome.cachedInputTokens())
                .setParameter("id", id);
        if (outcome.costUsd() != null) {
            update.setParameter("cost", outcome.costUsd());
        }
        return update.executeUpdate() == 1;
    }

    /** Attempts of abandoned submission claims: whether they were billed is unknown, so billed stays null. */
    public int abandonSubmissionAttempts(Collection<UUID> submissionIds) {
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

    /**
     * Task-author calls left in flight by a generator that died mid-call: no outcome will come, and whether they
     * were billed is unknown, so billed stays null. Only rows older than {@code olderThan}, which is longer than
     * any author call may last.
     */
    public int abandonTaskAuthorCalls(Duration olderThan) {
        return em.createNativeQuery("""
                        UPDATE provider_calls SET outcome = 'abandoned', finished_at = now(),
                               error = 'the generator did not record an outcome; it stopped during the call'
                        WHERE purpose = :purpose AND outcome = 'in_flight'
                          AND started_at < now() - CAST(:age AS interval)""")
                .setParameter("purpose", TASK_AUTHOR)
                .setParameter("age", olderThan.toSeconds() + " seconds")
                .executeUpdate();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
