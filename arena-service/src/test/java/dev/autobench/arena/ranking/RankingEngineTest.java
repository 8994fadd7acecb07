package dev.autobench.arena.ranking;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ranking method against data whose truth is known. */
class RankingEngineTest {

    @Test
    void recoversTheTrueOrderFromPlentifulVotes() {
        double[] truth = Simulation.evenRatings(10, 250);
        Battles battles = Simulation.battles(truth, 30_000, 0, new SplittableRandom(1));

        RankingResult result = new RankingEngine(new RankingOptions(200, 7, 4)).compute(battles);

        for (int i = 1; i < truth.length; i++) {
            assertThat(result.rating()[i]).as("model %d above model %d", i, i - 1)
                    .isGreaterThan(result.rating()[i - 1]);
        }
        for (int i = 0; i < truth.length; i++) {
            assertThat(result.rating()[i]).isCloseTo(truth[i], within(25.0));
            assertThat(result.ciLow()[i]).isLessThan(result.rating()[i]);
            assertThat(result.ciHigh()[i]).isGreaterThan(result.rating()[i]);
        }
        assertThat(Arrays.stream(result.rating()).average().orElseThrow()).isCloseTo(1000, within(1e-6));
        assertThat(result.rank()[9]).isEqualTo(1);
        assertThat(result.rank()[0]).isEqualTo(10);
    }

    /**
     * The 95% intervals must contain the true rating about 95% of the time: 120 independent
     * datasets of 8 models, each with its own bootstrap, 960 intervals in all.
     */
    @Test
    void ninetyFivePercentIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() {
        double[] truth = Simulation.evenRatings(8, 200);
        SplittableRandom random = new SplittableRandom(2024);
        int covered = 0;
        int intervals = 0;
        for (int dataset = 0; dataset < 120; dataset++) {
            Battles battles = Simulation.battles(truth, 1500, 0, random);
            RankingResult result = new RankingEngine(new RankingOptions(300, random.nextLong(), 4)).compute(battles);
            for (int model = 0; model < truth.length; model++) {
                intervals++;
                if (result.ciLow()[model] <= truth[model] && truth[model] <= result.ciHigh()[model]) {
                    covered++;
                }
            }
        }
        double coverage = (double) covered / intervals;
        assertThat(coverage).as("coverage of %d intervals", intervals).isBetween(0.90, 0.99);
    }

    @Test
    void tiesAndBothBadAreHalfAWinEach() {
        Battles battles = new Battles(3);
        for (int i = 0; i < 50; i++) {
            battles.add(0, 1, Outcome.TIE).add(1, 0, Outcome.BOTH_BAD);
            battles.add(0, 2, Outcome.A_WINS).add(1, 2, Outcome.A_WINS).add(2, 0, Outcome.TIE).add(2, 1, Outcome.BOTH_BAD);
        }
        RankingResult result = new RankingEngine(new RankingOptions(100, 1, 4)).compute(battles);

        // 0 and 1 are symmetric (only ties between them, the same record against 2): equal ratings
        assertThat(result.rating()[0]).isCloseTo(result.rating()[1], within(1e-6));
        // against 2 they score 75%: log-odds ln 3, i.e. 400·log10(3) ≈ 191 Elo points apart
        assertThat(result.rating()[0] - result.rating()[2]).isCloseTo(400 * Math.log10(3), within(2.0));
        assertThat(result.ties()[0]).isEqualTo(150);
        assertThat(result.ties()[2]).isEqualTo(100);
        assertThat(result.winRate(1)).isCloseTo((50 + 0.5 * 150) / 200.0, within(1e-12));
        assertThat(result.pairWinRate(0, 1)).isEqualTo(0.5);
        assertThat(result.pairBattles()[0][1]).isEqualTo(100);
    }

    @Test
    void aModelWithoutVotesIsListedUnratedAndDoesNotMoveTheOthers() {
        double[] truth = {900, 1000, 1100};
        Battles three = Simulation.battles(truth, 3000, 0.1, new SplittableRandom(5));
        Battles four = new Battles(4);
        for (int k = 0; k < three.size(); k++) {
            four.add(three.a(k), three.b(k), three.outcome(k));
        }
        RankingOptions options = new RankingOptions(100, 3, 4);

        RankingResult without = new RankingEngine(options).compute(three);
        RankingResult with = new RankingEngine(options).compute(four);

        assertThat(with.rated(3)).isFalse();
        assertThat(with.rating()[3]).isNaN();
        assertThat(with.ciLow()[3]).isNaN();
        assertThat(with.rank()[3]).isZero();
        assertThat(with.onlineElo()[3]).isNaN();
        assertThat(with.winRate(3)).isNaN();
        for (int i = 0; i < 3; i++) {
            assertThat(with.rating()[i]).isCloseTo(without.rating()[i], within(1e-6));
        }
    }

