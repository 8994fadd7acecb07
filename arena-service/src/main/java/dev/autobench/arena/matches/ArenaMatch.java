package dev.autobench.arena.matches;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * A match as a voter sees it: the task and two anonymous solutions. Nothing here names a model;
 * the vote token is the only way to vote on it. Each side's source code is at its {@code codeUrl}. {@code revealAt} is when the task leaves the arena
 * window and its models' names become public (the token expires by then at the latest).
 */
@RegisterForReflection
public record ArenaMatch(UUID matchId, Task task, Side left, Side right, String voteToken, Instant expiresAt,
                         Instant revealAt) {

    @RegisterForReflection
    public record Task(UUID id, String title, String prompt, String category) {
    }

    @RegisterForReflection
    public record Side(UUID artifactId, String artifactUrl, String screenshotUrl, String codeUrl) {
    }
}
