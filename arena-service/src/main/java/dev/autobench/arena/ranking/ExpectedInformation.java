package dev.autobench.arena.ranking;

/**
 * Which pair of models a vote teaches the most about: the expected shrinkage of the two models'
 * rating variances if they meet once more. A vote between i and j carries Fisher information
 * p(1−p) about θ_i − θ_j (p the probability that i wins), so it is worth most between models that
 * are close (p near ½) and whose ratings are still uncertain (a model with few votes has the
 * prior's large variance). Using each model's own variance (the diagonal of the posterior
 * covariance) keeps a priority O(1): v ↦ 1/(1/v + p(1−p)) per side.
 *
 * <p>Not used to serve matches: the simulation ({@code SamplingBenchmark}) shows that, weighing
 * each model's own variance only, it keeps choosing the same disjoint pairs of close models and
 * never links them, and needs far more votes than least-voted-first to separate every two adjacent
 * models. A priority that sees the covariance of the differences (the trace reduction of the full
 * posterior covariance) is the next candidate.
 *
 * <p>Pure and not thread-safe: one instance per decision (or per simulated arena).
 */
public final class ExpectedInformation {

    /** The variance of a model nothing is known about: the Bradley–Terry prior's. */
    public static final double PRIOR_VARIANCE = 1 / BradleyTerry.LAMBDA;

    private final double[] theta;
    private final double[] variance;

    /**
     * @param theta    current log-strengths (Elo / {@link Ratings#SCALE}); NaN for an unrated model
     * @param variance their variances (log-strength²); NaN for an unrated model
     */
    public ExpectedInformation(double[] theta, double[] variance) {
        if (theta.length != variance.length) {
            throw new IllegalArgumentException("one variance per model");
        }
        this.theta = theta.clone();
        this.variance = variance.clone();
        for (int k = 0; k < theta.length; k++) {
            if (!Double.isFinite(this.theta[k]) || !Double.isFinite(this.variance[k]) || this.variance[k] <= 0) {
                this.theta[k] = 0;
                this.variance[k] = PRIOR_VARIANCE;
            }
        }
    }

    /** From a board's ratings and 95% intervals (Elo points); a model without them gets the prior. */
    public static ExpectedInformation fromIntervals(double[] rating, double[] ciLow, double[] ciHigh) {
        int m = rating.length;
        double[] theta = new double[m];
        double[] variance = new double[m];
        for (int k = 0; k < m; k++) {
            theta[k] = rating[k] / Ratings.SCALE;
            double sd = (ciHigh[k] - ciLow[k]) / (2 * 1.959964 * Ratings.SCALE);
            variance[k] = sd * sd;
        }
        return new ExpectedInformation(theta, variance);
    }

    /** The expected drop in the two models' summed variances from one more vote between them. */
    public double priority(int i, int j) {
        double info = information(i, j);
        return variance[i] - 1 / (1 / variance[i] + info) + variance[j] - 1 / (1 / variance[j] + info);
    }

    /** Counts a vote between i and j as served: their variances shrink as the priority expected. */
    public void observe(int i, int j) {
        double info = information(i, j);
        variance[i] = 1 / (1 / variance[i] + info);
        variance[j] = 1 / (1 / variance[j] + info);
    }

    private double information(int i, int j) {
        double p = BradleyTerry.sigmoid(theta[i] - theta[j]);
        return p * (1 - p);
    }
}
