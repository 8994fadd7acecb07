package dev.autobench.arena.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One leaderboard (all votes, or one task category). Ratings are Bradley–Terry on the Elo scale
 * (400/ln 10, mean 1000) with bootstrap 95% intervals; a model without counted votes has null
 * rating, interval and rank and is listed last.
 */
@RegisterForReflection
public record Leaderboard(Instant computedAt, String category, long votes, int bootstrapRounds, String method,
                          List<String> categories, List<Row> models, Matrix matrix) {

    @RegisterForReflection
    public record Row(Integer rank, String model, String displayName, String provider, Double rating, Double ciLow,
                      Double ciHigh, long votes, long wins, long losses, long ties, Double winRate, Double elo,
                      Double renderSuccessRate, Double meanJsErrors, BigDecimal meanCostUsd, Double meanLatencyMs,
                      Double meanOutputTokens, long submissions) {
    }

    /** Row model against column model: win rate (ties half) and battle count; null win rate when they never met. */
    @RegisterForReflection
    public record Matrix(List<String> models, List<List<Double>> winRate, List<List<Long>> battles) {
    }
}
