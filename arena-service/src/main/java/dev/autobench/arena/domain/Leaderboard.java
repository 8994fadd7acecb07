package dev.autobench.arena.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One leaderboard (all votes, or one task category). Ratings are Bradley–Terry on the Elo scale
 * (400/ln 10, mean 1000) with bootstrap 95% intervals. Only the models of the main connected
 * component of the comparison graph are ranked against each other; a model voted on only against
 * models outside it is {@code notYetComparable}: null rank, rating, interval and Elo (listed after
 * the ranked models). A model without counted votes has the same nulls and is listed last.
 */
@RegisterForReflection
public record Leaderboard(Instant computedAt, String category, long votes, int bootstrapRounds, String method,
                          List<String> categories, List<Row> models, Matrix matrix) {

    @RegisterForReflection
    public record Row(Integer rank, String model, String displayName, String provider, Double rating, Double ciLow,
                      Double ciHigh, long votes, long wins, long losses, long ties, Double winRate, Double elo,
                      Double renderSuccessRate, Double meanJsErrors, BigDecimal meanCostUsd, Double meanLatencyMs,
                      Double meanOutputTokens, long submissions, boolean notYetComparable) {
    }

    /** Row model against column model: win rate (ties half) and battle count; null win rate when they never met. */
    @RegisterForReflection
    public record Matrix(List<String> models, List<List<Double>> winRate, List<List<Long>> battles) {
    }
}
