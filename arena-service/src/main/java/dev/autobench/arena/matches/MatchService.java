package dev.autobench.arena.matches;

import dev.autobench.arena.voting.ArenaMetrics;
import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.security.Voter;
import dev.autobench.arena.security.VoteTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Picks the next match for a voter and signs the token that alone lets them vote on it. The open
 * matches and the voter's judged ones are in memory, so in the common case signing the token is
 * the only work of a request.
 */
@ApplicationScoped
public class MatchService {

    @Inject
    OpenMatches open;

    @Inject
    JudgedMatches judged;

    @Inject
    MatchCacheRefresh refresh;

    @Inject
    MatchOrder order;

    @Inject
    MatchJson json;

    @Inject
    VoteTokens tokens;

    @Inject
    ArenaConfig config;

    @Inject
    ArenaMetrics metrics;

    Clock clock = Clock.systemUTC();

    /** Whether serving this voter needs the database (exact mode, or the first read has not succeeded yet). */
    public boolean needsDatabase(Voter voter) {
        return config.matchCache().exact() || !open.loaded() || (!voter.fresh() && !judged.loaded());
    }

    /** The answer's JSON: a match this voter has not judged, with its vote token; empty when none is left. */
    public Optional<byte[]> nextFor(Voter voter) {
        Set<UUID> done;
        if (config.matchCache().exact()) {
            open.refresh();
            done = voter.fresh() ? Set.of() : judged.read(voter.key());
        } else {
            RuntimeException away = refresh.lastFailure();
            if (away != null) {
                throw away;
            }
            // until the first read succeeds a request reads for itself, and fails as the database does
            if (!open.loaded()) {
                open.refresh();
            }
            if (!voter.fresh() && !judged.loaded()) {
                judged.refresh();
            }
            done = voter.fresh() ? Set.of() : judged.of(voter.key());
        }
        Instant now = clock.instant();
        Optional<OpenMatch> next = order.pick(open.current(),
                m -> now.isBefore(m.revealAt()) && !done.contains(m.matchId()));
        return next.map(m -> {
            metrics.matchServed();
            VoteTokens.Issued token = tokens.issue(m.matchId(), voter, m.revealAt());
            return json.complete(m, token.token(), token.expiresAt());
        });
    }

    /** A vote this replica stored: the voter is not served that match again, and it counts in the order. */
    public void voted(String voterKey, UUID matchId) {
        judged.record(voterKey, matchId);
        open.voted(matchId);
    }
}
