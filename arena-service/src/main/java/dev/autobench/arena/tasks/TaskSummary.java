package dev.autobench.arena.tasks;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task in a day's list. {@code inArena} says it is still being voted on; {@code revealed} says
 * identities, pipeline figures and code are public ({@code revealAt} says when they will be). {@code checks} are
 * the task's acceptance checks ({@code id}, {@code kind}, {@code description}, ...), run on every solution.
 */
@RegisterForReflection
public record TaskSummary(UUID id, LocalDate date, int slot, String title, String category, String difficulty,
                          String prompt, String status, Instant generatedAt, boolean inArena, boolean revealed,
                          Instant revealAt, int submissions, int rendered, int matches,
                          com.fasterxml.jackson.databind.JsonNode checks) {
}
