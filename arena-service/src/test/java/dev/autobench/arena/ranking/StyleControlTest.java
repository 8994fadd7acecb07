package dev.autobench.arena.ranking;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Style control and the left side's advantage against data whose truth is known. */
class StyleControlTest {

    /** Six models; the weaker a model, the longer its code, and longer code wins whoever wrote it. */
    private static final double[] TRUTH = {900, 940, 980, 1020, 1060, 1100};
    private static final double[] TYPICAL_LOG2_LENGTH = {16, 15, 14, 13, 12, 11};
    private static final double ELO_PER_DOUBLING = 70;

    @Test
    void theStyleControlledBoardRecoversTheTrueOrderWhereTheRawBoardDoesNot() {
        Battles battles = Simulation.styledBattles(TRUTH, TYPICAL_LOG2_LENGTH, ELO_PER_DOUBLING, 0, 60_000,
                new SplittableRandom(11));

        RankingResult result = new RankingEngine(new RankingOptions(300, 5, 4)).compute(battles);

        // raw: every doubling of typical length is worth 70 points, more than the 40 between models
        assertThat(result.rating()[0]).as("raw: the weakest, longest-writing model on top")
                .isGreaterThan(result.rating()[5]);
        assertThat(result.rank()[0]).isEqualTo(1);
        StyleBoard style = result.style();
        assertThat(style).isNotNull();
        for (int k = 1; k < TRUTH.length; k++) {
            assertThat(style.rating()[k]).as("style-controlled: model %d above model %d", k, k - 1)
                    .isGreaterThan(style.rating()[k - 1]);
        }
        for (int k = 0; k < TRUTH.length; k++) {
            assertThat(style.rating()[k]).as("model %d", k).isCloseTo(TRUTH[k], within(30.0));
            assertThat(style.ciLow()[k]).isLessThan(style.rating()[k]);
            assertThat(style.ciHigh()[k]).isGreaterThan(style.rating()[k]);
        }
        assertThat(style.rank()[5]).isEqualTo(1);
        assertThat(style.rank()[0]).isEqualTo(6);
        assertThat(style.effect()[0]).isCloseTo(ELO_PER_DOUBLING, within(10.0));
        assertThat(style.effectLow()[0]).isLessThan(ELO_PER_DOUBLING).isGreaterThan(0);
        assertThat(style.effectHigh()[0]).isGreaterThan(ELO_PER_DOUBLING);
        assertThat(result.position().significant()).as("no left advantage was injected").isFalse();
    }

