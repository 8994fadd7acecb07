package dev.autobench.arena.voting;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * What the voter chose and whether it counts. It names no model: each match is the same two
 * artifacts for every visitor, so a reveal here would tell a script who is who for everyone after
 * it. The names become public at {@code revealAt}, when the task leaves the arena window.
 */
@RegisterForReflection
public record VoteReceipt(UUID matchId, String outcome, boolean counted, String notCountedReason,
                          Instant votedAt, Instant revealAt) {
}
