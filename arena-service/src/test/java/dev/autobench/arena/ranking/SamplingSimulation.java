package dev.autobench.arena.ranking;

import java.util.SplittableRandom;

/**
 * A simulated arena: models of known strengths, votes drawn from Bradley–Terry, and a pair chosen
 * for each vote by one of the ways of serving: least voted first (the pair with the fewest votes,
 * at random among equals) or by {@link ExpectedInformation} under the same staleness the server
 * has: the pair values are computed only when the board is refitted (every {@code refitEvery}
 * votes), and between refits each pair's value falls with the votes it got since
 * ({@link ExpectedInformation#value}), the best at random among equals. It counts the votes until
 * every two models adjacent in the true order are separated: their fitted difference is beyond 1.96
 * standard errors of that difference (from the inverse Hessian) and has the true sign.
 */
final class SamplingSimulation {

    static final int REFIT_EVERY = 100;
    private static final int MAX_VOTES = 2_000_000;

    /** A way of choosing the pair of the next vote. */
    enum Method {
        LEAST_VOTED(null),
        ALL_RATINGS(ExpectedInformation.Criterion.ALL_RATINGS),
        ADJACENT_DIFFERENCES(ExpectedInformation.Criterion.ADJACENT_DIFFERENCES);

        final ExpectedInformation.Criterion criterion;

        Method(ExpectedInformation.Criterion criterion) {
            this.criterion = criterion;
        }
    }

    /** Mean votes needed per method, in the order of {@link Method#values()}. */
    record Result(double[] votes) {
        double of(Method method) {
            return votes[method.ordinal()];
        }

        /** How many times the votes least voted first needs the method needs. */
        double ratio(Method method) {
            return of(Method.LEAST_VOTED) / of(method);
        }
    }

    private SamplingSimulation() {
    }

    /**
     * Mean votes needed by each method over {@code runs} arenas of {@code models} models spread over
     * ±{@code spread}; every method sees the same votes' randomness in a run.
     */
    static Result run(int models, double spread, int runs, long seed, int refitEvery, Method... methods) {
        double[] truth = Simulation.evenRatings(models, spread);
        SplittableRandom seeds = new SplittableRandom(seed);
        double[] total = new double[Method.values().length];
        for (int run = 0; run < runs; run++) {
            long runSeed = seeds.nextLong();
            for (Method method : methods) {
                total[method.ordinal()] += votesNeeded(truth, method, refitEvery, new SplittableRandom(runSeed));
            }
        }
        double[] mean = new double[total.length];
        for (int k = 0; k < total.length; k++) {
            mean[k] = total[k] / runs;
        }
        return new Result(mean);
    }

    static int votesNeeded(double[] truth, Method method, int refitEvery, SplittableRandom random) {
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
        // the value figures of the last refit, and each pair's votes since: what a server has
        double[] a = new double[pairs];
        double[] b = new double[pairs];
        int[] since = new int[pairs];
        if (method.criterion != null) {
            values(ExpectedInformation.of(theta, new double[m * m], method.criterion), pi, pj, a, b);
        }
        for (int vote = 1; vote <= MAX_VOTES; vote++) {
            int pair = method.criterion == null ? leastVoted(games, random) : mostValuable(a, b, since, random);
            double p = 1 / (1 + Math.pow(10, (truth[pj[pair]] - truth[pi[pair]]) / 400));
            games[pair]++;
            since[pair]++;
            if (random.nextDouble() < p) {
                winsOfI[pair]++;
            }
            if (vote % refitEvery == 0) {
                BradleyTerry.fit(m, pi, pj, games, winsOfI, theta, work);
                double[] covariance = inverse(BradleyTerry.factoredHessian(m, pi, pj, games, theta), m);
                if (separated(theta, covariance, m)) {
                    return vote;
                }
                if (method.criterion != null) {
                    values(ExpectedInformation.of(theta, square(m, pi, pj, games), method.criterion), pi, pj, a, b);
                    java.util.Arrays.fill(since, 0);
                }
            }
        }
        return MAX_VOTES;
    }

    private static void values(ExpectedInformation info, int[] pi, int[] pj, double[] a, double[] b) {
        for (int p = 0; p < pi.length; p++) {
            a[p] = info.a(pi[p], pj[p]);
            b[p] = info.b(pi[p], pj[p]);
        }
    }

    private static double[] square(int m, int[] pi, int[] pj, double[] games) {
        double[] square = new double[m * m];
        for (int p = 0; p < pi.length; p++) {
            square[pi[p] * m + pj[p]] = games[p];
            square[pj[p] * m + pi[p]] = games[p];
        }
        return square;
    }

    private static int mostValuable(double[] a, double[] b, int[] since, SplittableRandom random) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < a.length; p++) {
            // a hair of noise breaks ties at random, as "random among equals" does for the other method
            double value = ExpectedInformation.value(a[p], b[p], since[p]) * (1 + 1e-9 * random.nextDouble());
            if (value > bestValue) {
                bestValue = value;
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
}
