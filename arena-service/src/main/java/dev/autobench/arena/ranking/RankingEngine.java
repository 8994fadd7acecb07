package dev.autobench.arena.ranking;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Computes a leaderboard from battles, the way LMArena/FastChat do: Bradley–Terry maximum
 * likelihood (ties half a win), 95% percentile intervals from bootstrap rounds that resample the
 * unique outcome counts multinomially (on well-voted boards in their large-sample form, see
 * {@link LinearisedBootstrap}), rank = 1 + the number of models whose lower bound is above
 * this one's upper bound, and online Elo beside it. Only the models of the comparison graph's main
 * component (see {@link Components}) are rated and ranked; the others are "not yet comparable". Rounds run in parallel on the common
 * ForkJoin pool, each with its own deterministic random stream, so results do not depend on
 * scheduling. Beside it: the left side's advantage and, when the battles carry covariates, the
 * style-controlled board ({@link StyleControl}), whose intervals come from the same resamples.
 */
public final class RankingEngine {

    private final RankingOptions options;
    private final boolean linearisedWhenJustified;

    public RankingEngine(RankingOptions options) {
        this(options, true);
    }

    /**
     * @param linearisedWhenJustified false to resample and refit every round even where
     *                                {@link LinearisedBootstrap} would do (to compare the two)
     */
    RankingEngine(RankingOptions options, boolean linearisedWhenJustified) {
        this.options = options;
        this.linearisedWhenJustified = linearisedWhenJustified;
    }

    public RankingResult compute(Battles battles) {
        int m = battles.modelCount();
        Tally tally = tally(battles, options.eloK());
        Components components = Components.of(battles);
        boolean[] rated = new boolean[m];
        boolean everyPlayerInMain = true;
        for (int model = 0; model < m; model++) {
            rated[model] = tally.games[model] > 0 && components.inMain(model);
            everyPlayerInMain &= rated[model] || tally.games[model] == 0;
            if (!rated[model]) {
                tally.elo[model] = Double.NaN;
            }
        }
        Battles main = everyPlayerInMain ? battles : mainOnly(battles, components);
        Fit fit = fit(main, rated);
        PositionBias position = position(main, fit.counts(), fit.theta());
        StyleControl styleModel = null;
        if (fit.counts().total > 0 && (battles.covariateCount() > 0 || position.corrected())) {
            int[] columns = IntStream.range(0, battles.covariateCount()).toArray();
            styleModel = StyleControl.fit(main, fit.counts(), columns, position.corrected(), fit.theta());
        }
        Intervals intervals = intervals(fit, rated, styleModel);
        int[] rank = ranks(intervals.low(), intervals.high(), rated);
        StyleBoard style = styleModel == null ? null : styleBoard(styleModel, rated, intervals.styleSamples());
        return new RankingResult(m, battles.size(), intervals.rounds(), fit.rating(), intervals.low(),
                intervals.high(), rank, tally.games, tally.wins, tally.losses, tally.ties, tally.elo,
                tally.pairBattles, tally.pairWins, rated, style, position);
    }

    /** Per model and per pair: games, wins, losses, ties and scores; and online Elo, in battle order. */
    private record Tally(long[] games, long[] wins, long[] losses, long[] ties, long[][] pairBattles,
                         double[][] pairWins, double[] elo) {

        Tally(int m) {
            this(new long[m], new long[m], new long[m], new long[m], new long[m][m], new double[m][m], new double[m]);
            Arrays.fill(elo, Ratings.MEAN);
        }
    }

    private static Tally tally(Battles battles, double k) {
        Tally tally = new Tally(battles.modelCount());
        for (int index = 0; index < battles.size(); index++) {
            int a = battles.a(index);
            int b = battles.b(index);
            tally.games[a]++;
            tally.games[b]++;
            tally.pairBattles[a][b]++;
            tally.pairBattles[b][a]++;
            double scoreA = switch (battles.outcome(index)) {
                case A_WINS -> {
                    tally.wins[a]++;
                    tally.losses[b]++;
                    yield 1;
                }
                case B_WINS -> {
                    tally.wins[b]++;
                    tally.losses[a]++;
                    yield 0;
                }
                case TIE, BOTH_BAD -> {
                    tally.ties[a]++;
                    tally.ties[b]++;
                    yield 0.5;
                }
            };
            tally.pairWins[a][b] += scoreA;
            tally.pairWins[b][a] += 1 - scoreA;
            double[] elo = tally.elo;
            double expectedA = 1 / (1 + Math.pow(10, (elo[b] - elo[a]) / 400));
            elo[a] += k * (scoreA - expectedA);
            elo[b] += k * ((1 - scoreA) - (1 - expectedA));
        }
        return tally;
    }

    /** The Bradley–Terry fit of the main component: the unique outcome counts, θ and θ as Elo-scale ratings. */
    private record Fit(PairCounts counts, double[] theta, double[] rating) {
    }

    private static Fit fit(Battles main, boolean[] rated) {
        int m = main.modelCount();
        PairCounts counts = PairCounts.of(main);
        double[] pairGames = new double[counts.pairs()];
        double[] pairWinsOfI = new double[counts.pairs()];
        counts.collapse(counts.counts, pairGames, pairWinsOfI);
        double[] theta = new double[m];
        BradleyTerry.fit(m, counts.i, counts.j, pairGames, pairWinsOfI, theta, new double[m * m]);
        double[] rating = new double[m];
        Ratings.toElo(theta, rated, rating);
        return new Fit(counts, theta, rating);
    }

