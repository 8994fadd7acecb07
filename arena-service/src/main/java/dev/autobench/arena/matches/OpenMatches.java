package dev.autobench.arena.matches;

import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.matches.MatchRepository.OpenRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The open matches of the arena window, held in memory so that serving one reads no database. The
 * set is re-read on an interval ({@link MatchCacheRefresh}) and after a pairing on this replica; a
 * match whose row did not change keeps its serialised answer, and every replica reads the same
 * rows, so all converge within one interval.
 */
@ApplicationScoped
public class OpenMatches {

    private record Cached(OpenRow content, OpenMatch match) {
    }

    @Inject
    MatchRepository repository;

    @Inject
    MatchJson json;

    @Inject
    ArenaConfig config;

    Clock clock = Clock.systemUTC();

    private volatile Map<UUID, Cached> byId;
    private volatile List<OpenMatch> open = List.of();

    /** Whether the set has been read at least once. */
    public boolean loaded() {
        return byId != null;
    }

    /** The open matches as last read; a match whose window has ended since may still be in it. */
    public List<OpenMatch> current() {
        return open;
    }

    /** Re-reads the set from the database. */
    @Transactional
    public void refresh() {
        Instant cutoff = clock.instant().minus(config.window());
        Map<UUID, Cached> previous = byId == null ? Map.of() : byId;
        Map<UUID, Cached> next = new HashMap<>();
        List<OpenMatch> matches = new ArrayList<>();
        for (OpenRow row : repository.open(cutoff)) {
            OpenRow content = withoutVotes(row);
            Cached cached = previous.get(row.matchId());
            OpenMatch match;
            if (cached != null && cached.content().equals(content)) {
                match = new OpenMatch(row.matchId(), row.taskId(), cached.match().revealAt(),
                        cached.match().jsonPrefix(), Math.max(row.voteCount(), 0), row.leftModel(), row.rightModel());
            } else {
                Instant revealAt = row.openedAt().plus(config.window());
                match = new OpenMatch(row.matchId(), row.taskId(), revealAt, json.prefix(row, revealAt),
                        row.voteCount(), row.leftModel(), row.rightModel());
            }
            next.put(row.matchId(), new Cached(content, match));
            matches.add(match);
        }
        open = List.copyOf(matches);
        byId = next;
    }

    /** A vote stored on this replica counts at once in the serving order. */
    public void voted(UUID matchId) {
        Map<UUID, Cached> current = byId;
        Cached cached = current == null ? null : current.get(matchId);
        if (cached != null) {
            cached.match().voted();
        }
    }

    private static OpenRow withoutVotes(OpenRow row) {
        return new OpenRow(row.matchId(), row.taskId(), row.title(), row.prompt(), row.category(),
                row.leftArtifactId(), row.leftScreenshot(), row.rightArtifactId(), row.rightScreenshot(),
                row.openedAt(), 0, row.leftModel(), row.rightModel());
    }
}
