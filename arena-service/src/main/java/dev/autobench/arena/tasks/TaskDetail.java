package dev.autobench.arena.tasks;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A task with every model's submission. Until {@code task.revealed}, the fields that could tell a
 * voter which model wrote which solution (model, tokens, cost, latency, error text) are null and
 * submissions are listed in a fixed order unrelated to the models.
 */
@RegisterForReflection
public record TaskDetail(TaskSummary task, List<Submission> submissions) {

    @RegisterForReflection
    public record Submission(UUID id, ModelIdentity model, String status, String errorCode, String errorMessage,
                             Integer inputTokens, Integer outputTokens, BigDecimal costUsd, Integer latencyMs,
                             String code, Artifact artifact) {
    }

    /**
     * The rendered page. {@code checks} holds one result per acceptance check ({@code id}, {@code kind},
     * {@code description}, {@code outcome}: passed, failed, timed_out or not_run, {@code detail}, {@code ms}); null,
     * with {@code checksPassed} and {@code checksTotal}, when no check was run (a task without checks, no browser).
     */
    @RegisterForReflection
    public record Artifact(UUID id, String status, String url, String screenshotUrl, int jsErrorCount,
                           com.fasterxml.jackson.databind.JsonNode jsErrors, Integer renderMs, String failureReason,
                           com.fasterxml.jackson.databind.JsonNode checks, Integer checksPassed, Integer checksTotal) {
    }
}
