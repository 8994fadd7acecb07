package dev.autobench.arena.ranking;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinomialSamplerTest {

    @ParameterizedTest
    @CsvSource({"5, 0.3", "40, 0.1", "1000, 0.3", "1000, 0.93", "1000000, 0.001", "1000000, 0.4", "17, 1.0", "9, 0.0", "1000000, 0.000005", "20, 0.2", "3, 0.5"})
    void meanAndVarianceMatchTheBinomial(long n, double p) {
        SplittableRandom random = new SplittableRandom(n * 31 + (long) (p * 1000));
        int draws = 40_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            long x = BinomialSampler.sample(random, n, p);
            assertThat(x).isBetween(0L, n);
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / draws;
        double variance = squares / draws - mean * mean;
        double expectedVariance = n * p * (1 - p);
        // 6 standard errors: deterministic seed, yet a real check of the distribution
        assertThat(mean).isCloseTo(n * p, within(6 * Math.sqrt(expectedVariance / draws) + 1e-9));
        assertThat(variance).isCloseTo(expectedVariance, within(0.05 * expectedVariance + 1e-9));
    }

    /** The small-mean path against the exact probabilities: Binomial(10⁶, 4·10⁻⁶), mean 4. */
    @Test
    void smallMeansFollowTheExactDistribution() {
        long n = 1_000_000;
        double p = 4e-6;
        SplittableRandom random = new SplittableRandom(99);
        int draws = 200_000;
        long[] frequency = new long[12];
        for (int i = 0; i < draws; i++) {
            long x = BinomialSampler.sample(random, n, p);
            frequency[(int) Math.min(x, 11)]++;
        }
        double probability = Math.exp(n * Math.log1p(-p));
        for (int k = 0; k < 11; k++) {
            double expected = draws * probability;
            assertThat((double) frequency[k]).as("P(X = %d)", k)
                    .isCloseTo(expected, within(6 * Math.sqrt(expected) + 1));
            probability *= (p / (1 - p)) * (n - k) / (k + 1);
        }
    }

    @Test
    void multinomialResamplingKeepsTheTotalAndTheShares() {
        Battles battles = Simulation.battles(Simulation.evenRatings(5, 100), 100_000, 0.1, new SplittableRandom(3));
        PairCounts counts = PairCounts.of(battles);
        long[] sample = new long[counts.counts.length];
        double[] shares = new double[counts.counts.length];
        SplittableRandom random = new SplittableRandom(4);
        int rounds = 200;
        for (int r = 0; r < rounds; r++) {
            counts.resample(random, sample);
            assertThat(java.util.Arrays.stream(sample).sum()).isEqualTo(counts.total);
            for (int k = 0; k < sample.length; k++) {
                shares[k] += (double) sample[k] / rounds;
            }
        }
        for (int k = 0; k < sample.length; k++) {
            assertThat(shares[k]).isCloseTo(counts.counts[k], within(6 * Math.sqrt(counts.counts[k] / (double) rounds) + 1));
        }
    }

    @Test
    void logFactorialIsContinuousAcrossTheTable() {
        double exact = 0;
        for (int k = 1; k <= 2000; k++) {
            exact += Math.log(k);
            assertThat(BinomialSampler.logFactorial(k)).isCloseTo(exact, within(1e-8 * exact));
        }
    }
}