    /**
     * 95% percentile intervals of the ratings over the bootstrap rounds (the rating itself when there
     * is nothing to resample), and the style-controlled board's samples from the same resamples.
     */
    private record Intervals(int rounds, double[] low, double[] high, double[][] styleSamples) {
    }

    private Intervals intervals(Fit fit, boolean[] rated, StyleControl styleModel) {
        int m = rated.length;
        int rounds = fit.counts().total == 0 ? 0 : options.bootstrapRounds();
        double[][] styleSamples = new double[rounds][];
        if (rounds == 0) {
            return new Intervals(0, fit.rating().clone(), fit.rating().clone(), styleSamples);
        }
        double[][] samples = bootstrap(fit.counts(), fit.theta(), rated, rounds, styleModel, styleSamples);
        double[] low = new double[m];
        double[] high = new double[m];
        double[] column = new double[rounds];
        for (int model = 0; model < m; model++) {
            low[model] = Double.NaN;
            high[model] = Double.NaN;
            if (rated[model]) {
                double[] bounds = percentiles(samples, model, column);
                low[model] = bounds[0];
                high[model] = bounds[1];
            }
        }
        return new Intervals(rounds, low, high, styleSamples);
    }

    /** The 2.5% and 97.5% quantiles of {@code samples[·][index]}; {@code column} is scratch of one value a round. */
    private static double[] percentiles(double[][] samples, int index, double[] column) {
        for (int r = 0; r < samples.length; r++) {
            column[r] = samples[r][index];
        }
        Arrays.sort(column);
        return new double[] {quantile(column, 0.025), quantile(column, 0.975)};
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

    /**
     * Left and right wins, and the left side's advantage from Bradley–Terry with that one covariate;
     * its 95% interval is ±1.96 standard deviations of the linearised bootstrap (computed, not
     * sampled, so that whether to correct for it is known before the bootstrap rounds run).
     */
    private PositionBias position(Battles battles, PairCounts counts, double[] theta) {
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
        if (counts.total == 0) {
            return PositionBias.none(left, right, ties);
        }
        StyleControl model = StyleControl.fit(battles, counts, new int[0], true, theta);
        int m = model.models;
        double effect = model.fitted[m] * Ratings.SCALE;
        double halfWidth = 1.959964 * model.standardError(m, counts.counts, counts.total) * Ratings.SCALE;
        double ciLow = effect - halfWidth;
        double ciHigh = effect + halfWidth;
        boolean significant = options.bootstrapRounds() > 0 && (ciLow > 0 || ciHigh < 0);
        return new PositionBias(left, right, ties, effect, ciLow, ciHigh, significant,
                significant && options.positionCorrection());
    }

    private static StyleBoard styleBoard(StyleControl model, boolean[] rated, double[][] samples) {
        int m = model.models;
        int effects = model.columns().length;
        int rounds = samples.length;
        double[] rating = new double[m];
        Ratings.toElo(Arrays.copyOf(model.fitted, m), rated, rating);
        double[] effect = new double[effects];
        for (int k = 0; k < effects; k++) {
            effect[k] = model.fitted[m + k] * Ratings.SCALE;
        }
        double[] low = rating.clone();
        double[] high = rating.clone();
        double[] effectLow = effect.clone();
        double[] effectHigh = effect.clone();
        double[] column = new double[rounds];
        for (int index = 0; rounds > 0 && index < m + effects; index++) {
            if (index < m && !rated[index]) {
                continue;
            }
            double[] bounds = percentiles(samples, index, column);
            double lo = bounds[0];
            double hi = bounds[1];
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
                                 StyleControl styleModel, double[][] styleSamples) {
        int m = counts.modelCount;
        double[][] samples = new double[rounds][];
        long seed = options.seed();
        double[] factor = BradleyTerry.factoredHessian(m, counts.i, counts.j, fullGames(counts), fitted);
        boolean[] refit = linearisedWhenJustified ? LinearisedBootstrap.refitModels(counts, fitted, factor, rated) : null;
        LinearisedBootstrap linear = refit == null ? null
                : LinearisedBootstrap.of(counts, fitted, factor, styleModel, refit);
        double[] startSigma = linear == null ? BradleyTerry.pairSigma(counts.i, counts.j, fitted) : null;
        IntStream.range(0, rounds).parallel().forEach(round -> {
            SplittableRandom random = new SplittableRandom(mix(seed, round));
            double[] theta = new double[m];
            double[] phi = styleModel == null ? null : new double[styleModel.dimension()];
            if (linear != null) {
                linear.round(random, theta, phi);
            } else {
                long[] sample = new long[counts.counts.length];
                counts.resample(random, sample);
                double[] games = new double[counts.pairs()];
                double[] winsOfI = new double[counts.pairs()];
                counts.collapse(sample, games, winsOfI);
                System.arraycopy(fitted, 0, theta, 0, m);
                BradleyTerry.refine(m, counts.i, counts.j, games, winsOfI, theta, factor, startSigma,
                        Workspace.get(m));
                if (styleModel != null) {
                    // the same resample as the plain board's round, so both boards see the same data sets
                    styleModel.round(sample, random, phi);
                }
            }
            double[] ratings = new double[m];
            Ratings.toElo(theta, rated, ratings);
            samples[round] = ratings;
            if (styleModel != null) {
                int effects = styleModel.columns().length;
                double[] styled = new double[m];
                Ratings.toElo(Arrays.copyOf(phi, m), rated, styled);
                double[] out = Arrays.copyOf(styled, m + effects);
                for (int e = 0; e < effects; e++) {
                    out[m + e] = phi[m + e] * Ratings.SCALE;
                }
                styleSamples[round] = out;
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
