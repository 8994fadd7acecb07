package dev.autobench.arena.leaderboard;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One leaderboard (all votes, or one task category) over the task days of {@code window}
 * ({@code all}; {@code 7d}, {@code 30d}, {@code 90d}; or {@code custom}), from {@code from} to
 * {@code to} inclusive (null for {@code all}). Ratings are Bradley–Terry on the Elo scale
 * (400/ln 10, mean 1000) with bootstrap 95% intervals. Only the models of the main connected
 * component of the comparison graph are ranked against each other; a model voted on only against
 * models outside it is {@code notYetComparable}: null rank, rating, interval and Elo (listed after
 * the ranked models). A model without counted votes has the same nulls and is listed last.
 *
 * <p>Beside the plain rating each row has the style-controlled one ({@code style*}: the covariates
 * of {@code style} held equal, null when there is no such board); {@code position} is the left/right
 * bias of the votes.
 */
@RegisterForReflection
public record Leaderboard(Instant computedAt, String category, long votes, int bootstrapRounds, String method,
                          List<String> categories, List<Row> models, Matrix matrix, Style style, Position position,
                          String window, LocalDate from, LocalDate to) {

    @RegisterForReflection
    public record Row(Integer rank, String model, String displayName, String provider, Double rating, Double ciLow,
                      Double ciHigh, long votes, long wins, long losses, long ties, Double winRate, Double elo,
                      Double renderSuccessRate, Double meanJsErrors, BigDecimal meanCostUsd, Double meanLatencyMs,
                      Double meanOutputTokens, long submissions, boolean notYetComparable, Integer styleRank,
                      Double styleRating, Double styleCiLow, Double styleCiHigh, LocalDate firstDay,
                      LocalDate lastDay) {

        /** A row from its parts, so that no caller lines up two dozen values by position. */
        static Row of(LeaderboardSource.ModelRow model, Rating rating, Pipeline pipeline, StyleRating style,
                      Days days) {
            return new Row(rating.rank(), model.slug(), model.displayName(), model.provider(), rating.rating(),
                    rating.ciLow(), rating.ciHigh(), rating.votes(), rating.wins(), rating.losses(), rating.ties(),
                    rating.winRate(), rating.elo(), pipeline.renderSuccessRate(), pipeline.meanJsErrors(),
                    pipeline.meanCostUsd(), pipeline.meanLatencyMs(), pipeline.meanOutputTokens(),
                    pipeline.submissions(), rating.notYetComparable(), style.rank(), style.rating(), style.ciLow(),
                    style.ciHigh(), days.first(), days.last());
        }
    }

    /** The first and last UTC day of the model's solutions on closed tasks of the board's category (any window). */
    record Days(LocalDate first, LocalDate last) {
        static final Days NONE = new Days(null, null);
    }

    /** The plain board's figures of one model; the nulls of a model not rated. */
    record Rating(Integer rank, Double rating, Double ciLow, Double ciHigh, long votes, long wins, long losses,
                  long ties, Double winRate, Double elo, boolean notYetComparable) {
    }

    /** What the pipeline did for one model in the board's tasks. */
    record Pipeline(Double renderSuccessRate, Double meanJsErrors, BigDecimal meanCostUsd, Double meanLatencyMs,
                    Double meanOutputTokens, long submissions) {
    }

    /** The style-controlled board's figures of one model; all null without that board. */
    record StyleRating(Integer rank, Double rating, Double ciLow, Double ciHigh) {
        static final StyleRating NONE = new StyleRating(null, null, null, null);
    }

    /** The style-controlled fit: each covariate's effect with its 95% interval, and whether position was held equal too. */
    @RegisterForReflection
    public record Style(boolean positionCorrected, List<Effect> effects) {
    }

    /** A covariate's fitted effect in Elo points per unit of the difference between the sides ({@code unit} says which). */
    @RegisterForReflection
    public record Effect(String covariate, String description, String unit, Double effect, Double ciLow,
                         Double ciHigh) {
    }

    /**
     * Votes won by the left and by the right side, drawn, the left side's win rate among decisive
     * votes, and its fitted advantage in Elo points with a 95% interval; {@code corrected} when the
     * style-controlled ratings hold it equal (it is significant).
     */
    @RegisterForReflection
    public record Position(long leftWins, long rightWins, long ties, Double leftWinRate, Double effect, Double ciLow,
                           Double ciHigh, boolean significant, boolean corrected) {
    }

    /** Row model against column model: win rate (ties half) and battle count; null win rate when they never met. */
    @RegisterForReflection
    public record Matrix(List<String> models, List<List<Double>> winRate, List<List<Long>> battles) {
    }
}
