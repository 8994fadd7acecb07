package dev.autobench.arena.ranking;

/** The Elo scale ratings are reported on: 400/ln 10 points per unit of log-strength, mean 1000. */
public final class Ratings {

    public static final double SCALE = 400 / Math.log(10);
    public static final double MEAN = 1000;

    private Ratings() {
    }

    /** Log-strengths → ratings whose mean over the {@code rated} models is {@link #MEAN}. */
    static void toElo(double[] theta, boolean[] rated, double[] into) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < theta.length; k++) {
            if (rated[k]) {
                sum += theta[k];
                count++;
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        for (int k = 0; k < theta.length; k++) {
            into[k] = rated[k] ? MEAN + SCALE * (theta[k] - mean) : Double.NaN;
        }
    }
}