    /**
     * The bootstrap covers the covariate fit: over 60 data sets the 95% intervals of the
     * style-controlled ratings and of the length effect contain the truth about 95% of the time.
     */
    @Test
    void styleControlledIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(2025);
        int covered = 0;
        int intervals = 0;
        int effectCovered = 0;
        int datasets = 60;
        for (int dataset = 0; dataset < datasets; dataset++) {
            Battles battles = Simulation.styledBattles(TRUTH, TYPICAL_LOG2_LENGTH, ELO_PER_DOUBLING, 0, 4000, random);
            StyleBoard style = new RankingEngine(new RankingOptions(300, random.nextLong(), 4)).compute(battles).style();
            for (int k = 0; k < TRUTH.length; k++) {
                intervals++;
                if (style.ciLow()[k] <= TRUTH[k] && TRUTH[k] <= style.ciHigh()[k]) {
                    covered++;
                }
            }
            if (style.effectLow()[0] <= ELO_PER_DOUBLING && ELO_PER_DOUBLING <= style.effectHigh()[0]) {
                effectCovered++;
            }
        }
        assertThat((double) covered / intervals).as("rating coverage of %d intervals", intervals).isBetween(0.88, 0.99);
        assertThat((double) effectCovered / datasets).as("effect coverage").isBetween(0.85, 1.0);
    }

    @Test
    void anInjectedLeftAdvantageIsMeasuredAndCorrected() {
        double[] truth = Simulation.evenRatings(5, 100);
        Battles battles = Simulation.leftBiasedBattles(truth, 60, 40_000, new SplittableRandom(3));

        RankingResult result = new RankingEngine(new RankingOptions(300, 9, 4)).compute(battles);

        PositionBias position = result.position();
        assertThat(position.effect()).isCloseTo(60, within(10.0));
        assertThat(position.ciLow()).isGreaterThan(0).isLessThan(60);
        assertThat(position.ciHigh()).isGreaterThan(60);
        assertThat(position.significant()).isTrue();
        assertThat(position.corrected()).isTrue();
        assertThat(position.leftWinRate()).isGreaterThan(0.55);
        assertThat(position.leftWins() + position.rightWins() + position.ties()).isEqualTo(40_000);
        StyleBoard corrected = result.style();
        assertThat(corrected).as("the position correction alone makes a corrected board").isNotNull();
        assertThat(corrected.positionCorrected()).isTrue();
        assertThat(corrected.effect()).isEmpty();
        for (int k = 0; k < truth.length; k++) {
            assertThat(corrected.rating()[k]).isCloseTo(truth[k], within(20.0));
        }
    }

    /**
     * Where one model is shown on the left far more often than the others, the left side's
     * advantage inflates its raw rating; the corrected board takes it out.
     */
    @Test
    void theCorrectionRemovesTheAdvantageOfAModelShownMostlyOnTheLeft() {
        double[] truth = {1000, 1000, 1000, 1000};
        SplittableRandom random = new SplittableRandom(17);
        Battles battles = new Battles(4, 40_000);
        for (int k = 0; k < 40_000; k++) {
            int a = random.nextInt(4);
            int b = random.nextInt(3);
            if (b >= a) {
                b++;
            }
            if (b == 0 && random.nextDouble() < 0.9) { // model 0 is moved to the left nine times in ten
                b = a;
                a = 0;
            }
            double pA = 1 / (1 + Math.pow(10, -(truth[a] - truth[b] + 80) / 400));
            battles.add(a, b, random.nextDouble() < pA ? Outcome.A_WINS : Outcome.B_WINS);
        }

        RankingResult result = new RankingEngine(new RankingOptions(200, 1, 4)).compute(battles);

        assertThat(result.rating()[0] - result.rating()[1]).as("raw: model 0 profits from the left side")
                .isGreaterThan(25);
        assertThat(result.position().corrected()).isTrue();
        assertThat(result.style().rating()[0] - result.style().rating()[1]).isCloseTo(0, within(15.0));
    }

    @Test
    void withoutCovariatesOrALeftAdvantageThereIsNoSecondBoard() {
        double[] truth = Simulation.evenRatings(5, 100);
        // sides alternate exactly, so the left side cannot win more often than the right
        Battles raw = Simulation.battles(truth, 20_000, 0, new SplittableRandom(8));
        Battles balanced = new Battles(5, 40_000);
        for (int k = 0; k < raw.size(); k++) {
            balanced.add(raw.a(k), raw.b(k), raw.outcome(k));
            balanced.add(raw.b(k), raw.a(k), switch (raw.outcome(k)) {
                case A_WINS -> Outcome.B_WINS;
                case B_WINS -> Outcome.A_WINS;
                default -> raw.outcome(k);
            });
        }

        RankingResult result = new RankingEngine(new RankingOptions(200, 1, 4)).compute(balanced);

        assertThat(result.position().effect()).isCloseTo(0, within(1e-6));
        assertThat(result.position().significant()).isFalse();
        assertThat(result.style()).isNull();
    }

    @Test
    void positionCorrectionCanBeSwitchedOff() {
        double[] truth = Simulation.evenRatings(5, 100);
        Battles battles = Simulation.leftBiasedBattles(truth, 60, 20_000, new SplittableRandom(4));

        RankingResult result = new RankingEngine(new RankingOptions(200, 9, 4, false)).compute(battles);

        assertThat(result.position().significant()).isTrue();
        assertThat(result.position().corrected()).isFalse();
        assertThat(result.style()).isNull();
    }

    /**
     * The side-only fit runs over vote totals per (left, right, outcome); it must equal the same
     * model fitted vote by vote (forced here by a covariate that is 0 in every vote, which adds a
     * parameter the prior holds at 0 and changes nothing else).
     */
    @Test
    void theSideOnlyFitOverVoteTotalsEqualsTheFitOverEveryVote() {
        double[] truth = Simulation.evenRatings(6, 150);
        Battles plain = Simulation.leftBiasedBattles(truth, 40, 30_000, new SplittableRandom(21));
        Battles withZero = new Battles(6, plain.size(), 1);
        for (int k = 0; k < plain.size(); k++) {
            withZero.add(plain.a(k), plain.b(k), k % 7 == 0 ? Outcome.TIE : plain.outcome(k), 0.0);
        }
        Battles ties = new Battles(6, plain.size());
        for (int k = 0; k < plain.size(); k++) {
            ties.add(plain.a(k), plain.b(k), k % 7 == 0 ? Outcome.TIE : plain.outcome(k));
        }
        PairCounts counts = PairCounts.of(ties);
        double[] start = new double[6];

        StyleControl totals = StyleControl.fit(ties, counts, new int[0], true, start);
        StyleControl everyVote = StyleControl.fit(withZero, counts, new int[] {0}, true, start);

        assertThat(ties.totalsByOrderedPair().size()).isLessThanOrEqualTo(6 * 5 * 3);
        for (int k = 0; k < 6; k++) {
            assertThat(totals.fitted[k]).isCloseTo(everyVote.fitted[k], within(1e-7));
        }
        assertThat(totals.fitted[6]).as("left advantage").isCloseTo(everyVote.fitted[7], within(1e-7))
                .isCloseTo(40 / Ratings.SCALE, within(0.05));
        assertThat(totals.standardError(6, counts.counts, counts.total))
                .isCloseTo(everyVote.standardError(7, counts.counts, counts.total), within(1e-7));
    }
}
