package dev.autobench.arena.matches;

import dev.autobench.arena.config.ArenaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which matches each voter has judged, held in memory: a voter is never served a match they voted
 * on. Votes stored on this replica are added at once; votes stored anywhere are read from the
 * database on each refresh ({@link MatchCacheRefresh}), looking {@code vote-overlap} back past the
 * last vote already read because a vote's {@code created_at} is its transaction's start and a
 * longer transaction commits later. Voters whose last vote is older than the window are dropped:
 * their votes are on closed tasks only.
 */
@ApplicationScoped
public class JudgedMatches {

    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private static final class Voted {
        final Set<UUID> matches = ConcurrentHashMap.newKeySet();
        volatile Instant last = Instant.EPOCH;

        void add(UUID matchId, Instant at) {
            matches.add(matchId);
            if (at.isAfter(last)) {
                last = at;
            }
        }
    }

    @Inject
    MatchRepository repository;

    @Inject
    ArenaConfig config;

    Clock clock = Clock.systemUTC();

    private final Map<String, Voted> byVoter = new ConcurrentHashMap<>();
    private volatile Instant readUpTo;
    private Instant prunedAt = Instant.EPOCH;

    public boolean loaded() {
        return readUpTo != null;
    }

    /** The matches this voter is known to have judged (all of them up to one refresh interval ago). */
    public Set<UUID> of(String voterKey) {
        Voted voted = byVoter.get(voterKey);
        return voted == null ? Set.of() : voted.matches;
    }

    /** The voter's judged matches read from the database now (the exact mode). */
    @Transactional
    public Set<UUID> read(String voterKey) {
        return repository.judgedBy(voterKey, clock.instant().minus(config.window()));
    }

    /** A vote stored on this replica. */
    public void record(String voterKey, UUID matchId) {
        byVoter.computeIfAbsent(voterKey, k -> new Voted()).add(matchId, clock.instant());
    }

    /** Reads the votes stored since the last refresh (all the window's votes the first time). */
    @Transactional
    public void refresh() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.window());
        Instant since = readUpTo == null ? cutoff : readUpTo.minus(config.matchCache().voteOverlap());
        Instant newest = readUpTo == null ? cutoff : readUpTo;
        for (MatchRepository.Judged vote : repository.votesSince(since)) {
            byVoter.computeIfAbsent(vote.voterKey(), k -> new Voted()).add(vote.matchId(), vote.createdAt());
            if (vote.createdAt().isAfter(newest)) {
                newest = vote.createdAt();
            }
        }
        readUpTo = newest;
        if (now.isAfter(prunedAt.plus(PRUNE_EVERY))) {
            prunedAt = now;
            byVoter.values().removeIf(voted -> voted.last.isBefore(cutoff));
        }
    }
}
