package dev.autobench.arena.ranking;

/**
 * How the side a solution was shown on affects the vote: the votes won by the left and by the right
 * side and those drawn, and the left side's advantage fitted jointly with the models' strengths
 * (Bradley–Terry with one covariate that is 1 in every battle), in Elo points with its 95%
 * interval (±1.96 standard deviations of the linearised bootstrap, see {@link StyleControl}). {@code significant} when that interval excludes 0; {@code corrected} when the
 * style-controlled board therefore holds it equal.
 */
public record PositionBias(long leftWins, long rightWins, long ties, double effect, double ciLow, double ciHigh,
                           boolean significant, boolean corrected) {

    /** Share of the decisive votes the left side won, NaN without any. */
    public double leftWinRate() {
        long decisive = leftWins + rightWins;
        return decisive == 0 ? Double.NaN : (double) leftWins / decisive;
    }

    static PositionBias none(long leftWins, long rightWins, long ties) {
        return new PositionBias(leftWins, rightWins, ties, Double.NaN, Double.NaN, Double.NaN, false, false);
    }
}
