package dev.autobench.arena.voting;

import dev.autobench.arena.sql.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

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
        VOTER("voter_key"), IP("ip_hash");

        final String column;

        Subject(String column) {
            this.column = column;
        }
    }

    @Inject
    EntityManager em;

    /**
     * Serialises this transaction with every other vote of the same voter and of the same IP hash,
     * on every replica, until commit: the window counts that follow then see every vote that could
     * compete with this one. The voter lock is always taken before the IP lock, so two votes
     * cannot deadlock.
     */
    public void lock(String voterKey, String ipHash) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:voterSpace, hashtext(:voter)),"
                        + " pg_advisory_xact_lock(:ipSpace, hashtext(:ip))")
                .setParameter("voterSpace", VOTER_LOCKS)
                .setParameter("voter", voterKey)
                .setParameter("ipSpace", IP_LOCKS)
                .setParameter("ip", ipHash)
                .getSingleResult();
    }

    /** Votes of this voter and of this IP hash in the last minute and the last hour, in one round trip. */
    public record WindowCounts(long voterMinute, long voterHour, long ipMinute, long ipHour) {
    }

    public WindowCounts counts(String voterKey, String ipHash, Instant minuteAgo, Instant hourAgo) {
        Tuple row = Rows.tuple(em.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE voter_key = :voter AND created_at > :minute) AS voter_minute,
                               count(*) FILTER (WHERE voter_key = :voter) AS voter_hour,
                               count(*) FILTER (WHERE ip_hash = :ip AND created_at > :minute) AS ip_minute,
                               count(*) FILTER (WHERE ip_hash = :ip) AS ip_hour
                        FROM votes
                        WHERE (voter_key = :voter OR ip_hash = :ip) AND created_at > :hour
                        """, Tuple.class)
                .setParameter("voter", voterKey)
                .setParameter("ip", ipHash)
                .setParameter("minute", minuteAgo)
                .setParameter("hour", hourAgo));
        return new WindowCounts(Rows.longValue(row, "voter_minute"), Rows.longValue(row, "voter_hour"),
                Rows.longValue(row, "ip_minute"), Rows.longValue(row, "ip_hour"));
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
        return rows.stream().findFirst().map(Rows::instant).map(at -> at.plus(window));
    }

    /**
     * Inserts the vote unless this voter already voted on this match, and counts it on the match,
     * in one statement; the vote's id when inserted.
     */
    public Optional<Long> insert(UUID matchId, String voterKey, String ipHash, String outcome, boolean counted,
                                 String notCountedReason, Instant servedAt) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        WITH inserted AS (
                            INSERT INTO votes (match_id, voter_key, ip_hash, outcome, counted, not_counted_reason,
                                               served_at)
                            VALUES (:match, :voter, :ip, :outcome, :counted, CAST(:reason AS text), :served)
                            ON CONFLICT (match_id, voter_key) DO NOTHING
                            RETURNING id, match_id
                        ), counted AS (
                            UPDATE matches SET vote_count = vote_count + 1
                            WHERE id IN (SELECT match_id FROM inserted)
                        )
                        SELECT id FROM inserted
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
}
