package dev.autobench.arena.leaderboard;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored leaderboards: one batch per computation, one row per category and window. */
@ApplicationScoped
public class SnapshotRepository implements PanacheRepository<LeaderboardSnapshot> {

    /** Serialises snapshot writers across replicas (transaction-scoped; never blocks). */
    private static final long WRITE_LOCK = 0x4142_4C42_0001L;

    public boolean tryWriteLock() {
        return Boolean.TRUE.equals(getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", WRITE_LOCK)
                .getSingleResult());
    }

    public Optional<Long> latestId() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("SELECT max(s.id) FROM LeaderboardSnapshot s", Long.class)
                .getSingleResult());
    }

    /** Every category's and window's row of the most recent computation. */
    public List<LeaderboardSnapshot> latestBatch() {
        Optional<Instant> latest = Optional.ofNullable(getEntityManager()
                .createQuery("SELECT max(s.computedAt) FROM LeaderboardSnapshot s WHERE s.category = :all"
                        + " AND s.timeWindow = :all", Instant.class)
                .setParameter("all", LeaderboardSnapshot.ALL)
                .getSingleResult());
        return latest.map(at -> list("computedAt = ?1 ORDER BY timeWindow, category", at)).orElse(List.of());
    }

    /** Drops old computations, always keeping the latest batch. */
    public long prune(Instant olderThan, Instant latestBatch) {
        return delete("computedAt < ?1 AND computedAt <> ?2", olderThan, latestBatch);
    }
}