    @Test
    void disconnectedModelsAreNotRankedAgainstTheMainComponent() {
        double[] truth = {900, 1000, 1100};
        Battles three = Simulation.battles(truth, 3000, 0.1, new SplittableRandom(7));
        Battles five = new Battles(5);
        for (int k = 0; k < three.size(); k++) {
            five.add(three.a(k), three.b(k), three.outcome(k));
        }
        // 3 beats 4 every time, but neither ever met 0, 1 or 2: a second, smaller component
        for (int k = 0; k < 40; k++) {
            five.add(3, 4, Outcome.A_WINS);
        }
        RankingOptions options = new RankingOptions(100, 3, 4);
        RankingResult without = new RankingEngine(options).compute(three);
        RankingResult with = new RankingEngine(options).compute(five);

        for (int model : new int[] {3, 4}) {
            assertThat(with.rated(model)).isFalse();
            assertThat(with.notYetComparable(model)).isTrue();
            assertThat(with.rating()[model]).isNaN();
            assertThat(with.ciLow()[model]).isNaN();
            assertThat(with.ciHigh()[model]).isNaN();
            assertThat(with.rank()[model]).isZero();
            assertThat(with.onlineElo()[model]).isNaN();
            assertThat(with.games()[model]).isEqualTo(40); // the counts are still shown
        }
        assertThat(with.winRate(3)).isEqualTo(1.0);
        for (int i = 0; i < 3; i++) {
            assertThat(with.notYetComparable(i)).isFalse();
            assertThat(with.rating()[i]).isCloseTo(without.rating()[i], within(1e-6));
            assertThat(with.rank()[i]).isEqualTo(without.rank()[i]);
        }
    }

    @Test
    void theMainComponentIsTheOneWithTheMostBattles() {
        Battles battles = new Battles(5);
        for (int k = 0; k < 10; k++) {
            battles.add(0, 1, k % 2 == 0 ? Outcome.A_WINS : Outcome.B_WINS);
        }
        for (int k = 0; k < 30; k++) {
            battles.add(2, 3, k % 3 == 0 ? Outcome.A_WINS : Outcome.B_WINS).add(3, 4, Outcome.TIE);
        }
        RankingResult result = new RankingEngine(new RankingOptions(50, 3, 4)).compute(battles);
        assertThat(result.notYetComparable(0)).isTrue();
        assertThat(result.notYetComparable(1)).isTrue();
        for (int model = 2; model < 5; model++) {
            assertThat(result.rated(model)).isTrue();
            assertThat(result.rank()[model]).isPositive();
        }
        // joining the components by a single battle makes everyone comparable
        battles.add(1, 2, Outcome.TIE);
        RankingResult joined = new RankingEngine(new RankingOptions(50, 3, 4)).compute(battles);
        for (int model = 0; model < 5; model++) {
            assertThat(joined.rated(model)).isTrue();
        }
    }

    @Test
    void aModelThatNeverWonStillGetsAFiniteRatingAndTheLastRank() {
        Battles battles = new Battles(3);
        for (int i = 0; i < 20; i++) {
            battles.add(0, 2, Outcome.A_WINS).add(1, 2, Outcome.A_WINS).add(0, 1, i % 2 == 0 ? Outcome.A_WINS : Outcome.B_WINS);
        }
        RankingResult result = new RankingEngine(new RankingOptions(200, 9, 4)).compute(battles);

        assertThat(result.rating()[2]).isFinite().isLessThan(result.rating()[0] - 300);
        assertThat(result.ciLow()[2]).isFinite();
        assertThat(result.rank()[2]).isEqualTo(3);
        assertThat(result.rank()[0]).isEqualTo(1);
        assertThat(result.rank()[1]).isEqualTo(1); // indistinguishable from model 0
    }

    @Test
    void noVotesAtAllIsAnEmptyBoardNotAnError() {
        RankingResult result = new RankingEngine(RankingOptions.defaults()).compute(new Battles(2));
        assertThat(result.battles()).isZero();
        assertThat(result.bootstrapRounds()).isZero();
        assertThat(result.rating()).containsOnly(Double.NaN);
    }

    @Test
    void theSameVotesAlwaysGiveTheSameIntervals() {
        Battles battles = Simulation.battles(Simulation.evenRatings(6, 150), 2000, 0.1, new SplittableRandom(11));
        RankingResult first = new RankingEngine(new RankingOptions(200, 42, 4)).compute(battles);
        RankingResult second = new RankingEngine(new RankingOptions(200, 42, 4)).compute(battles);
        assertThat(second.ciLow()).containsExactly(first.ciLow());
        assertThat(second.ciHigh()).containsExactly(first.ciHigh());
    }

    @Test
    void onlineEloFollowsFastChat() {
        Battles battles = new Battles(2).add(0, 1, Outcome.A_WINS).add(0, 1, Outcome.TIE);
        RankingResult result = new RankingEngine(new RankingOptions(0, 1, 4)).compute(battles);
        // first battle: equal ratings, expected 0.5, winner +2; second: a tie against a 4-point gap
        double afterFirst = 1002;
        double expected = 1 / (1 + Math.pow(10, (998 - afterFirst) / 400));
        assertThat(result.onlineElo()[0]).isCloseTo(afterFirst + 4 * (0.5 - expected), within(1e-9));
        assertThat(result.onlineElo()[0] + result.onlineElo()[1]).isCloseTo(2000, within(1e-9));
    }
}
