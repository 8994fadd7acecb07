package dev.autobench.arena.ranking;

import java.util.Arrays;

/**
 * What one more vote on a pair of models is worth, from the full posterior covariance of the
 * Bradley–Terry fit: Σ = (H + λI)⁻¹ with H = Σ_pairs n_ij p_ij(1−p_ij) d dᵀ (d = e_i − e_j) and λ the
 * fit's prior precision. A vote on (i, j) adds w d dᵀ to the precision (w = p(1−p)); by the
 * Sherman–Morrison formula it lowers the variance of any contrast cᵀθ by w (cᵀΣd)² / (1 + w dᵀΣd).
 * Working on Σ itself, not each model's own variance, is what sees that two groups of models that
 * never met are uncertain relative to each other: a vote linking them moves every cross difference.
 * A model without votes has the prior's variance, so its pairs come first.
 *
 * <p>The value summed over the differences the board's readers compare ({@link Criterion}). For
 * each pair it keeps two numbers, a = w Σ_c ω_c (cᵀΣd)² and b = w dᵀΣd, because n more votes on
 * the same pair (with nothing else changing) give the next one exactly a / ((1 + n b)(1 + (n + 1) b)):
 * whoever serves between two recomputes only needs a pair's two numbers and how many votes it got
 * since ({@link #value}), no matrix work, and does not pour every vote into the best pair.
 *
 * <p>Immutable once built; computing it costs O(m³) (m models), done with the board.
 */
public final class ExpectedInformation {

    /** Which differences a vote's value is measured on. */
    public enum Criterion {
        /** Every model's rating (the trace of Σ, A-optimal). */
        ALL_RATINGS,
        /**
         * The differences between models adjacent in the current order, each weighted by 1/Δ² (Δ the
         * fitted difference, at least {@link #MIN_GAP}): a sum of 1/z² over the neighbours, so a vote is
         * worth most where two neighbours are still hard to tell apart, which is what the board's
         * ranks need.
         */
        ADJACENT_DIFFERENCES
    }

    /** Smallest gap (log-strength, ≈ 9 Elo points) a neighbour weight assumes, so that a tie does not take every vote. */
    static final double MIN_GAP = 0.05;

    private final int m;
    private final double[] a;
    private final double[] b;

    private ExpectedInformation(int m, double[] a, double[] b) {
        this.m = m;
        this.a = a;
        this.b = b;
    }

    /**
     * @param theta  fitted log-strengths (Elo / {@link Ratings#SCALE}); NaN for a model without a
     *               rating (it counts as average)
     * @param games  votes between each two models, row-major m×m (symmetric; the diagonal ignored)
     */
    public static ExpectedInformation of(double[] theta, double[] games, Criterion criterion) {
        int m = theta.length;
        if (games.length != m * m) {
            throw new IllegalArgumentException("one count per pair of models");
        }
        double[] t = new double[m];
        for (int k = 0; k < m; k++) {
            t[k] = Double.isFinite(theta[k]) ? theta[k] : 0;
        }
        double[] covariance = covariance(t, games);
        double[] contrasts = contrasts(t, covariance, criterion);
        int rows = contrasts.length / m;
        double[] a = new double[m * m];
        double[] b = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double p = BradleyTerry.sigmoid(t[i] - t[j]);
                double w = p * (1 - p);
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    double projection = contrasts[r * m + i] - contrasts[r * m + j];
                    sum += projection * projection;
                }
                double q = covariance[i * m + i] + covariance[j * m + j] - 2 * covariance[i * m + j];
                a[i * m + j] = a[j * m + i] = w * sum;
                b[i * m + j] = b[j * m + i] = w * q;
            }
        }
        return new ExpectedInformation(m, a, b);
    }

    /**
     * From ratings on the Elo scale and the pair counts of a board; a model without a rating (NaN)
     * counts as an average one (only differences matter, so the ratings are centred on the rated mean).
     */
    public static ExpectedInformation fromBoard(double[] rating, double[] games, Criterion criterion) {
        double sum = 0;
        int rated = 0;
        for (double r : rating) {
            if (Double.isFinite(r)) {
                sum += r;
                rated++;
            }
        }
        double mean = rated == 0 ? 0 : sum / rated;
        double[] theta = new double[rating.length];
        for (int k = 0; k < rating.length; k++) {
            theta[k] = Double.isFinite(rating[k]) ? (rating[k] - mean) / Ratings.SCALE : 0;
        }
        return of(theta, games, criterion);
    }

    public int models() {
        return m;
    }

    /** The value of one more vote on (i, j) when {@code votesSince} votes were cast on it since these figures. */
    public double value(int i, int j, int votesSince) {
        return value(a[i * m + j], b[i * m + j], votesSince);
    }

    /** a / ((1 + n b)(1 + (n + 1) b)): the Sherman–Morrison value after n votes on the same pair. */
    public static double value(double a, double b, int votesSince) {
        double n = Math.max(votesSince, 0);
        return a / ((1 + n * b) * (1 + (n + 1) * b));
    }

    /** The pair's a: w Σ_c ω_c (cᵀΣd)², its value is a / (1 + b) before any further vote. */
    public double a(int i, int j) {
        return a[i * m + j];
    }

    /** The pair's b (w dᵀΣd: how fast its value falls with votes on it). */
    public double b(int i, int j) {
        return b[i * m + j];
    }

    /** Σ = (H + λI)⁻¹ at θ. */
    private static double[] covariance(double[] theta, double[] games) {
        int m = theta.length;
        double[] precision = new double[m * m];
        for (int k = 0; k < m; k++) {
            precision[k * m + k] = BradleyTerry.LAMBDA;
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double n = games[i * m + j];
                if (n <= 0) {
                    continue;
                }
                double p = BradleyTerry.sigmoid(theta[i] - theta[j]);
                double h = n * p * (1 - p);
                precision[i * m + i] += h;
                precision[j * m + j] += h;
                precision[i * m + j] -= h;
                precision[j * m + i] -= h;
            }
        }
        Cholesky.factor(precision, m);
        double[] inverse = new double[m * m];
        double[] column = new double[m];
        for (int c = 0; c < m; c++) {
            Arrays.fill(column, 0);
            column[c] = 1;
            Cholesky.solve(precision, m, column);
            for (int r = 0; r < m; r++) {
                inverse[r * m + c] = column[r];
            }
        }
        return inverse;
    }

    /**
     * Rows √ω_c cᵀΣ (one per contrast c), so that a pair's projection is a row's (i) − (j) entry:
     * Σ itself for every rating, else the weighted neighbour differences in the order of θ.
     */
    private static double[] contrasts(double[] theta, double[] covariance, Criterion criterion) {
        int m = theta.length;
        if (criterion == Criterion.ALL_RATINGS || m < 2) {
            return covariance;
        }
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> Double.compare(theta[x], theta[y]));
        double[] rows = new double[(m - 1) * m];
        for (int r = 0; r + 1 < m; r++) {
            int low = order[r];
            int high = order[r + 1];
            double gap = Math.max(theta[high] - theta[low], MIN_GAP);
            double weight = 1 / gap;
            for (int k = 0; k < m; k++) {
                rows[r * m + k] = weight * (covariance[high * m + k] - covariance[low * m + k]);
            }
        }
        return rows;
    }
}
