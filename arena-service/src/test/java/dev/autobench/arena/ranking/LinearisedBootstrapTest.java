package dev.autobench.arena.ranking;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The large-sample bootstrap against the resampling one it stands in for. */
class LinearisedBootstrapTest {

    /**
     * With plenty of votes per model, the Gaussian one-step rounds give the same intervals as
     * resampling and refitting every round, for both boards, up to the Monte Carlo error of the
     * percentiles (2000 rounds each: the two estimates of an end differ by about 0.12 standard
     * errors, 6% of a half-width; 20% is allowed).
     */
    @Test
    void onAWellVotedBoardTheIntervalsAgreeWithTheResamplingBootstrap() {
        Battles battles = StyleControlBenchmark.battles(12, 200_000, new SplittableRandom(31));
        assertThat(refitModels(battles)).as("the data set is in the linearised bootstrap's domain").containsOnly(false);
        RankingOptions options = new RankingOptions(2000, 77, 4);

        RankingResult linearised = new RankingEngine(options, true).compute(battles);
        RankingResult resampled = new RankingEngine(options, false).compute(battles);

        assertThat(linearised.rating()).containsExactly(resampled.rating());
        for (int k = 0; k < 12; k++) {
            double halfWidth = (resampled.ciHigh()[k] - resampled.ciLow()[k]) / 2;
            assertThat(halfWidth).isPositive();
            assertThat(linearised.ciLow()[k]).as("plain low end of model %d", k)
                    .isCloseTo(resampled.ciLow()[k], within(0.2 * halfWidth));
            assertThat(linearised.ciHigh()[k]).as("plain high end of model %d", k)
                    .isCloseTo(resampled.ciHigh()[k], within(0.2 * halfWidth));
            StyleBoard fast = linearised.style();
            StyleBoard full = resampled.style();
            double styleHalfWidth = (full.ciHigh()[k] - full.ciLow()[k]) / 2;
            assertThat(fast.rating()[k]).isEqualTo(full.rating()[k]);
            assertThat(fast.ciLow()[k]).as("style low end of model %d", k)
                    .isCloseTo(full.ciLow()[k], within(0.2 * styleHalfWidth));
            assertThat(fast.ciHigh()[k]).as("style high end of model %d", k)
                    .isCloseTo(full.ciHigh()[k], within(0.2 * styleHalfWidth));
        }
        for (int e = 0; e < 4; e++) {
            StyleBoard fast = linearised.style();
            StyleBoard full = resampled.style();
            double halfWidth = (full.effectHigh()[e] - full.effectLow()[e]) / 2;
            assertThat(fast.effectLow()[e]).as("effect %d low", e).isCloseTo(full.effectLow()[e], within(0.2 * halfWidth));
            assertThat(fast.effectHigh()[e]).as("effect %d high", e)
                    .isCloseTo(full.effectHigh()[e], within(0.2 * halfWidth));
        }
    }

    /** Few votes per model: intervals are skewed, which only a refit per round sees. */
    @Test
    void aBoardWithFewVotesPerModelKeepsTheResamplingBootstrap() {
        Battles sparse = Simulation.battles(Simulation.evenRatings(8, 200), 1500, 0, new SplittableRandom(1));
        assertThat(refitModels(sparse)).as("every model would need a refit").isNull();
        RankingOptions options = new RankingOptions(200, 5, 4);
        RankingResult result = new RankingEngine(options, true).compute(sparse);
        RankingResult resampled = new RankingEngine(options, false).compute(sparse);
        assertThat(result.ciLow()).containsExactly(resampled.ciLow());
        assertThat(result.ciHigh()).containsExactly(resampled.ciHigh());
    }

