package dev.autobench.arena.voting;

import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.matches.MatchRepository;
import dev.autobench.arena.voting.VoteRepository.Subject;
import dev.autobench.arena.security.Voter;
import dev.autobench.arena.security.VoteTokens;
import dev.autobench.arena.voting.ArenaMetrics.Rejection;
import dev.autobench.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Stores one verified vote in one transaction, under the voter's and the IP's locks. */
@ApplicationScoped
public class VoteRecorder {

    static final String TOO_FAST = "too_fast";
    static final String YOUNG_COOKIE = "young_cookie";
    static final String NO_HUMAN_CHECK = "no_human_check";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    VoteRepository votes;

    @Inject
    MatchRepository matches;

    @Inject
    ArenaConfig config;

    Clock clock = Clock.systemUTC();

    @Transactional
    public VoteReceipt record(VoteTokens.Claims claims, Voter voter, String ipHash, VoteOutcome outcome) {
        // read before locking: the locks serialise all votes of one IP, so hold them briefly
        Instant openedAt = matches.openedAt(claims.matchId()).orElseThrow(() -> new VoteService.RejectedVote(
                Rejection.INVALID, ProblemException.notFound("This match no longer exists.")));
        Instant revealAt = openedAt.plus(config.window());
        votes.lock(voter.key(), ipHash);
        Instant now = clock.instant();
        // a token never outlives the window; this also refuses tokens signed under a longer window
        if (!now.isBefore(revealAt)) {
            throw new VoteService.RejectedVote(Rejection.EXPIRED, new ProblemException(Response.Status.FORBIDDEN,
                    "Voting on this task closed at " + revealAt + " and its models are public now; load a new match."));
        }
        enforceLimits(voter.key(), ipHash, now);
        String uncounted = now.isBefore(claims.issuedAt().plus(config.minViewTime())) ? TOO_FAST
                : now.isBefore(voter.mintedAt().plus(config.cookie().minAgeToCount())) ? YOUNG_COOKIE
                : config.humanCheck().enabled() && !voter.humanCheckValidAt(now, config.humanCheck().validFor())
                        ? NO_HUMAN_CHECK : null;
        boolean counted = uncounted == null;
        Optional<Long> id = votes.insert(claims.matchId(), voter.key(), ipHash, outcome.value(), counted,
                uncounted, claims.issuedAt());
        if (id.isEmpty()) {
            throw new VoteService.RejectedVote(Rejection.DUPLICATE,
                    ProblemException.conflict("You have already voted on this match."));
        }
        return new VoteReceipt(claims.matchId(), outcome.value(), counted, uncounted, now, revealAt);
    }

    private void enforceLimits(String voterKey, String ipHash, Instant now) {
        ArenaConfig.RateLimit limits = config.rateLimit();
        Instant minuteAgo = now.minus(MINUTE);
        Instant hourAgo = now.minus(HOUR);
        VoteRepository.WindowCounts counts = votes.counts(voterKey, ipHash, minuteAgo, hourAgo);
        Optional<Instant> room = Optional.empty();
        String from = "browser";
        if (counts.voterMinute() >= limits.voterPerMinute()) {
            room = votes.roomAt(Subject.VOTER, voterKey, minuteAgo, limits.voterPerMinute(), MINUTE);
        } else if (counts.voterHour() >= limits.voterPerHour()) {
            room = votes.roomAt(Subject.VOTER, voterKey, hourAgo, limits.voterPerHour(), HOUR);
        } else if (counts.ipMinute() >= limits.ipPerMinute()) {
            room = votes.roomAt(Subject.IP, ipHash, minuteAgo, limits.ipPerMinute(), MINUTE);
            from = "network";
        } else if (counts.ipHour() >= limits.ipPerHour()) {
            room = votes.roomAt(Subject.IP, ipHash, hourAgo, limits.ipPerHour(), HOUR);
            from = "network";
        } else {
            return;
        }
        Instant at = room.orElse(now.plusSeconds(1));
        long seconds = Math.max(1, (long) Math.ceil(Duration.between(now, at).toMillis() / 1000.0));
        throw new VoteService.RejectedVote(Rejection.RATE_LIMITED, new ProblemException(
                Response.Status.TOO_MANY_REQUESTS,
                "Too many votes from this " + from + "; try again in " + seconds + " s.",
                Map.of("Retry-After", Long.toString(seconds))));
    }
}
