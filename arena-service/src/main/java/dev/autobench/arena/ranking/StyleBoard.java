package dev.autobench.arena.ranking;

/**
 * The style-controlled board: per model (by index) the Bradley–Terry rating with the style
 * covariates (and, when corrected, the left side's advantage) held equal, its bootstrap 95%
 * interval and interval-aware rank; per covariate (in the battles' covariate order) the fitted
 * effect in Elo points per unit of the covariate's difference, with its 95% interval. Models that
 * are not rated have NaN and rank 0, as on the plain board.
 */
public record StyleBoard(double[] rating, double[] ciLow, double[] ciHigh, int[] rank, double[] effect,
                         double[] effectLow, double[] effectHigh, boolean positionCorrected) {
}
