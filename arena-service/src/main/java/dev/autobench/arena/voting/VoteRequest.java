package dev.autobench.arena.voting;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code POST /api/arena/votes}. Validated by the vote service so that refusals are counted. */
@RegisterForReflection
public record VoteRequest(String voteToken, String outcome) {
}
