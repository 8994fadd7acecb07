package dev.autobench.renderer.artifact;

import dev.autobench.common.checks.Check;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Artifacts and the claims that make every submission render once, however many renderers run.
 *
 * <p>A claim takes a transaction-scoped advisory lock on the submission (the first free one, in queue order, so
 * concurrent renderers take different rows instead of queueing on the same one) and commits a 'rendering' artifact
 * carrying the renderer's name and a lease, before any rendering starts. An advisory lock rather than a row lock
 * ({@code FOR UPDATE}) because the renderer's database role may only read submissions, and a row lock needs the
 * right to update the row. UNIQUE(submission_id) is the last line: a renderer whose snapshot missed
 * a just-committed claim inserts nothing and moves on.
 */
@ApplicationScoped
public class ArtifactRepository implements PanacheRepositoryBase<Artifact, UUID> {

    private final StoredChecks storedChecks;

    @Inject
    public ArtifactRepository(StoredChecks checks) {
        this.storedChecks = checks;
    }

    /**
     * The oldest renderable submission no other renderer holds. The inner LIMIT keeps the lock predicate out of the
     * ordered scan (a qualifier is never pushed into a subquery with a LIMIT), so locks are tried in queue order and
     * the outer LIMIT stops at the first one taken.
     */
    private static final String NEXT_RENDERABLE = """
            SELECT c.id FROM (
                SELECT s.id FROM submissions s
                LEFT JOIN artifacts a ON a.submission_id = s.id
                WHERE s.status = 'succeeded'
                  AND (a.id IS NULL OR (a.status = 'rendering' AND a.lease_until < now()))
                ORDER BY s.created_at, s.id
                LIMIT 256) c
            WHERE pg_try_advisory_xact_lock(hashtext('autobench.renderer.claim'), hashtext(c.id::text))
            LIMIT 1""";

    private static final String CODE_AND_CHECKS = """
            SELECT s.code AS code, t.checks::text AS checks FROM submissions s JOIN tasks t ON t.id = s.task_id
            WHERE s.id = :id""";

    private static final String INSERT_CLAIM = """
            INSERT INTO artifacts (submission_id, status, claimed_by, lease_until)
            VALUES (:submission, 'rendering', :renderer, now() + make_interval(secs => :leaseSeconds))
            ON CONFLICT (submission_id) DO NOTHING""";

    private static final String TAKE_OVER_EXPIRED_CLAIM = """
            UPDATE artifacts SET claimed_by = :renderer, lease_until = now() + make_interval(secs => :leaseSeconds)
            WHERE submission_id = :submission AND status = 'rendering' AND lease_until < now()""";

    private static final String QUEUE_DEPTH = """
            SELECT count(*) FROM submissions s
            WHERE s.status = 'succeeded' AND NOT EXISTS (SELECT 1 FROM artifacts a WHERE a.submission_id = s.id)""";

    private static final String QUEUE = """
            SELECT count(*) FILTER (WHERE a.id IS NULL OR (a.status = 'rendering' AND a.lease_until < now()))
                       AS waiting,
                   count(*) FILTER (WHERE a.status = 'rendering' AND coalesce(a.lease_until >= now(), true))
                       AS rendering
            FROM submissions s LEFT JOIN artifacts a ON a.submission_id = s.id
            WHERE s.status = 'succeeded'""";

    /**
     * Claims the oldest succeeded submission that has no artifact, or whose renderer's lease ran out.
     * Empty when there is nothing left that nobody else holds.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<RenderClaim> claimNext(String renderer, Duration lease) {
        // A lost race (another renderer committed the claim between our snapshot and our insert) is retried with
        // the next row; the bound only guards against a pathological loop.
        for (int attempt = 0; attempt < 5; attempt++) {
            @SuppressWarnings("unchecked")
            List<UUID> rows = getEntityManager().createNativeQuery(NEXT_RENDERABLE).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            UUID submission = rows.get(0);
            Tuple row = (Tuple) getEntityManager().createNativeQuery(CODE_AND_CHECKS, Tuple.class)
                    .setParameter("id", submission)
                    .getSingleResult();
            String code = row.get("code", String.class);
            List<Check> checks = storedChecks.parse(submission, row.get("checks", String.class));
            double leaseSeconds = lease.toMillis() / 1000.0;
            int claimed = getEntityManager().createNativeQuery(INSERT_CLAIM)
                    .setParameter("submission", submission)
                    .setParameter("renderer", renderer)
                    .setParameter("leaseSeconds", leaseSeconds)
                    .executeUpdate();
            if (claimed == 0) {
                claimed = getEntityManager().createNativeQuery(TAKE_OVER_EXPIRED_CLAIM)
                        .setParameter("submission", submission)
                        .setParameter("renderer", renderer)
                        .setParameter("leaseSeconds", leaseSeconds)
                        .executeUpdate();
            }
            if (claimed == 1) {
                return Optional.of(new RenderClaim(submission, code, renderer, checks));
            }
        }
        return Optional.empty();
    }

    /**
     * Stores a finished render, if the claim is still ours: a renderer that overran its lease and was taken over
     * must not overwrite the newer result. Returns the stored status, empty when the claim was lost.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> complete(RenderClaim claim, Consumer<Artifact> result) {
        Optional<Artifact> artifact = find("submissionId", claim.submissionId())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        if (artifact.isEmpty() || !artifact.get().claimedBy(claim.renderer())) {
            return Optional.empty();
        }
        Artifact a = artifact.get();
        result.accept(a);
        a.leaseUntil = null;
        a.renderedAt = Instant.now();
        return Optional.of(a.status);
    }

    /** Succeeded submissions still waiting for a renderer, and those a live renderer holds. */
    @Transactional
    public RenderQueue queue() {
        Tuple row = (Tuple) getEntityManager().createNativeQuery(QUEUE, Tuple.class).getSingleResult();
        return new RenderQueue(row.get("waiting", Number.class).longValue(),
                row.get("rendering", Number.class).longValue());
    }

    @Transactional
    public long queueDepth() {
        return ((Number) getEntityManager().createNativeQuery(QUEUE_DEPTH).getSingleResult()).longValue();
    }
}
