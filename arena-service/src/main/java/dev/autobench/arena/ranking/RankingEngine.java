package dev.autobench.arena.ranking;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Computes a leaderboard from battles, the way LMArena/FastChat do: Bradley–Terry maximum
 * likelihood (ties half a win), 95% percentile intervals from bootstrap rounds that resample the
 * unique outcome counts multinomially, rank = 1 + the number of models whose lower bound is above
 * this one's upper bound, and online Elo beside it. Only the models of the comparison graph's main
 * component (see {@link Components}) are rated and ranked; the others are "not yet comparable". Rounds run in parallel on the common
 * ForkJoin pool, each with its own deterministic random stream, so results do not depend on
 * scheduling. Beside it: the left side's advantage and, when the battles carry covariates, the
 * style-controlled board ({@link StyleControl}), whose intervals come from the same resamples.
 */
public final class RankingEngine {

    private final RankingOptions options;

    public RankingEngine(RankingOptions options) {
        this.options = options;
    }

    public RankingResult compute(Battles battles) {
        int m = battles.modelCount();
        long[] games = new long[m];
        long[] wins = new long[m];
        long[] losses = new long[m];
        long[] ties = new long[m];
        long[][] pairBattles = new long[m][m];
        double[][] pairWins = new double[m][m];
        double[] elo = new double[m];
        Arrays.fill(elo, Ratings.MEAN);
        double k = options.eloK();
        for (int index = 0; index < battles.size(); index++) {
            int a = battles.a(index);
            int b = battles.b(index);
            Outcome outcome = battles.outcome(index);
            games[a]++;
            games[b]++;
            pairBattles[a][b]++;
            pairBattles[b][a]++;
            double scoreA = switch (outcome) {
                case A_WINS -> {
                    wins[a]++;
                    losses[b]++;
                    yield 1;
                }
                case B_WINS -> {
                    wins[b]++;
                    losses[a]++;
                    yield 0;
                }
                case TIE, BOTH_BAD -> {
                    ties[a]++;
                    ties[b]++;
                    yield 0.5;
                }
            };
            pairWins[a][b] += scoreA;
            pairWins[b][a] += 1 - scoreA;
            double expectedA = 1 / (1 + Math.pow(10, (elo[b] - elo[a]) / 400));
            elo[a] += k * (scoreA - expectedA);
            elo[b] += k * ((1 - scoreA) - (1 - expectedA));
        }
        Components components = Components.of(battles);
        boolean[] rated = new boolean[m];
        boolean everyPlayerInMain = true;
        for (int model = 0; model < m; model++) {
            rated[model] = games[model] > 0 && components.inMain(model);
            everyPlayerInMain &= rated[model] || games[model] == 0;
            if (!rated[model]) {
                elo[model] = Double.NaN;
            }
        }

        Battles main = everyPlayerInMain ? battles : mainOnly(battles, components);
        PairCounts counts = PairCounts.of(main);
        int pairs = counts.pairs();
        double[] pairGames = new double[pairs];
        double[] pairWinsOfI = new double[pairs];
        counts.collapse(counts.counts, pairGames, pairWinsOfI);
        double[] theta = new double[m];
        BradleyTerry.fit(m, counts.i, counts.j, pairGames, pairWinsOfI, theta, new double[m * m]);
        double[] rating = new double[m];
        Ratings.toElo(theta, rated, rating);

        double[] low = new double[m];
        double[] high = new double[m];
        int rounds = counts.total == 0 ? 0 : options.bootstrapRounds();
        StyleControl positionModel = counts.total == 0 ? null
                : StyleControl.fit(main, counts, new int[0], true, theta);
        double[] positionSamples = new double[rounds];
        if (rounds > 0) {
            double[][] samples = bootstrap(counts, theta, rated, rounds, positionModel, positionSamples);
            double[] column = new double[rounds];
            for (int model = 0; model < m; model++) {
                if (!rated[model]) {
                    low[model] = Double.NaN;
                    high[model] = Double.NaN;
                    continue;
                }
                for (int r = 0; r < rounds; r++) {
                    column[r] = samples[r][model];
                }
                Arrays.sort(column);
                low[model] = quantile(column, 0.025);
                high[model] = quantile(column, 0.975);
            }
        } else {
            for (int model = 0; model < m; model++) {
                low[model] = rating[model];
                high[model] = rating[model];
            }
        }
        int[] rank = ranks(low, high, rated);
        PositionBias position = position(main, positionModel, positionSamples);
        StyleBoard style = null;
        if (counts.total > 0 && (battles.covariateCount() > 0 || position.corrected())) {
            int[] columns = IntStream.range(0, battles.covariateCount()).toArray();
            StyleControl model = StyleControl.fit(main, counts, columns, position.corrected(), theta);
            style = styleBoard(model, counts, rated, rounds);
        }
        return new RankingResult(m, battles.size(), rounds, rating, low, high, rank, games, wins, losses, ties, elo,
                pairBattles, pairWins, rated, style, position);
    }

    /** 1 + the number of rated models whose lower bound is above this one's upper bound; 0 when not rated. */
    private static int[] ranks(double[] low, double[] high, boolean[] rated) {
        int m = low.length;
        int[] rank = new int[m];
        for (int model = 0; model < m; model++) {
            if (!rated[model]) {
                continue;
            }
            int above = 0;
            for (int other = 0; other < m; other++) {
                if (other != model && rated[other] && low[other] > high[model]) {
                    above++;
                }
            }
            rank[model] = 1 + above;
        }
        return rank;
    }

