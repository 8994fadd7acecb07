package dev.autobench.arena.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storing votes, and the sliding windows the rate limits count on. */
@ApplicationScoped
public class VoteRepository {

    /** Advisory-lock namespaces (first key of the two-int form), so voter and IP locks never collide. */
    private static final int VOTER_LOCKS = 0x41425601;
    private static final int IP_LOCKS = 0x41425602;

    public enum Subject {
        VOTER("voter_key", VOTER_LOCKS), IP("ip_hash", IP_LOCKS);

        final String column;
        final int lockSpace;

        Subject(String column, int lockSpace) {
            this.column = column;
            this.lockSpace = lockSpace;
        }
    }

    @Inject
    EntityManager em;

    /**
     * Serialises this transaction with every other vote of the same subject, on every replica,
     * until commit: the window count that follows then sees every vote that could compete with it.
     * Callers lock the voter before the IP, always, so two votes cannot deadlock.
     */
    public void lock(Subject subject, String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:space, hashtext(:key))")
                .setParameter("space", subject.lockSpace)
                .setParameter("key", key)
                .getSingleResult();
    }

    public long countSince(Subject subject, String key, Instant since) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM votes WHERE " + subject.column
                        + " = :key AND created_at > :since")
                .setParameter("key", key)
                .setParameter("since", since)
                .getSingleResult()).longValue();
    }

    /**
     * When the window will have room again: the moment the vote that must age out (the
     * {@code limit}-th newest) leaves it.
     */
    public Optional<Instant> roomAt(Subject subject, String key, Instant since, int limit, Duration window) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT created_at FROM votes WHERE " + subject.column
                        + " = :key AND created_at > :since ORDER BY created_at DESC OFFSET :skip LIMIT 1")
                .setParameter("key", key)
                .setParameter("since", since)
                .setParameter("skip", Math.max(0, limit - 1))
                .getResultList();
        return rows.stream().findFirst().map(VoteRepository::instant).map(at -> at.plus(window));
    }

    /** Inserts the vote unless this voter already voted on this match; the id when inserted. */
    public Optional<Long> insert(UUID matchId, String voterKey, String ipHash, String outcome, boolean counted,
                                 String notCountedReason, Instant servedAt) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        INSERT INTO votes (match_id, voter_key, ip_hash, outcome, counted, not_counted_reason, served_at)
                        VALUES (:match, :voter, :ip, :outcome, :counted, CAST(:reason AS text), :served)
                        ON CONFLICT (match_id, voter_key) DO NOTHING
                        RETURNING id
                        """)
                .setParameter("match", matchId)
                .setParameter("voter", voterKey)
                .setParameter("ip", ipHash)
                .setParameter("outcome", outcome)
                .setParameter("counted", counted)
                .setParameter("reason", notCountedReason)
                .setParameter("served", servedAt)
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
