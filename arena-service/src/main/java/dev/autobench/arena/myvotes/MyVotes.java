package dev.autobench.arena.myvotes;

import dev.autobench.arena.tasks.ModelIdentity;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A voter's own past votes. {@code left}/{@code right} name the models only once the task has left
 * the arena window ({@code revealed}); before that they are null and {@code revealAt} says when.
 */
@RegisterForReflection
public record MyVotes(List<Vote> votes) {

    @RegisterForReflection
    public record Vote(UUID matchId, UUID taskId, String taskTitle, String category, String outcome,
                       boolean counted, Instant votedAt, boolean revealed, Instant revealAt,
                       ModelIdentity left, ModelIdentity right) {
    }
}