    /**
     * A new model with a few dozen votes among well-voted ones is refitted every round (its interval
     * is far from symmetric) while the others stay linearised; all intervals, the new model's
     * included, agree with resampling and refitting everything.
     */
    @Test
    void aSparselyVotedNewModelIsRefittedEachRoundAndItsIntervalAgrees() {
        double[] truth = Simulation.evenRatings(21, 300);
        Battles many = Simulation.battles(java.util.Arrays.copyOf(truth, 20), 200_000, 0.1, new SplittableRandom(3));
        Battles battles = new Battles(21);
        for (int k = 0; k < many.size(); k++) {
            battles.add(many.a(k), many.b(k), many.outcome(k));
        }
        assertThat(refitModels(battles)).as("before the new model: all linearised").containsOnly(false);
        SplittableRandom random = new SplittableRandom(9);
        for (int k = 0; k < 40; k++) {
            battles.add(20, random.nextInt(20), random.nextDouble() < 0.8 ? Outcome.A_WINS : Outcome.B_WINS);
        }
        boolean[] refit = refitModels(battles);
        assertThat(refit).isNotNull();
        for (int k = 0; k < 21; k++) {
            assertThat(refit[k]).as("model %d refitted", k).isEqualTo(k == 20);
        }
        RankingOptions options = new RankingOptions(2000, 13, 4);

        RankingResult linearised = new RankingEngine(options, true).compute(battles);
        RankingResult resampled = new RankingEngine(options, false).compute(battles);

        double newHalfWidth = (resampled.ciHigh()[20] - resampled.ciLow()[20]) / 2;
        assertThat(resampled.ciHigh()[20] - resampled.rating()[20])
                .as("the new model's interval is skewed").isNotCloseTo(resampled.rating()[20] - resampled.ciLow()[20],
                        within(0.1 * newHalfWidth));
        for (int k = 0; k < 21; k++) {
            double halfWidth = (resampled.ciHigh()[k] - resampled.ciLow()[k]) / 2;
            assertThat(linearised.ciLow()[k]).as("low end of model %d", k)
                    .isCloseTo(resampled.ciLow()[k], within(0.2 * halfWidth));
            assertThat(linearised.ciHigh()[k]).as("high end of model %d", k)
                    .isCloseTo(resampled.ciHigh()[k], within(0.2 * halfWidth));
        }
    }

    /**
     * Where it is used, the linearised bootstrap's 95% intervals contain the truth about 95% of the
     * time: 100 data sets of 40,000 votes over 8 models, 800 intervals.
     */
    @Test
    void linearisedIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() {
        double[] truth = Simulation.evenRatings(8, 200);
        SplittableRandom random = new SplittableRandom(4048);
        int covered = 0;
        int intervals = 0;
        for (int dataset = 0; dataset < 100; dataset++) {
            Battles battles = Simulation.battles(truth, 40_000, 0, random);
            assertThat(refitModels(battles)).containsOnly(false);
            RankingResult result = new RankingEngine(new RankingOptions(300, random.nextLong(), 4)).compute(battles);
            for (int model = 0; model < truth.length; model++) {
                intervals++;
                if (result.ciLow()[model] <= truth[model] && truth[model] <= result.ciHigh()[model]) {
                    covered++;
                }
            }
        }
        assertThat((double) covered / intervals).as("coverage of %d intervals", intervals).isBetween(0.91, 0.98);
    }

    /**
     * The models the engine would refit every round (all others linearised), or null when it would
     * resample and refit everything; for battles all in one component.
     */
    private static boolean[] refitModels(Battles battles) {
        int m = battles.modelCount();
        PairCounts counts = PairCounts.of(battles);
        double[] games = new double[counts.pairs()];
        double[] wins = new double[counts.pairs()];
        counts.collapse(counts.counts, games, wins);
        double[] theta = new double[m];
        BradleyTerry.fit(m, counts.i, counts.j, games, wins, theta, new double[m * m]);
        double[] factor = BradleyTerry.factoredHessian(m, counts.i, counts.j, games, theta);
        boolean[] rated = new boolean[m];
        java.util.Arrays.fill(rated, true);
        return LinearisedBootstrap.refitModels(counts, theta, factor, rated);
    }
}
