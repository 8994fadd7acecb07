package dev.autobench.arena.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** The reveal: who was on which side, and whether the vote counts towards the ranking. */
@RegisterForReflection
public record VoteReceipt(UUID matchId, ModelIdentity left, ModelIdentity right, String outcome, boolean counted,
                          String notCountedReason) {
}
