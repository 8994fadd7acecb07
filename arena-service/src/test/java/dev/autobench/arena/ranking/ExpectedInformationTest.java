package dev.autobench.arena.ranking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedInformationTest {

    @Test
    void closeModelsAreWorthMoreThanDistantOnesAtEqualUncertainty() {
        ExpectedInformation info = ExpectedInformation.fromIntervals(new double[] {1000, 1020, 1400},
                new double[] {950, 970, 1350}, new double[] {1050, 1070, 1450});

        assertThat(info.priority(0, 1)).isGreaterThan(info.priority(0, 2));
        assertThat(info.priority(0, 1)).isEqualTo(info.priority(1, 0));
    }

    @Test
    void theWidestIntervalsAndUnratedModelsComeFirst() {
        ExpectedInformation info = ExpectedInformation.fromIntervals(new double[] {1000, 1000, 1000, Double.NaN},
                new double[] {990, 900, 990, Double.NaN}, new double[] {1010, 1100, 1010, Double.NaN});

        assertThat(info.priority(0, 1)).as("a wide interval").isGreaterThan(info.priority(0, 2));
        assertThat(info.priority(0, 3)).as("a model without votes").isGreaterThan(info.priority(0, 1));
    }

    @Test
    void observingAVoteLowersThatPairsPriority() {
        ExpectedInformation info = ExpectedInformation.fromIntervals(new double[] {1000, 1000},
                new double[] {900, 900}, new double[] {1100, 1100});
        double before = info.priority(0, 1);

        info.observe(0, 1);

        assertThat(info.priority(0, 1)).isPositive().isLessThan(before);
    }

    /** The simulation: expected information separates adjacent models with fewer votes than least-voted-first. */
    @Test
    void expectedInformationNeedsFewerVotesThanLeastVotedFirst() {
        SamplingSimulation.Result result = SamplingSimulation.run(8, 250, 6, 77);

        assertThat(result.expectedInformation()).isLessThan(result.leastVoted());
    }
}
