package dev.autobench.arena.ranking;

import java.util.SplittableRandom;

/**
 * A simulated arena: models of known strengths, votes drawn from Bradley–Terry, and a pair chosen
 * for each vote by one of two methods: least voted first (the pair with the fewest votes, at random
 * among equals) or {@link ExpectedInformation}. It counts the votes until every two models adjacent
 * in the true order are separated: their fitted difference is beyond 1.96 standard errors of that
 * difference (from the inverse Hessian) and has the true sign. The fit is refreshed every
 * {@link #REFIT_EVERY} votes, as the served board is refreshed.
 */
final class SamplingSimulation {

    static final int REFIT_EVERY = 100;
    private static final int MAX_VOTES = 2_000_000;

    record Result(double leastVoted, double expectedInformation) {
        double ratio() {
            return leastVoted / expectedInformation;
        }
    }

    private SamplingSimulation() {
    }

    /** Mean votes needed by each method over {@code runs} arenas of {@code models} models spread over ±{@code spread}. */
    static Result run(int models, double spread, int runs, long seed) {
        double[] truth = Simulation.evenRatings(models, spread);
        SplittableRandom seeds = new SplittableRandom(seed);
        long leastVoted = 0;
        long information = 0;
        for (int run = 0; run < runs; run++) {
            long runSeed = seeds.nextLong();
            leastVoted += votesNeeded(truth, false, new SplittableRandom(runSeed));
            information += votesNeeded(truth, true, new SplittableRandom(runSeed));
        }
        return new Result((double) leastVoted / runs, (double) information / runs);
    }

    static int votesNeeded(double[] truth, boolean byInformation, SplittableRandom random) {
        int m = truth.length;
        int pairs = m * (m - 1) / 2;
        int[] pi = new int[pairs];
        int[] pj = new int[pairs];
        for (int i = 0, p = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++, p++) {
                pi[p] = i;
                pj[p] = j;
            }
        }
        double[] games = new double[pairs];
        double[] winsOfI = new double[pairs];
        double[] theta = new double[m];
        double[] work = new double[m * m];
        ExpectedInformation info = new ExpectedInformation(new double[m], filled(m, ExpectedInformation.PRIOR_VARIANCE));
        for (int vote = 1; vote <= MAX_VOTES; vote++) {
            int pair = byInformation ? mostInformative(info, pi, pj, random) : leastVoted(games, random);
            double p = 1 / (1 + Math.pow(10, (truth[pj[pair]] - truth[pi[pair]]) / 400));
            games[pair]++;
            if (random.nextDouble() < p) {
                winsOfI[pair]++;
            }
            info.observe(pi[pair], pj[pair]);
            if (vote % REFIT_EVERY == 0) {
                BradleyTerry.fit(m, pi, pj, games, winsOfI, theta, work);
                double[] covariance = inverse(BradleyTerry.factoredHessian(m, pi, pj, games, theta), m);
                if (separated(theta, covariance, m)) {
                    return vote;
                }
                info = new ExpectedInformation(theta, centredVariances(covariance, m));
            }
        }
        return MAX_VOTES;
    }

    private static int mostInformative(ExpectedInformation info, int[] pi, int[] pj, SplittableRandom random) {
        int best = 0;
        double bestPriority = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < pi.length; p++) {
            // a hair of noise breaks ties at random, as "random among equals" does for the other method
            double priority = info.priority(pi[p], pj[p]) * (1 + 1e-9 * random.nextDouble());
            if (priority > bestPriority) {
                bestPriority = priority;
                best = p;
            }
        }
        return best;
    }

    private static int leastVoted(double[] games, SplittableRandom random) {
        double fewest = Double.POSITIVE_INFINITY;
        int chosen = 0;
        int ties = 0;
        for (int p = 0; p < games.length; p++) {
            if (games[p] < fewest) {
                fewest = games[p];
                chosen = p;
                ties = 1;
            } else if (games[p] == fewest && random.nextInt(++ties) == 0) {
                chosen = p;
            }
        }
        return chosen;
    }

    /** Every two models adjacent in the true order (the truth is increasing) differ significantly, the right way round. */
    private static boolean separated(double[] theta, double[] covariance, int m) {
        for (int k = 0; k + 1 < m; k++) {
            double difference = theta[k + 1] - theta[k];
            double variance = covariance[k * m + k] + covariance[(k + 1) * m + k + 1] - 2 * covariance[k * m + k + 1];
            if (difference <= 1.959964 * Math.sqrt(variance)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Variances of θ_k − mean(θ): the ratings the board reports are centred, and the common shift
     * (decided by the prior alone) is no uncertainty a vote could reduce.
     */
    private static double[] centredVariances(double[] covariance, int m) {
        double total = 0;
        double[] rowSums = new double[m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                rowSums[r] += covariance[r * m + c];
            }
            total += rowSums[r];
        }
        double[] variance = new double[m];
        for (int k = 0; k < m; k++) {
            variance[k] = covariance[k * m + k] - 2 * rowSums[k] / m + total / ((double) m * m);
        }
        return variance;
    }

    private static double[] inverse(double[] factor, int m) {
        double[] inverse = new double[m * m];
        for (int c = 0; c < m; c++) {
            double[] column = new double[m];
            column[c] = 1;
            Cholesky.solve(factor, m, column);
            for (int r = 0; r < m; r++) {
                inverse[r * m + c] = column[r];
            }
        }
        return inverse;
    }

    private static double[] filled(int m, double value) {
        double[] values = new double[m];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
