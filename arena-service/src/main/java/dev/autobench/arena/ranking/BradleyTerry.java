package dev.autobench.arena.ranking;

/**
 * Maximum-likelihood Bradley–Terry strengths by Newton's method on the log-strengths θ, with a
 * weak Gaussian prior (standard deviation {@link #PRIOR_SD_ELO} Elo points) so that a model that
 * never won, or a comparison graph that is not connected, still has a finite, unique answer. The
 * prior's pull is λθ with λ ≈ 0.03 against a Fisher information of about n/4 for n games, so it
 * is negligible once a model has a few dozen votes.
 */
final class BradleyTerry {

    static final double PRIOR_SD_ELO = 1000;
    static final double LAMBDA = 1.0 / Math.pow(PRIOR_SD_ELO / Ratings.SCALE, 2);
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_CHORD_ITERATIONS = 40;
    /** In log-strength units: 1e-8 is 2e-6 Elo points. */
    private static final double TOLERANCE = 1e-8;
    /**
     * A bootstrap round's θ* to 2e-4 Elo points: far inside the Monte Carlo error of a percentile
     * over its rounds (tenths of a point), and half the chord steps of {@link #TOLERANCE}.
     */
    private static final double ROUND_TOLERANCE = 1e-6;

    private BradleyTerry() {
    }