    private PositionBias position(Battles battles, StyleControl model, double[] samples) {
        long left = 0;
        long right = 0;
        long ties = 0;
        for (int k = 0; k < battles.size(); k++) {
            switch (battles.outcome(k)) {
                case A_WINS -> left++;
                case B_WINS -> right++;
                case TIE, BOTH_BAD -> ties++;
            }
        }
        if (model == null) {
            return PositionBias.none(left, right, ties);
        }
        double effect = model.fitted[model.models] * Ratings.SCALE;
        if (samples.length == 0) {
            return new PositionBias(left, right, ties, effect, effect, effect, false, false);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double ciLow = quantile(sorted, 0.025) * Ratings.SCALE;
        double ciHigh = quantile(sorted, 0.975) * Ratings.SCALE;
        boolean significant = ciLow > 0 || ciHigh < 0;
        return new PositionBias(left, right, ties, effect, ciLow, ciHigh, significant,
                significant && options.positionCorrection());
    }

    private StyleBoard styleBoard(StyleControl model, PairCounts counts, boolean[] rated, int rounds) {
        int m = model.models;
        int effects = model.columns().length;
        double[] rating = new double[m];
        Ratings.toElo(Arrays.copyOf(model.fitted, m), rated, rating);
        double[] effect = new double[effects];
        for (int k = 0; k < effects; k++) {
            effect[k] = model.fitted[m + k] * Ratings.SCALE;
        }
        double[] low = new double[m];
        double[] high = new double[m];
        double[] effectLow = effect.clone();
        double[] effectHigh = effect.clone();
        if (rounds == 0) {
            for (int k = 0; k < m; k++) {
                low[k] = rating[k];
                high[k] = rating[k];
            }
            return new StyleBoard(rating, low, high, ranks(low, high, rated), effect, effectLow, effectHigh,
                    model.controlsPosition());
        }
        double[][] samples = new double[rounds][];
        long seed = options.seed();
        IntStream.range(0, rounds).parallel().forEach(round -> {
            // the plain board's resample of this round, so both boards see the same bootstrap data sets
            SplittableRandom random = new SplittableRandom(mix(seed, round));
            long[] sample = new long[counts.counts.length];
            counts.resample(random, sample);
            double[] phi = new double[model.dimension()];
            model.round(sample, random, phi);
            double[] ratings = new double[m];
            Ratings.toElo(Arrays.copyOf(phi, m), rated, ratings);
            double[] out = Arrays.copyOf(ratings, m + effects);
            for (int k = 0; k < effects; k++) {
                out[m + k] = phi[m + k] * Ratings.SCALE;
            }
            samples[round] = out;
        });
        double[] column = new double[rounds];
        for (int index = 0; index < m + effects; index++) {
            if (index < m && !rated[index]) {
                low[index] = Double.NaN;
                high[index] = Double.NaN;
                continue;
            }
            for (int r = 0; r < rounds; r++) {
                column[r] = samples[r][index];
            }
            Arrays.sort(column);
            double lo = quantile(column, 0.025);
            double hi = quantile(column, 0.975);
            if (index < m) {
                low[index] = lo;
                high[index] = hi;
            } else {
                effectLow[index - m] = lo;
                effectHigh[index - m] = hi;
            }
        }
        return new StyleBoard(rating, low, high, ranks(low, high, rated), effect, effectLow, effectHigh,
                model.controlsPosition());
    }

    private static Battles mainOnly(Battles battles, Components components) {
        Battles main = new Battles(battles.modelCount(), battles.size(), battles.covariateCount());
        for (int k = 0; k < battles.size(); k++) {
            if (components.inMain(battles.a(k))) {
                if (battles.covariateCount() == 0) {
                    main.add(battles.a(k), battles.b(k), battles.outcome(k));
                } else {
                    main.add(battles.a(k), battles.b(k), battles.outcome(k), battles.covariates(k));
                }
            }
        }
        return main;
    }

    private double[][] bootstrap(PairCounts counts, double[] fitted, boolean[] rated, int rounds,
                                 StyleControl positionModel, double[] positionSamples) {
        int m = counts.modelCount;
        double[][] samples = new double[rounds][];
        long seed = options.seed();
        double[] factor = BradleyTerry.factoredHessian(m, counts.i, counts.j, fullGames(counts), fitted);
        IntStream.range(0, rounds).parallel().forEach(round -> {
            SplittableRandom random = new SplittableRandom(mix(seed, round));
            long[] sample = new long[counts.counts.length];
            counts.resample(random, sample);
            double[] games = new double[counts.pairs()];
            double[] winsOfI = new double[counts.pairs()];
            counts.collapse(sample, games, winsOfI);
            double[] theta = fitted.clone();
            BradleyTerry.refine(m, counts.i, counts.j, games, winsOfI, theta, factor, Workspace.get(m));
            double[] ratings = new double[m];
            Ratings.toElo(theta, rated, ratings);
            samples[round] = ratings;
            if (positionModel != null) {
                double[] phi = new double[positionModel.dimension()];
                positionModel.round(sample, random, phi);
                positionSamples[round] = phi[m];
            }
        });
        return samples;
    }

    private static double[] fullGames(PairCounts counts) {
        double[] games = new double[counts.pairs()];
        counts.collapse(counts.counts, games, new double[counts.pairs()]);
        return games;
    }

    /** Linear interpolation between order statistics (NumPy's default), on sorted values. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    private static long mix(long seed, int round) {
        long z = seed + 0x9E3779B97F4A7C15L * (round + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One m×m scratch matrix per worker thread, so rounds do not allocate megabytes each. */
    private static final class Workspace {
        private static final ThreadLocal<double[]> MATRIX = new ThreadLocal<>();

        static double[] get(int m) {
            double[] matrix = MATRIX.get();
            if (matrix == null || matrix.length < m * m) {
                matrix = new double[m * m];
                MATRIX.set(matrix);
            }
            return matrix;
        }
    }
}
