package dev.autobench.arena.myvotes;

import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.tasks.ModelIdentity;
import dev.autobench.arena.security.Voter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** "My votes": the voter's past votes, with who was who only for tasks whose window has closed. */
@ApplicationScoped
public class MyVotesService {

    /** The page shows recent votes; a voter's whole history is in the export once tasks close. */
    static final int LIMIT = 200;

    @Inject
    MyVotesRepository votes;

    @Inject
    ArenaConfig config;

    Clock clock = Clock.systemUTC();

    @Transactional
    public MyVotes of(Voter voter) {
        if (voter == null) {
            return new MyVotes(List.of());
        }
        Instant now = clock.instant();
        return new MyVotes(votes.mine(voter.key(), LIMIT).stream().map(r -> {
            Instant revealAt = r.openedAt().plus(config.window());
            boolean revealed = !now.isBefore(revealAt);
            return new MyVotes.Vote(r.matchId(), r.taskId(), r.title(), r.category(), r.outcome(), r.counted(),
                    r.votedAt(), revealed, revealAt,
                    revealed ? new ModelIdentity(r.leftSlug(), r.leftName(), r.leftProvider()) : null,
                    revealed ? new ModelIdentity(r.rightSlug(), r.rightName(), r.rightProvider()) : null);
        }).toList());
    }
}