    /**
     * @param start initial θ (warm start), overwritten with the answer
     * @param work  scratch space of at least m*m + 3m doubles
     */
    static void fit(int m, int[] pi, int[] pj, double[] games, double[] winsOfI, double[] theta, double[] work) {
        double[] hessian = work; // m*m, the negated Hessian, positive definite
        double[] gradient = new double[m];
        double[] step = new double[m];
        double[] trial = new double[m];
        double current = logPosterior(m, pi, pj, games, winsOfI, theta);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            negatedHessian(m, pi, pj, games, theta, hessian);
            gradient(m, pi, pj, games, winsOfI, theta, gradient);
            System.arraycopy(gradient, 0, step, 0, m);
            Cholesky.solveInPlace(hessian, m, step);
            double t = 1;
            double next;
            while (true) {
                for (int k = 0; k < m; k++) {
                    trial[k] = theta[k] + t * step[k];
                }
                next = logPosterior(m, pi, pj, games, winsOfI, trial);
                if (next >= current - 1e-12 * Math.abs(current) || t < 1e-6) {
                    break;
                }
                t *= 0.5;
            }
            double largest = 0;
            for (int k = 0; k < m; k++) {
                largest = Math.max(largest, Math.abs(trial[k] - theta[k]));
                theta[k] = trial[k];
            }
            current = next;
            if (largest < TOLERANCE) {
                return;
            }
        }
    }

    /**
     * The chord method: Newton steps that reuse one factorised Hessian (that of the full data at its
     * optimum) instead of building and factorising one per step. A bootstrap resample's optimum is
     * close to the full data's and its curvature nearly the same, so this converges in a handful of
     * O(pairs + m²) steps where Newton would pay O(m³) each time. Falls back to Newton when it does
     * not converge (sparse data, extreme resamples). It stops once the remaining steps, a geometric
     * series at the rate the last two steps shrank, stay below {@link #ROUND_TOLERANCE}.
     *
     * @param factor     Cholesky factor of the negated Hessian, from {@link #factoredHessian}
     * @param startSigma σ(θ_i − θ_j) per pair at the start {@code theta} (the full data's fit, the
     *                   same every round): the first step's gradient then needs no exponential
     */
    static void refine(int m, int[] pi, int[] pj, double[] games, double[] winsOfI, double[] theta, double[] factor,
                       double[] startSigma, double[] work) {
        double[] step = new double[m];
        double previous = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_CHORD_ITERATIONS; iteration++) {
            if (iteration == 0) {
                gradientAt(m, pi, pj, games, winsOfI, theta, startSigma, step);
            } else {
                gradient(m, pi, pj, games, winsOfI, theta, step);
            }
            Cholesky.solve(factor, m, step);
            double largest = 0;
            for (int k = 0; k < m; k++) {
                largest = Math.max(largest, Math.abs(step[k]));
            }
            if (!(largest < previous) || !Double.isFinite(largest)) {
                break; // not contracting: let Newton take over from the start it was given
            }
            for (int k = 0; k < m; k++) {
                theta[k] += step[k];
            }
            double rate = largest / previous; // 0 after the first step: no rate seen yet
            if (largest < ROUND_TOLERANCE || (rate > 0 && largest * rate / (1 - rate) < ROUND_TOLERANCE)) {
                return;
            }
            previous = largest;
        }
        fit(m, pi, pj, games, winsOfI, theta, work);
    }

    /** σ(θ_i − θ_j) per pair, for {@link #refine}'s first step. */
    static double[] pairSigma(int[] pi, int[] pj, double[] theta) {
        double[] sigma = new double[pi.length];
        for (int p = 0; p < pi.length; p++) {
            sigma[p] = sigmoid(theta[pi[p]] - theta[pj[p]]);
        }
        return sigma;
    }

    /** The Cholesky factor of the negated Hessian at {@code theta}, for {@link #refine}. */
    static double[] factoredHessian(int m, int[] pi, int[] pj, double[] games, double[] theta) {
        double[] hessian = new double[m * m];
        negatedHessian(m, pi, pj, games, theta, hessian);
        Cholesky.factor(hessian, m);
        return hessian;
    }

    /** The gradient at {@code theta}, given σ(θ_i − θ_j) per pair there. */
    private static void gradientAt(int m, int[] pi, int[] pj, double[] games, double[] winsOfI, double[] theta,
                                   double[] sigma, double[] gradient) {
        for (int k = 0; k < m; k++) {
            gradient[k] = -LAMBDA * theta[k];
        }
        for (int p = 0; p < pi.length; p++) {
            double g = winsOfI[p] - games[p] * sigma[p];
            gradient[pi[p]] += g;
            gradient[pj[p]] -= g;
        }
    }

    private static void gradient(int m, int[] pi, int[] pj, double[] games, double[] winsOfI, double[] theta,
                                 double[] gradient) {
        for (int k = 0; k < m; k++) {
            gradient[k] = -LAMBDA * theta[k];
        }
        for (int p = 0; p < pi.length; p++) {
            double n = games[p];
            if (n == 0) {
                continue;
            }
            double g = winsOfI[p] - n * sigmoid(theta[pi[p]] - theta[pj[p]]);
            gradient[pi[p]] += g;
            gradient[pj[p]] -= g;
        }
    }

    private static void negatedHessian(int m, int[] pi, int[] pj, double[] games, double[] theta, double[] hessian) {
        java.util.Arrays.fill(hessian, 0, m * m, 0);
        for (int k = 0; k < m; k++) {
            hessian[k * m + k] = LAMBDA;
        }
        for (int p = 0; p < pi.length; p++) {
            double n = games[p];
            if (n == 0) {
                continue;
            }
            int a = pi[p];
            int b = pj[p];
            double s = sigmoid(theta[a] - theta[b]);
            double v = n * s * (1 - s);
            hessian[a * m + a] += v;
            hessian[b * m + b] += v;
            hessian[a * m + b] -= v;
            hessian[b * m + a] -= v;
        }
    }

    static double logPosterior(int m, int[] pi, int[] pj, double[] games, double[] winsOfI, double[] theta) {
        double sum = 0;
        for (int p = 0; p < pi.length; p++) {
            double n = games[p];
            if (n == 0) {
                continue;
            }
            double d = theta[pi[p]] - theta[pj[p]];
            sum += winsOfI[p] * logSigmoid(d) + (n - winsOfI[p]) * logSigmoid(-d);
        }
        double prior = 0;
        for (int k = 0; k < m; k++) {
            prior += theta[k] * theta[k];
        }
        return sum - 0.5 * LAMBDA * prior;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }
}
