package dev.autobench.arena.ranking;

/**
 * Per model (by index): Bradley–Terry rating with its bootstrap 95% interval and interval-aware
 * rank, counts, online Elo; and the pairwise battle and win matrices. Models that played no
 * counted battle, and models outside the main component of the comparison graph ("not yet
 * comparable": {@code comparable[model]} false although they have games), have NaN rating,
 * interval and Elo and rank 0. {@code style} is the style-controlled board (null when the battles
 * carry no covariates and the position needs no correction); {@code position} the left/right bias.
 */
public record RankingResult(int modelCount, long battles, int bootstrapRounds, double[] rating, double[] ciLow,
                            double[] ciHigh, int[] rank, long[] games, long[] wins, long[] losses, long[] ties,
                            double[] onlineElo, long[][] pairBattles, double[][] pairWins, boolean[] comparable,
                            StyleBoard style, PositionBias position) {

    /** Rated and ranked: has games and is in the main component. */
    public boolean rated(int model) {
        return comparable[model];
    }

    /** Voted on, but with no chain of battles to the main component: shown without rank or rating. */
    public boolean notYetComparable(int model) {
        return games[model] > 0 && !comparable[model];
    }

    /** (wins + ties/2) / games, or NaN without games. */
    public double winRate(int model) {
        return games[model] == 0 ? Double.NaN : (wins[model] + 0.5 * ties[model]) / games[model];
    }

    /** Share of the battles between row and column that row won (ties half), NaN when they never met. */
    public double pairWinRate(int row, int column) {
        long n = pairBattles[row][column];
        return n == 0 ? Double.NaN : pairWins[row][column] / n;
    }
}
