package dev.autobench.arena.ranking;

import dev.autobench.arena.ranking.ExpectedInformation.Criterion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExpectedInformationTest {

    @ParameterizedTest
    @EnumSource(Criterion.class)
    void aVoteLinkingTwoGroupsThatNeverMetIsWorthMoreThanOneMoreInsideAGroup(Criterion criterion) {
        // 0–1 and 2–3 met often, the two pairs never: how 1 compares with 2 is unknown
        double[] games = games(4, new int[][] {{0, 1, 200}, {2, 3, 200}});
        ExpectedInformation info = ExpectedInformation.fromBoard(new double[] {990, 1010, 1000, 1020}, games, criterion);

        assertThat(info.value(1, 2, 0)).isGreaterThan(100 * info.value(0, 1, 0));
    }

    @ParameterizedTest
    @EnumSource(Criterion.class)
    void aModelWithoutVotesComesFirst(Criterion criterion) {
        double[] games = games(3, new int[][] {{0, 1, 50}});
        ExpectedInformation info = ExpectedInformation.fromBoard(new double[] {1000, 1020, Double.NaN}, games,
                criterion);

        assertThat(info.value(0, 2, 0)).isGreaterThan(info.value(0, 1, 0));
        assertThat(info.value(1, 2, 0)).isGreaterThan(info.value(0, 1, 0));
    }

    @Test
    void aPairIsWorthTheSameWhicheverSideComesFirst() {
        double[] games = games(3, new int[][] {{0, 1, 40}, {0, 2, 40}, {1, 2, 40}});
        ExpectedInformation info = ExpectedInformation.fromBoard(new double[] {1000, 1020, 1600}, games,
                Criterion.ALL_RATINGS);

        assertThat(info.value(0, 1, 0)).isPositive().isEqualTo(info.value(1, 0, 0));
    }

    @Test
    void theNeighboursHardestToTellApartGetTheVotes() {
        // 1 and 2 are 5 points apart, 0 and 1 are 150: the same votes leave 1–2 far from separated
        double[] games = games(3, new int[][] {{0, 1, 30}, {1, 2, 30}});
        ExpectedInformation info = ExpectedInformation.fromBoard(new double[] {850, 1000, 1005}, games,
                Criterion.ADJACENT_DIFFERENCES);

        assertThat(info.value(1, 2, 0)).isGreaterThan(info.value(0, 1, 0));
    }

    /** The value after n votes since the figures is exact for votes on the same pair at the same ratings. */
    @ParameterizedTest
    @EnumSource(Criterion.class)
    void theValueAfterVotesSinceIsTheValueOfTheUpdatedCovariance(Criterion criterion) {
        double[] rating = {1000, 1030, 980, 1100};
        int[][] before = {{0, 1, 20}, {1, 2, 10}, {2, 3, 5}};
        int[][] after = {{0, 1, 20}, {1, 2, 13}, {2, 3, 5}};
        ExpectedInformation stale = ExpectedInformation.fromBoard(rating, games(4, before), criterion);
        ExpectedInformation fresh = ExpectedInformation.fromBoard(rating, games(4, after), criterion);

        assertThat(stale.value(1, 2, 3)).isCloseTo(fresh.value(1, 2, 0), within(1e-9 * fresh.value(1, 2, 0)));
        assertThat(stale.value(1, 2, 3)).isLessThan(stale.value(1, 2, 0));
    }

    private static double[] games(int m, int[][] counts) {
        double[] games = new double[m * m];
        for (int[] count : counts) {
            games[count[0] * m + count[1]] = count[2];
            games[count[1] * m + count[0]] = count[2];
        }
        return games;
    }
}
