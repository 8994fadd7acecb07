package dev.autobench.arena.service;

import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.domain.ArenaMatch;
import dev.autobench.arena.repository.MatchRepository;
import dev.autobench.arena.security.Voter;
import dev.autobench.arena.security.VoteTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Picks the next match for a voter and signs the token that alone lets them vote on it. */
@ApplicationScoped
public class MatchService {

    @Inject
    MatchRepository matches;

    @Inject
    VoteTokens tokens;

    @Inject
    ArenaConfig config;

    @Inject
    ArenaMetrics metrics;

    Clock clock = Clock.systemUTC();

    @Transactional
    public Optional<ArenaMatch> nextFor(Voter voter) {
        Optional<MatchRepository.Servable> next = matches.nextFor(voter.key(), clock.instant().minus(config.window()));
        next.ifPresent(m -> metrics.matchServed());
        return next.map(m -> {
            Instant revealAt = m.openedAt().plus(config.window());
            VoteTokens.Issued token = tokens.issue(m.matchId(), voter, revealAt);
            return new ArenaMatch(m.matchId(),
                    new ArenaMatch.Task(m.taskId(), m.title(), m.prompt(), m.category()),
                    side(m.leftArtifactId(), m.leftScreenshot(), m.leftCode()),
                    side(m.rightArtifactId(), m.rightScreenshot(), m.rightCode()),
                    token.token(), token.expiresAt(), revealAt);
        });
    }

    @Inject
    ArtifactUrls urls;

    ArenaMatch.Side side(UUID artifactId, boolean screenshot, String code) {
        return new ArenaMatch.Side(artifactId, urls.html(artifactId),
                screenshot ? urls.screenshot(artifactId) : null, code);
    }
}
