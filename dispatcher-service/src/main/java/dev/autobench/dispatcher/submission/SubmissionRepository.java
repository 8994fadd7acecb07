package dev.autobench.dispatcher.submission;

import dev.autobench.dispatcher.claim.AbandonedClaim;
import dev.autobench.dispatcher.claim.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

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

    /**
     * The claim: only the transaction whose insert wins gets an id (and a fresh token) back, and only it may call.
     * A pair released unsent ({@code queued}) is claimed again the same way; any other existing row is left alone.
     */
    public Optional<Claim> claim(UUID taskId, UUID modelId, String owner, Duration lease) {
        List<Tuple> rows = em.createNativeQuery("""
                        INSERT INTO submissions (task_id, model_id, status, claimed_by, claimed_at, lease_until, claim_token)
                        VALUES (:task, :model, 'calling', :owner, now(), now() + make_interval(secs => :lease),
                                gen_random_uuid())
                        ON CONFLICT (task_id, model_id) DO UPDATE
                            SET status = 'calling', claimed_by = EXCLUDED.claimed_by, claimed_at = now(),
                                lease_until = EXCLUDED.lease_until, claim_token = EXCLUDED.claim_token
                            WHERE submissions.status = 'queued'
                        RETURNING id, claim_token, attempts""", Tuple.class)
                .setParameter("task", taskId)
                .setParameter("model", modelId)
                .setParameter("owner", owner)
                .setParameter("lease", (double) lease.toSeconds())
                .getResultList();
        return rows.stream().findFirst().map(SubmissionRepository::claimOf);
    }

    /**
     * Re-opens a failed pair for a deliberate retry under a new token; empty if it was not failed, or if its
     * failure may have been billed and {@code force} is not set.
     */
    public Optional<Claim> reclaimFailed(UUID taskId, UUID modelId, String owner, Duration lease, boolean force) {
        List<Tuple> rows = em.createNativeQuery("""
                        UPDATE submissions SET status = 'calling', claimed_by = :owner, claimed_at = now(),
                               lease_until = now() + make_interval(secs => :lease), error_code = NULL,
                               error_message = NULL, finished_at = NULL, claim_token = gen_random_uuid()
                        WHERE task_id = :task AND model_id = :model AND status = 'failed'
                          AND (:force OR error_code NOT IN (:billed))
                        RETURNING id, claim_token, attempts""", Tuple.class)
                .setParameter("task", taskId)
                .setParameter("model", modelId)
                .setParameter("owner", owner)
                .setParameter("lease", (double) lease.toSeconds())
                .setParameter("force", force)
                .setParameter("billed", POSSIBLY_BILLED)
                .getResultList();
        return rows.stream().findFirst().map(SubmissionRepository::claimOf);
    }

    /** Releases a claim whose pair was not sent (an open circuit): {@code queued}, claimable again. */
    public boolean release(Claim claim) {
        return em.createNativeQuery("""
                        UPDATE submissions SET status = 'queued', claimed_by = NULL, claimed_at = NULL, lease_until = NULL,
                               claim_token = NULL
                        WHERE id = :id AND claim_token = :token AND status = 'calling'""")
                .setParameter("id", claim.submissionId())
                .setParameter("token", claim.token())
                .executeUpdate() == 1;
    }

    public long countReleased() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM submissions WHERE status = 'queued'")
                .getSingleResult()).longValue();
    }

    /** Failures after which the provider may have billed the pair: re-calling them needs an explicit force. */
    public static final List<String> POSSIBLY_BILLED = List.of("timeout", "abandoned", "possibly_processed");

    /**
     * Starts an attempt: renews the lease, provided the claim is still this one and still calling. False
     * when it was reaped or re-claimed meanwhile; then nothing may be sent.
     */
    public boolean startAttempt(Claim claim, int attempt, Duration lease) {
        return em.createNativeQuery("""
                        UPDATE submissions SET attempts = GREATEST(attempts, :attempt),
                               lease_until = now() + make_interval(secs => :lease)
                        WHERE id = :id AND claim_token = :token AND status = 'calling'""")
                .setParameter("attempt", attempt)
                .setParameter("lease", (double) lease.toSeconds())
                .setParameter("id", claim.submissionId())
                .setParameter("token", claim.token())
                .executeUpdate() == 1;
    }

    private static Claim claimOf(Tuple row) {
        return new Claim(row.get("id", UUID.class), row.get("claim_token", UUID.class),
                row.get("attempts", Number.class).intValue());
    }

    public Optional<PairState> findPair(UUID taskId, UUID modelId) {
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT id, status, error_code, attempts FROM submissions WHERE task_id = :task AND model_id = :model""",
                        Tuple.class)
                .setParameter("task", taskId).setParameter("model", modelId).getResultList();
        return rows.stream().findFirst()
                .map(r -> new PairState(r.get("id", UUID.class), r.get("status", String.class), r.get("error_code", String.class),
                        r.get("attempts", Number.class).intValue()));
    }

    /**
     * Stores the code while the claim holds, and also over an abandoned claim nobody re-claimed since (same
     * token): the answer was paid for, and storing it costs nothing. A no-op (false) once re-claimed.
     */
    public boolean succeed(Claim claim, SubmissionAnswer answer) {
        return em.createNativeQuery("""
                        UPDATE submissions SET status = 'succeeded', answer = :answer, code = :code,
                               input_tokens = :in, output_tokens = :out, cost_usd = :cost, latency_ms = :latency,
                               provider_request_id = CAST(:requestId AS text), finished_at = now(), lease_until = NULL
                        WHERE id = :id AND claim_token = :token
                          AND (status = 'calling' OR (status = 'failed' AND error_code = 'abandoned'))""")
                .setParameter("answer", answer.answer())
                .setParameter("code", answer.code())
                .setParameter("in", answer.inputTokens())
                .setParameter("out", answer.outputTokens())
                .setParameter("cost", answer.cost())
                .setParameter("latency", (int) Math.min(Integer.MAX_VALUE, answer.latency().toMillis()))
                .setParameter("requestId", answer.requestId())
                .setParameter("id", claim.submissionId())
                .setParameter("token", claim.token())
                .executeUpdate() == 1;
    }

    /** Fails the claim with a reason; tokens and cost are kept when the provider answered (no_code). Same rule as succeed. */
    public boolean fail(Claim claim, SubmissionFailure failure) {
        return em.createNativeQuery("""
                        UPDATE submissions SET status = 'failed', error_code = :code, error_message = :message,
                               answer = CAST(:answer AS text), input_tokens = CAST(:in AS integer),
                               output_tokens = CAST(:out AS integer), cost_usd = CAST(:cost AS numeric),
                               latency_ms = CAST(:latency AS integer), provider_request_id = CAST(:requestId AS text),
                               finished_at = now(), lease_until = NULL
                        WHERE id = :id AND claim_token = :token
                          AND (status = 'calling' OR (status = 'failed' AND error_code = 'abandoned'))""")
                .setParameter("code", failure.code().db())
                .setParameter("message", truncate(failure.message(), 1000))
                .setParameter("answer", failure.answer())
                .setParameter("in", failure.inputTokens())
                .setParameter("out", failure.outputTokens())
                .setParameter("cost", failure.cost())
                .setParameter("latency", failure.latency() == null ? null
                        : (int) Math.min(Integer.MAX_VALUE, failure.latency().toMillis()))
                .setParameter("requestId", failure.requestId())
                .setParameter("id", claim.submissionId())
                .setParameter("token", claim.token())
                .executeUpdate() == 1;
    }

    /** Fails claims whose lease ran out: their process died or hung. */
    public List<AbandonedClaim> abandonExpired() {
        List<Tuple> rows = em.createNativeQuery("""
                        UPDATE submissions SET status = 'failed', error_code = 'abandoned',
                               error_message = 'claim by ' || COALESCE(claimed_by, '?') || ' expired at '
                                               || to_char(lease_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                                               || ' without a result; not called again automatically',
                               finished_at = now(), lease_until = NULL
                        WHERE status = 'calling' AND lease_until < now()
                        RETURNING id, task_id""", Tuple.class)
                .getResultList();
        return rows.stream().map(r -> new AbandonedClaim(r.get("id", UUID.class), r.get("task_id", UUID.class))).toList();
    }

    public Map<String, Long> countByStatus() {
        List<Tuple> rows = em.createNativeQuery("SELECT status, count(*) AS n FROM submissions GROUP BY status",
                Tuple.class).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put(r.get("status", String.class), r.get("n", Number.class).longValue()));
        return counts;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
